import Synchronization
import TwentySandboxServer

/// A rate-limit clock moved by hand, so window tests need no sleeping.
final class ManualClock: RateLimitClock {
    /// Half a second past a whole second, so rounding `now` up and down give different answers.
    static let start: Int64 = 1_750_000_000_500

    private let milliseconds = Mutex<Int64>(ManualClock.start)

    var nowMilliseconds: Int64 { milliseconds.withLock { $0 } }

    func advance(milliseconds delta: Int64) { milliseconds.withLock { $0 += delta } }
}
