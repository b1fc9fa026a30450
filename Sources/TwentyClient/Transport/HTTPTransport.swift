import Foundation

/// One HTTP exchange, so the client (and the field map's assist) can be tested without a network.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}

public struct HTTPRequest: Sendable {
    public var method: String
    public var url: URL
    public var headers: [String: String]
    public var body: Data?
    /// Bytes sent from a file instead of `body`, so a large upload is read as it goes rather than held whole; a
    /// transport that cannot stream reads it with ``bodyBytes()``.
    public var bodyFile: HTTPFileBody?

    public init(
        method: String, url: URL, headers: [String: String] = [:], body: Data? = nil, bodyFile: HTTPFileBody? = nil
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.bodyFile = bodyFile
    }

    /// The body as bytes in memory: `body`, or the file's content for a transport that cannot stream.
    public func bodyBytes() throws -> Data? {
        if let body { return body }
        guard let bodyFile else { return nil }
        return try Data(contentsOf: bodyFile.url)
    }
}

/// A request body read from disk: the file and the length announced (Content-Length) for it.
public struct HTTPFileBody: Sendable {
    public var url: URL
    public var length: Int

    public init(url: URL, length: Int) {
        self.url = url
        self.length = length
    }
}

public struct HTTPResponse: Sendable {
    public var status: Int
    /// Header names lower-cased, so lookups need not care how the server spelled them.
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String] = [:], body: Data) {
        self.status = status
        self.headers = Dictionary(
            headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.body = body
    }

    public func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// A transport failure before any answer (refused connection, timeout, reset): worth retrying.
public struct TransportFailure: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
