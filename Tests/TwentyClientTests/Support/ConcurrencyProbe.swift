import Foundation
import TwentyClient

/// Answers 200 after yielding, and records the most requests it ever had at once.
final class ConcurrencyProbe: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var current = 0
    private var highest = 0

    var peak: Int { lock.withLock { highest } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        lock.withLock {
            current += 1
            highest = max(highest, current)
        }
        for _ in 0..<5 { await Task.yield() }
        lock.withLock { current -= 1 }
        return HTTPResponse(status: 200, body: Data("{}".utf8))
    }
}
