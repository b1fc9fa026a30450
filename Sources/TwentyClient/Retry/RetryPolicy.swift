/// How often and how long to retry what may succeed later: 429, 5xx and network failures. Other 4xx answers are the
/// request's fault and are never retried.
public struct RetryPolicy: Sendable {
    /// Attempts in all, the first included.
    public var maxAttempts: Int
    public var baseDelay: Double
    public var maxDelay: Double
    /// A number in 0..<1 per call; injected so tests get exact delays.
    public var random: @Sendable () -> Double

    public init(
        maxAttempts: Int = 6, baseDelay: Double = 0.5, maxDelay: Double = 30,
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.random = random
    }

    /// The wait before attempt `attempt + 1` (attempt counts from 1): exponential, capped, with "equal jitter" (half
    /// fixed, half random) so that clients failing together do not come back together.
    public func delay(afterAttempt attempt: Int) -> Double {
        let exponential = min(maxDelay, baseDelay * Double(1 << min(attempt - 1, 20)))
        return exponential / 2 + exponential / 2 * random()
    }

    public static func isRetryable(status: Int) -> Bool { status == 429 || (500...599).contains(status) }
}
