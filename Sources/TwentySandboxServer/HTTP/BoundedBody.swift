import Hummingbird

/// Reads a request body up to a bound, so an oversized upload is refused without being held in memory.
enum BoundedBody {
    enum Outcome {
        case complete([UInt8])
        case tooLarge
    }

    static func read(_ request: Request, limit: Int) async throws -> Outcome {
        // A declared length over the bound is refused before a byte is read.
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit { return .tooLarge }
        var bytes: [UInt8] = []
        for try await buffer in request.body {
            guard bytes.count + buffer.readableBytes <= limit else { return .tooLarge }
            bytes.append(contentsOf: buffer.readableBytesView)
        }
        return .complete(bytes)
    }
}
