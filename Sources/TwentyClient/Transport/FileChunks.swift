import Foundation
import NIOCore

/// A file's bytes as an async sequence of buffers of at most `chunkSize`, for async-http-client's streamed body: the
/// memory an upload takes is one chunk, whatever the file's size. Each iteration opens the file anew, so a retried
/// request sends the same bytes from the start.
struct FileChunks: AsyncSequence, Sendable {
    typealias Element = ByteBuffer

    let url: URL
    var chunkSize = 256 * 1024

    struct AsyncIterator: AsyncIteratorProtocol {
        let url: URL
        let chunkSize: Int
        var handle: FileHandle?
        var finished = false

        mutating func next() async throws -> ByteBuffer? {
            guard !finished else { return nil }
            if handle == nil { handle = try FileHandle(forReadingFrom: url) }
            guard let data = try handle?.read(upToCount: chunkSize), !data.isEmpty else {
                finished = true
                try handle?.close()
                handle = nil
                return nil
            }
            return ByteBuffer(bytes: data)
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(url: url, chunkSize: chunkSize) }
}
