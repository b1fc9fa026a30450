import Foundation
import TwentyClient

/// A transport that answers from a script, one entry per request, and keeps what it was sent.
final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
    enum Step {
        case answer(Int, headers: [String: String] = [:], body: String = "{}")
        case fail
    }

    private let lock = NSLock()
    private var script: [Step]
    private var sent: [HTTPRequest] = []

    init(_ script: [Step]) { self.script = script }

    var requests: [HTTPRequest] { lock.withLock { sent } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let step: Step = lock.withLock {
            sent.append(request)
            return script.isEmpty ? .answer(200) : script.removeFirst()
        }
        switch step {
        case .answer(let status, let headers, let body):
            return HTTPResponse(status: status, headers: headers, body: Data(body.utf8))
        case .fail:
            throw TransportFailure("connection reset")
        }
    }
}

/// A client over `transport` on a manual clock, with jitter fixed so delays are exact.
func scriptedClient(
    _ transport: any HTTPTransport, clock: ManualPacingClock = ManualPacingClock(),
    limits: RateLimits = RateLimits(), maxAttempts: Int = 6
) throws -> TwentyClient {
    TwentyClient(
        connection: try TwentyConnection(url: "http://127.0.0.1:3000", apiKey: TwentyAPIKey(testKey)),
        transport: transport, limits: limits, retry: RetryPolicy(maxAttempts: maxAttempts, random: { 0.5 }),
        clock: clock)
}

let testKey = "sk-test-4b1d9e77c0ffee"
