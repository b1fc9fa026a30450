import Foundation

/// Where an attachment's bytes come from: already in memory, or a file on disk that is read as it is sent (an
/// export's `files/` folder can hold files far larger than anything worth loading whole).
public enum UploadSource: Sendable {
    case bytes(Data)
    case file(URL)

    /// The size in bytes, from the file system for a file (nothing is read).
    func size() throws -> Int {
        switch self {
        case .bytes(let data):
            return data.count
        case .file(let url):
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            guard let size = (attributes[.size] as? NSNumber)?.intValue else {
                throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: url.path])
            }
            return size
        }
    }

    /// Calls `body` with successive pieces of the content, at most one piece in memory at a time.
    func forEachChunk(size chunk: Int = 1 << 20, _ body: (Data) throws -> Void) throws {
        switch self {
        case .bytes(let data):
            try body(data)
        case .file(let url):
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            while let piece = try handle.read(upToCount: chunk), !piece.isEmpty { try body(piece) }
        }
    }

    /// The request body for a single-part PUT: the data itself, or the file streamed by a transport that can.
    func putBody(size: Int) -> (body: Data?, file: HTTPFileBody?) {
        switch self {
        case .bytes(let data): (data, nil)
        case .file(let url): (nil, HTTPFileBody(url: url, length: size))
        }
    }
}
