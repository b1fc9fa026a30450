import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A fake OpenAI-compatible `POST /chat/completions` endpoint on a real loopback port, so the assist is tested
/// through URLSession, HTTP framing and all, rather than through an in-memory transport. It answers every request
/// with one canned completion and keeps what it received.
final class LoopbackCompletionsServer: @unchecked Sendable {
    struct Request: Sendable {
        var method: String
        var path: String
        /// Header names lower-cased.
        var headers: [String: String]
        var body: Data
    }

    let port: UInt16
    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)/v1")! }

    private let listener: Int32
    private let answer: Data
    private let lock = NSLock()
    private var received: [Request] = []

    var requests: [Request] { lock.withLock { received } }

    /// Listens on 127.0.0.1 at a port the system picks; `content` is the assistant message every answer carries.
    init(content: String) throws {
        answer = try JSONSerialization.data(withJSONObject: [
            "id": "chatcmpl-test", "object": "chat.completion",
            "choices": [["index": 0, "finish_reason": "stop", "message": ["role": "assistant", "content": content]]],
        ])
        #if canImport(Glibc)
            let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let listener = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard listener >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr = in_addr(s_addr: UInt32(0x7F00_0001).bigEndian)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(listener, socketAddress, length) == 0 && listen(listener, 8) == 0
                    && getsockname(listener, socketAddress, &length) == 0
            }
        }
        guard bound else {
            let code = errno
            close(listener)
            throw POSIXError(.init(rawValue: code) ?? .EIO)
        }
        self.listener = listener
        port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [self] in serve() }
        thread.start()
    }

    /// Shutting the listener down wakes the blocked accept, which ends the serving thread.
    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func serve() {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }
            if let request = read(connection) {
                lock.withLock { received.append(request) }
                let head =
                    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(answer.count)\r\nConnection: close\r\n\r\n"
                write(connection, Data(head.utf8) + answer)
            }
            close(connection)
        }
    }

    /// One request: the head up to the blank line, then a Content-Length or chunked body.
    private func read(_ connection: Int32) -> Request? {
        var buffer: [UInt8] = []
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        var headEnd: Int?
        while headEnd == nil {
            guard receive(connection, into: &buffer) else { return nil }
            headEnd = buffer.firstRange(of: separator)?.upperBound
        }
        guard let headEnd else { return nil }
        let lines = String(decoding: buffer[..<(headEnd - separator.count)], as: UTF8.self).components(
            separatedBy: "\r\n")
        let requestLine = lines[0].split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        // libcurl, under URLSession on Linux, may wait for this before sending a large body.
        if headers["expect"]?.lowercased() == "100-continue" {
            write(connection, Data("HTTP/1.1 100 Continue\r\n\r\n".utf8))
        }
        var body = Array(buffer[headEnd...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" {
            guard let decoded = dechunk(connection, &body) else { return nil }
            body = decoded
        } else {
            let length = Int(headers["content-length"] ?? "0") ?? 0
            while body.count < length { guard receive(connection, into: &body) else { return nil } }
        }
        return Request(method: String(requestLine[0]), path: String(requestLine[1]), headers: headers, body: Data(body))
    }

    private func dechunk(_ connection: Int32, _ pending: inout [UInt8]) -> [UInt8]? {
        var body: [UInt8] = []
        let crlf: [UInt8] = [0x0D, 0x0A]
        while true {
            var line = pending.firstRange(of: crlf)
            while line == nil {
                guard receive(connection, into: &pending) else { return nil }
                line = pending.firstRange(of: crlf)
            }
            guard let line,
                let size = Int(
                    String(decoding: pending[..<line.lowerBound], as: UTF8.self).split(separator: ";")[0], radix: 16)
            else { return nil }
            pending.removeSubrange(..<line.upperBound)
            while pending.count < size + 2 { guard receive(connection, into: &pending) else { return nil } }
            if size == 0 { return body }
            body += pending[..<size]
            pending.removeSubrange(..<(size + 2))
        }
    }

    private func receive(_ connection: Int32, into buffer: inout [UInt8]) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = recv(connection, &chunk, chunk.count, 0)
        guard count > 0 else { return false }
        buffer += chunk[..<count]
        return true
    }

    /// A client that hung up must not kill the test process with SIGPIPE.
    #if canImport(Glibc)
        private static let noSignal = Int32(MSG_NOSIGNAL)
    #else
        private static let noSignal: Int32 = 0
    #endif

    private func write(_ connection: Int32, _ data: Data) {
        var offset = 0
        let bytes = [UInt8](data)
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Self.noSignal) }
            guard sent > 0 else { return }
            offset += sent
        }
    }
}
