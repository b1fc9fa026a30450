import Foundation
import TwentyClient

/// A workspace's throttler as Twenty keeps it (section 11): a short and a long token bucket, refilled continuously,
/// read on the test's manual clock. It answers every admitted request 200 and counts what it refused.
final class ThrottledWorkspace: HTTPTransport, @unchecked Sendable {
    enum Style {
        /// Default engine: 429 with no headers, `Limit reached (N tokens per M ms)`.
        case legacy
        /// Default engine with the message left out: nothing at all to learn from.
        case silent
        /// v2 engine: `Retry-After` and `X-RateLimit-*` headers, a message that names no window.
        case headers
        /// v2 engine as the sandbox plays it: the headers, and `N requests per Ws.` in the message.
        case v2
    }

    let clock: ManualPacingClock
    let style: Style
    private let lock = NSLock()
    private var buckets: [(limit: Double, window: Double, tokens: Double)]
    private var refilledAt: Double
    private(set) var admittedAt: [Double] = []
    private(set) var refusedCount = 0

    init(clock: ManualPacingClock, style: Style, limits: [(Int, Double)]) {
        self.clock = clock
        self.style = style
        buckets = limits.map { (Double($0.0), $0.1, Double($0.0)) }
        refilledAt = clock.now()
    }

    var admitted: [Double] { lock.withLock { admittedAt } }
    var refused: Int { lock.withLock { refusedCount } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        lock.withLock {
            let now = clock.now()
            for index in buckets.indices {
                let bucket = buckets[index]
                buckets[index].tokens = min(
                    bucket.limit, bucket.tokens + (now - refilledAt) * bucket.limit / bucket.window)
            }
            refilledAt = now
            if let empty = buckets.first(where: { $0.tokens < 1 }) {
                refusedCount += 1
                return refusal(empty)
            }
            for index in buckets.indices { buckets[index].tokens -= 1 }
            admittedAt.append(now)
            return HTTPResponse(status: 200, body: Data(#"{"data":{"people":[]}}"#.utf8))
        }
    }

    private func refusal(_ bucket: (limit: Double, window: Double, tokens: Double)) -> HTTPResponse {
        let limit = Int(bucket.limit)
        switch style {
        case .legacy:
            let body =
                #"{"statusCode":429,"error":"TooManyRequestsException","messages":["Limit reached ("#
                + "\(limit) tokens per \(Int(bucket.window * 1000)) ms)\"]}"
            return HTTPResponse(status: 429, body: Data(body.utf8))
        case .silent:
            return HTTPResponse(status: 429, body: Data())
        case .headers, .v2:
            let wait = Int(((1 - bucket.tokens) * bucket.window / bucket.limit).rounded(.up))
            let message =
                style == .v2
                ? "Rate limit exceeded for workspace: \(limit) requests per \(Int(bucket.window))s."
                : "Too many requests"
            return HTTPResponse(
                status: 429,
                headers: ["Retry-After": "\(wait)", "X-RateLimit-Limit": "\(limit)", "X-RateLimit-Remaining": "0"],
                body: Data((#"{"statusCode":429,"error":"RATE_LIMITED","messages":[""# + message + #""]}"#).utf8))
        }
    }

    /// True when no span of admitted requests holds more than a continuously refilled bucket allows: `limit` at
    /// once plus `limit / window` per second of the span (the throttler's own definition of "within the limit").
    func conforms(limit: Int, window: Double) -> Bool {
        let times = admitted
        for first in times.indices {
            for last in first..<times.count {
                let allowed = Double(limit) + (times[last] - times[first]) * Double(limit) / window
                if Double(last - first + 1) > allowed + 1e-9 { return false }
            }
        }
        return true
    }

    /// The most requests admitted in any span shorter than `window` seconds.
    func busiestWindow(_ window: Double) -> Int {
        let times = admitted
        var best = 0
        var start = 0
        for end in times.indices {
            while times[end] - times[start] >= window { start += 1 }
            best = max(best, end - start + 1)
        }
        return best
    }
}
