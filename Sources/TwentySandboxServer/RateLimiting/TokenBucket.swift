/// One of Twenty's token buckets: full at `count` tokens, refilled continuously at `count` per window.
///
/// Mirrors the Lua script Twenty runs in Redis
/// (packages/twenty-server/src/engine/core-modules/throttler/constants/try-consume-token-buckets-script.constant.ts,
/// and the same script under core-modules/usage-limit/constants/): tokens are fractional, refilled by
/// `elapsed * refill / windowMs` and capped at the burst; a request needs `floor(tokens) >= cost`; a refused request
/// leaves the bucket untouched; the wait is `ceil((cost - tokens) * windowMs / refill)`.
struct TokenBucket: Sendable {
    let limit: RateLimit
    private var tokens: Double
    /// `nil` until the first admitted request: an untouched bucket is full.
    private var lastRefillAt: Int64?

    init(limit: RateLimit) {
        self.limit = limit
        self.tokens = Double(limit.count)
    }

    func available(at now: Int64) -> Double {
        guard let lastRefillAt else { return Double(limit.count) }
        // A clock that steps backwards refills nothing rather than draining the bucket.
        let elapsed = Double(max(0, now - lastRefillAt))
        return min(Double(limit.count), tokens + elapsed * Double(limit.count) / Double(limit.windowMilliseconds))
    }

    func hasRoom(for cost: Int, at now: Int64) -> Bool { available(at: now).rounded(.down) >= Double(cost) }

    func retryAfterMilliseconds(for cost: Int, at now: Int64) -> Int64 {
        let missing = Double(cost) - available(at: now)
        guard missing > 0 else { return 0 }
        return Int64((missing * Double(limit.windowMilliseconds) / Double(limit.count)).rounded(.up))
    }

    mutating func take(_ cost: Int, at now: Int64) {
        tokens = available(at: now) - Double(cost)
        lastRefillAt = now
    }
}
