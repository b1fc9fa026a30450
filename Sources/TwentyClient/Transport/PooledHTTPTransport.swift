import AsyncHTTPClient
import Foundation
import NIOCore

/// The tool's transport to a real workspace: async-http-client, whose pool keeps connections alive between calls so a
/// long migration does not pay a TCP (and TLS) handshake per request.
public final class PooledHTTPTransport: HTTPTransport {
    private let client: HTTPClient
    private let requestTimeout: Int64

    /// `connectTimeout` bounds opening a connection; `requestTimeout` the whole exchange (a large batch takes a while).
    public init(connectTimeout: Int64 = 10, requestTimeout: Int64 = 120, idleTimeout: Int64 = 60) {
        var configuration = HTTPClient.Configuration(
            timeout: .init(connect: .seconds(connectTimeout), read: .seconds(requestTimeout)),
            connectionPool: .init(idleTimeout: .seconds(idleTimeout)))
        // A redirect could carry the Authorization header to another host: refuse them instead.
        configuration.redirectConfiguration = .disallow
        client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        self.requestTimeout = requestTimeout
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var outgoing = HTTPClientRequest(url: request.url.absoluteString)
        outgoing.method = .init(rawValue: request.method)
        for (name, value) in request.headers { outgoing.headers.add(name: name, value: value) }
        if let body = request.body {
            // Data itself, not an Array copy: async-http-client copies it out in ~4 MB pieces as it sends.
            outgoing.body = .bytes(body)
        } else if let file = request.bodyFile {
            // Streamed in chunks with its length announced: a large attachment never sits whole in memory.
            outgoing.body = .stream(FileChunks(url: file.url), length: .known(Int64(file.length)))
        }
        let response: HTTPClientResponse
        do {
            response = try await client.execute(outgoing, timeout: .seconds(requestTimeout))
        } catch {
            throw TransportFailure("\(request.method) \(request.url.path) did not complete: \(error)")
        }
        var body = Data()
        do {
            for try await chunk in response.body { body.append(contentsOf: chunk.readableBytesView) }
        } catch {
            throw TransportFailure("\(request.method) \(request.url.path): the answer was cut off: \(error)")
        }
        var headers: [String: String] = [:]
        for (name, value) in response.headers { headers[name.lowercased()] = value }
        return HTTPResponse(status: Int(response.status.code), headers: headers, body: body)
    }

    /// Closes the pool; call once the client is done (async-http-client requires it before deinit).
    public func shutdown() async throws { try await client.shutdown() }
}
