/// Paces requests to a workspace with both of Twenty's windows, so the client is refused rarely and, when it is,
/// slows down instead of retrying into the wall.
///
/// The default (legacy) engine answers a bare 429, so the pacer keeps its own buckets and lowers their limits from
/// what a refusal says or, failing that, from how many requests it had sent in the window when refused. A measured
/// limit is raised again by a step after twice its count of accepted requests, never above the configured one or a
/// limit the server stated.
public actor RequestPacer {
    public let configured: RateLimits
    private var short: TokenBucket
    private var long: TokenBucket
    private let clock: any PacingClock
    private var pausedUntil: Double = 0
    /// When each admitted request left, over the long window: what a bare refusal is measured against.
    private var sent: [Double] = []
    private var acceptedSinceRefusal = 0
    /// The long window's limit as a refusal stated it (message or header): known exactly, so never probed above.
    private var statedLongLimit: Double?
    /// Added to every wait: servers count in whole milliseconds and requests take time to arrive, so arriving on the
    /// exact instant a token appears would sometimes be a moment early.
    private let margin: Double
    /// Seconds requests have spent held back here, summed over requests: what a progress display reports as time lost
    /// to the rate limit.
    public private(set) var waitedSeconds: Double = 0

    public init(limits: RateLimits = RateLimits(), clock: any PacingClock = SystemPacingClock(), margin: Double = 0.005)
    {
        configured = limits
        self.margin = margin
        self.clock = clock
        let now = clock.now()
        short = TokenBucket(limit: limits.shortLimit, window: limits.shortWindow, now: now)
        long = TokenBucket(limit: limits.longLimit, window: limits.longWindow, now: now)
    }

    /// The limits in force now (lower than configured after refusals).
    public var learned: RateLimits {
        RateLimits(
            shortLimit: Int(short.limit), shortWindow: short.window, longLimit: Int(long.limit),
            longWindow: long.window)
    }

    /// Waits until both windows have a token (and any pause a server asked for is over), then takes one from each.
    public func admit() async throws {
        while true {
            let now = clock.now()
            short.refill(now: now)
            long.refill(now: now)
            let wait = max(pausedUntil - now, short.wait(), long.wait())
            if wait <= 0 {
                short.take()
                long.take()
                sent.append(now)
                if let first = sent.first, now - first > long.window { sent.removeAll { now - $0 > long.window } }
                return
            }
            // Actor reentrancy: another request may take the token we waited for, so the loop checks again.
            waitedSeconds += wait + margin
            try await clock.sleep(seconds: wait + margin)
        }
    }

    /// The request admitted last was answered without a refusal.
    public func accepted() {
        acceptedSinceRefusal += 1
        let ceiling = statedLongLimit ?? Double(configured.longLimit)
        guard acceptedSinceRefusal >= 2 * Int(long.limit), long.limit < ceiling else { return }
        // Additive increase: a limit measured too low (another client shared the window) comes back slowly.
        acceptedSinceRefusal = 0
        let raised = min(ceiling, long.limit + max(1, long.limit / 10))
        long.raise(to: raised)
    }

    /// A 429: lower the limit that refused and wait from our own buckets (or as long as the server asked).
    public func refused(_ refusal: Refusal) {
        let now = clock.now()
        acceptedSinceRefusal = 0
        if let retryAfter = refusal.retryAfter { pausedUntil = max(pausedUntil, now + retryAfter) }
        if let limit = refusal.statedLimit, let window = refusal.statedWindow {
            // Stated exactly: the window too (a workspace may be configured with other windows than Twenty's).
            if isShort(window) {
                short.restate(limit: Double(limit), window: window)
            } else {
                long.restate(limit: Double(limit), window: window)
                statedLongLimit = Double(limit)
            }
        } else if let limit = refusal.headerLimit {
            // The header does not say which window refused: the short one if we had already sent its limit there.
            let inShort = sent.filter { now - $0 < short.window }.count - 1
            if inShort >= limit {
                short.lower(to: Double(limit))
            } else {
                long.lower(to: Double(limit))
                statedLongLimit = Double(limit)
            }
        } else if !refusal.hasHeaders {
            // Nothing said: the requests it let through in the last long window (the refused one excluded) are an
            // upper bound of what it allows there.
            let admitted = sent.filter { now - $0 <= long.window }.count - 1
            lower(window: long.window, to: Double(max(1, admitted)))
            short.empty()
        }
    }

    private func lower(window: Double, to limit: Double) {
        if isShort(window) {
            short.lower(to: limit)
        } else {
            long.lower(to: limit)
        }
    }

    /// A window no longer than the short one is the short window; any longer one is the long window.
    private func isShort(_ window: Double) -> Bool { window <= short.window }
}
