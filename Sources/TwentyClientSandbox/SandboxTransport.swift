import Foundation
import TwentyClient
import TwentySandbox

/// The client's requests answered by a sandbox engine in this process: no socket, the same exchanges. Faults and
/// throttling a test wants are added by wrapping the handler.
public struct SandboxTransport: HTTPTransport {
    public let handler: any SandboxHandling

    public init(_ handler: any SandboxHandling) { self.handler = handler }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let components = URLComponents(url: request.url, resolvingAgainstBaseURL: true)
        let query = (components?.queryItems ?? []).map { (name: $0.name, value: $0.value ?? "") }
        let headers = Dictionary(
            request.headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        let answer = await handler.handle(
            SandboxRequest(
                method: request.method.uppercased(), path: components?.path ?? request.url.path, query: query,
                headers: headers, body: try request.bodyBytes().map { Array($0) } ?? []))
        var responseHeaders: [String: String] = [:]
        for header in answer.headers { responseHeaders[header.name.lowercased()] = header.value }
        return HTTPResponse(status: answer.status, headers: responseHeaders, body: Data(answer.body))
    }
}
