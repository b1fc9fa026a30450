import Synchronization

/// Twenty's API rate limiting for one workspace (the sandbox is one workspace): a short and a long token bucket,
/// one token per request whatever its batch size, admitted only when every bucket has room.
///
/// The algorithm is the one in packages/twenty-server/src/engine/core-modules/usage-limit/services/
/// usage-limit-speed.service.ts (`consumeOrThrow`) over try-consume-token-buckets-script.constant.ts with partial
/// admission denied: buckets are checked narrowest first, the first exhausted one names the limit reported, the
/// caller waits for the slowest to refill, and nothing is consumed from any bucket unless all admit.
public final class RateLimiter: Sendable {
    private let clock: any RateLimitClock
    private let limits: [RateLimit]
    private let buckets: Mutex<[TokenBucket]>

    /// `nil` limits are off; with both off every request is admitted.
    public init(short: RateLimit?, long: RateLimit?, clock: any RateLimitClock) {
        self.clock = clock
        self.limits = [short, long].compactMap { $0 }.sorted { $0.windowMilliseconds < $1.windowMilliseconds }
        self.buckets = Mutex(limits.map(TokenBucket.init(limit:)))
    }

    public func admit(cost: Int = 1) -> RateLimitDecision {
        let now = clock.nowMilliseconds
        return buckets.withLock { buckets in
            var exhausted: RateLimit?
            var retryAfter: Int64 = 0
            for bucket in buckets where !bucket.hasRoom(for: cost, at: now) {
                exhausted = exhausted ?? bucket.limit
                retryAfter = max(retryAfter, bucket.retryAfterMilliseconds(for: cost, at: now))
            }
            if let exhausted {
                return .throttled(Throttle(limit: exhausted, retryAfterMilliseconds: retryAfter, nowMilliseconds: now))
            }
            for index in buckets.indices { buckets[index].take(cost, at: now) }
            return .admitted
        }
    }

    /// Full buckets again (`POST /_sandbox/reset`).
    public func reset() {
        buckets.withLock { $0 = limits.map(TokenBucket.init(limit:)) }
    }

    /// The limit reported when a 429 is forced by a fault rather than earned: the long window, as on Twenty Cloud.
    var reportedLimit: RateLimit { limits.last ?? .twentyLongDefault }
    var now: Int64 { clock.nowMilliseconds }
}

public enum RateLimitDecision: Sendable, Equatable {
    case admitted
    case throttled(Throttle)
}

/// A refusal, with what Twenty tells the caller about it.
public struct Throttle: Sendable, Equatable {
    /// The first exhausted bucket, narrowest first.
    public let limit: RateLimit
    /// Until the slowest exhausted bucket has a token again.
    public let retryAfterMilliseconds: Int64
    public let nowMilliseconds: Int64

    /// Whole seconds, never 0 (packages/twenty-server/src/engine/core-modules/usage-limit/utils/
    /// get-retry-after-seconds.util.ts: a 0 would invite a retry that is bound to fail).
    public var retryAfterSeconds: Int64 { max(1, (retryAfterMilliseconds + 999) / 1000) }

    /// `X-RateLimit-Reset`: `ceil(now / 1000) + retryAfterSeconds`, epoch seconds
    /// (usage-limit/utils/build-rate-limit-response-headers.util.ts).
    public var resetEpochSeconds: Int64 { (nowMilliseconds + 999) / 1000 + retryAfterSeconds }
}
