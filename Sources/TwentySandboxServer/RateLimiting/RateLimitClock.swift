import Foundation

/// Where the rate limiter reads the time: wall-clock milliseconds since the Unix epoch, as Twenty reads Redis `TIME`.
///
/// Injected so tests move time by hand instead of sleeping; `X-RateLimit-Reset` is derived from the same reading.
public protocol RateLimitClock: Sendable {
    var nowMilliseconds: Int64 { get }
}

public struct SystemRateLimitClock: RateLimitClock {
    public init() {}
    public var nowMilliseconds: Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)) }
}
