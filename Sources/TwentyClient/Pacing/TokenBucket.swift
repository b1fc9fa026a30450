/// One rate-limit window as Twenty's throttler keeps it: `limit` tokens, refilled continuously at `limit / window` per
/// second (so 100 per 60 s is ~1.67 requests/s once a burst of 100 is spent).
public struct TokenBucket: Sendable, Equatable {
    public private(set) var limit: Double
    public private(set) var window: Double
    private(set) var tokens: Double
    private var refilledAt: Double

    public init(limit: Int, window: Double, now: Double) {
        self.limit = Double(max(1, limit))
        self.window = window
        tokens = self.limit
        refilledAt = now
    }

    var rate: Double { limit / window }

    mutating func refill(now: Double) {
        guard now > refilledAt else { return }
        tokens = min(limit, tokens + (now - refilledAt) * rate)
        refilledAt = now
    }

    /// Seconds until a token is there (0 when one is).
    func wait() -> Double { tokens >= 1 ? 0 : (1 - tokens) / rate }

    mutating func take() { tokens -= 1 }

    /// The server refused: it has no token left, whatever we counted, and its limit is at most `limit`.
    mutating func lower(to newLimit: Double) {
        limit = max(1, min(limit, newLimit))
        tokens = min(tokens, 0)
    }

    /// The server stated this window's limit and length exactly: take both, with no token left.
    mutating func restate(limit newLimit: Double, window newWindow: Double) {
        limit = max(1, newLimit)
        window = newWindow
        tokens = min(tokens, 0)
    }

    mutating func raise(to newLimit: Double) { limit = max(limit, newLimit) }

    mutating func empty() { tokens = min(tokens, 0) }
}
