import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A file's text as UTF-8 bytes, read in chunks and converted from its detected encoding on the way, so memory
/// stays constant whatever the file's size.
final class DecodedByteStream {
    static let chunkSize = 1 << 20
    static let sampleSize = 1 << 16

    let path: String
    let encoding: TextEncoding
    private let chunkSize: Int
    /// A decoded chunk, and where in it bytes that were not UTF-8 were read as Windows-1252 (a UTF-8 file with a
    /// few such bytes); the CSV reader turns those offsets into line numbers.
    struct Chunk {
        var bytes: [UInt8]
        var invalidUTF8Offsets: [Int] = []
    }

    private let descriptor: Int32
    private var raw: [UInt8]
    private var rawStart = 0
    private var atEnd = false
    private var carry: [UInt8] = []  // an incomplete character or UTF-16 unit from the previous chunk

    /// `chunkSize` is the read size; tests make it tiny so that records span many chunks.
    init(path: String, chunkSize: Int = DecodedByteStream.chunkSize) throws {
        self.path = path
        self.chunkSize = chunkSize
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ExportReadError.cannotOpen(path, String(cString: strerror(errno))) }
        let sampleSize = DecodedByteStream.sampleSize
        raw = [UInt8](repeating: 0, count: sampleSize)
        let sampleCount = try DecodedByteStream.readFully(descriptor, into: &raw, upTo: sampleSize)
        let isWholeFile = sampleCount < sampleSize
        let detected = raw.withUnsafeBytes {
            TextEncoding.detect(sample: UnsafeRawBufferPointer(rebasing: $0[0..<sampleCount]), isWholeFile: isWholeFile)
        }
        encoding = detected.encoding
        raw.removeSubrange(sampleCount...)
        rawStart = detected.bomLength
        atEnd = isWholeFile
    }

    deinit { close(descriptor) }

    private static func readFully(_ descriptor: Int32, into buffer: inout [UInt8], upTo count: Int) throws -> Int {
        var total = 0
        while total < count {
            let got = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + total, count - total) }
            if got < 0 {
                if errno == EINTR { continue }
                throw ExportReadError.cannotRead("read failed: \(String(cString: strerror(errno)))")
            }
            if got == 0 { break }
            total += got
        }
        return total
    }

    /// The next chunk of UTF-8 text, or nil at the end of the file.
    func next() throws -> Chunk? {
        var input = carry
        carry.removeAll()
        if rawStart < raw.count {
            // The detection sample, handed out in chunks of the usual size.
            let end = min(raw.count, rawStart + chunkSize)
            input.append(contentsOf: raw[rawStart..<end])
            rawStart = end
        } else if !atEnd {
            raw = [UInt8](repeating: 0, count: chunkSize)
            let got = try DecodedByteStream.readFully(descriptor, into: &raw, upTo: chunkSize)
            raw.removeSubrange(got...)
            rawStart = raw.count
            if got < chunkSize { atEnd = true }
            input.append(contentsOf: raw)
        }
        if input.isEmpty { return nil }
        let isLast = atEnd && rawStart >= raw.count
        switch encoding {
        case .utf8, .utf8WithBOM: return decodeUTF8(input, isLast: isLast)
        case .windows1252: return Chunk(bytes: decode1252(input))
        case .utf16LittleEndian, .utf16BigEndian:
            return Chunk(bytes: decodeUTF16(input, bigEndian: encoding == .utf16BigEndian, isLast: isLast))
        }
    }

    /// Passes valid UTF-8 through; an invalid byte is read as Windows-1252 and its offset remembered.
    private func decodeUTF8(_ input: [UInt8], isLast: Bool) -> Chunk {
        input.withUnsafeBytes { bytes in
            if UTF8Validation.validPrefixLength(bytes) == bytes.count { return Chunk(bytes: input) }
            var chunk = Chunk(bytes: [])
            chunk.bytes.reserveCapacity(bytes.count + 64)
            var index = 0
            while index < bytes.count {
                let run = UTF8Validation.validPrefixLength(UnsafeRawBufferPointer(rebasing: bytes[index...]))
                chunk.bytes.append(contentsOf: bytes[index..<(index + run)])
                index += run
                if index >= bytes.count { break }
                let rest = UnsafeRawBufferPointer(rebasing: bytes[index...])
                if !isLast && UTF8Validation.isIncompleteSequence(rest) {
                    carry = Array(rest)
                    break
                }
                chunk.invalidUTF8Offsets.append(chunk.bytes.count)
                chunk.bytes.appendUTF8(Windows1252.scalar(bytes[index]))
                index += 1
            }
            return chunk
        }
    }

    private func decode1252(_ input: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(input.count + input.count / 8)
        for byte in input {
            if byte < 0x80 { out.append(byte) } else { out.appendUTF8(Windows1252.scalar(byte)) }
        }
        return out
    }

    private func decodeUTF16(_ input: [UInt8], bigEndian: Bool, isLast: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        var index = 0
        let count = input.count - input.count % 2
        while index + 1 < count {
            let unit = bigEndian
                ? UInt32(input[index]) << 8 | UInt32(input[index + 1])
                : UInt32(input[index + 1]) << 8 | UInt32(input[index])
            if (0xD800..<0xDC00).contains(unit) {
                guard index + 3 < count else { break }  // the low half is in the next chunk
                let low = bigEndian
                    ? UInt32(input[index + 2]) << 8 | UInt32(input[index + 3])
                    : UInt32(input[index + 3]) << 8 | UInt32(input[index + 2])
                if (0xDC00..<0xE000).contains(low) {
                    out.appendUTF8(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                    index += 4
                } else {
                    out.appendUTF8(0xFFFD)
                    index += 2
                }
                continue
            }
            out.appendUTF8((0xDC00..<0xE000).contains(unit) ? 0xFFFD : unit)
            index += 2
        }
        if index < input.count {
            if isLast { out.appendUTF8(0xFFFD) } else { carry = Array(input[index...]) }
        }
        return out
    }

}

public enum ExportReadError: Error, CustomStringConvertible, Sendable {
    case cannotOpen(String, String)
    case cannotRead(String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): return "cannot open \(path): \(reason)"
        case .cannotRead(let reason): return reason
        }
    }
}
