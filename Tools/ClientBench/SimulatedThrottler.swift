import Foundation
import TwentyClient

/// A workspace's throttler as Twenty keeps it: a short and a long token bucket, refilled continuously, read on a
/// manual clock. A copy of the idea of the tests' `ThrottledWorkspace` (test support is not importable from here),
/// recording when each request was admitted or refused so the bench can count both after learning.
final class SimulatedThrottler: HTTPTransport, @unchecked Sendable {
    enum Style: String, CaseIterable {
        /// The default engine: a bare 429, no headers, `Limit reached (N tokens per M ms)`.
        case legacy
        /// The v2 engine as the sandbox plays it: `Retry-After`, `X-RateLimit-*`, `N requests per Ws.`
        case v2
    }

    struct Bucket {
        let limit: Double
        let window: Double
        var tokens: Double
    }

    let clock: ManualPacingClock
    let style: Style
    private let lock = NSLock()
    private var buckets: [Bucket]
    private var refilledAt: Double
    private var admittedTimes: [Double] = []
    private var refusedTimes: [Double] = []

    /// `limits` as (count, window in seconds), the short window first: it is checked first, as Twenty does.
    init(clock: ManualPacingClock, style: Style, limits: [(count: Int, window: Double)]) {
        self.clock = clock
        self.style = style
        buckets = limits.map { Bucket(limit: Double($0.count), window: $0.window, tokens: Double($0.count)) }
        refilledAt = clock.now()
    }

    var admitted: [Double] { lock.withLock { admittedTimes } }
    var refused: [Double] { lock.withLock { refusedTimes } }

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
                refusedTimes.append(now)
                return refusal(empty)
            }
            for index in buckets.indices { buckets[index].tokens -= 1 }
            admittedTimes.append(now)
            return HTTPResponse(status: 200, body: Data(#"{"data":{"companies":[]}}"#.utf8))
        }
    }

    private func refusal(_ bucket: Bucket) -> HTTPResponse {
        let limit = Int(bucket.limit)
        switch style {
        case .legacy:
            let body =
                #"{"statusCode":429,"error":"HttpException","messages":["Limit reached ("#
                + "\(limit) tokens per \(Int(bucket.window * 1000)) ms)\"]}"
            return HTTPResponse(status: 429, body: Data(body.utf8))
        case .v2:
            // Whole seconds, at least 1, as the sandbox (and Twenty's get-retry-after-seconds) answer.
            let wait = max(1, Int(((1 - bucket.tokens) * bucket.window / bucket.limit).rounded(.up)))
            let message = "Rate limit exceeded for workspace: \(limit) requests per \(Int(bucket.window))s."
            return HTTPResponse(
                status: 429,
                headers: ["Retry-After": "\(wait)", "X-RateLimit-Limit": "\(limit)", "X-RateLimit-Remaining": "0"],
                body: Data(
                    (#"{"statusCode":429,"error":"RATE_LIMITED","messages":[""# + message
                        + #""],"retryAfterSeconds":\#(wait)}"#).utf8))
        }
    }
}
