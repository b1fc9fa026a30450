import Foundation

/// Time as the pacer reads it, injected so tests move time by hand instead of sleeping.
public protocol PacingClock: Sendable {
    /// Seconds since an arbitrary fixed point.
    func now() -> Double
    func sleep(seconds: Double) async throws
}

/// The real clock: monotonic, so a wall-clock change cannot open or close a window.
public struct SystemPacingClock: PacingClock {
    public init() {}

    public func now() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1_000_000_000
    }

    public func sleep(seconds: Double) async throws {
        guard seconds > 0 else { return }
        try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
    }
}

/// A clock that only moves when told: `sleep` advances it at once by the time asked, so a test runs a minute of pacing
/// in microseconds and every timestamp is exact.
public final class ManualPacingClock: PacingClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Double
    private var slept: [Double] = []

    public init(start: Double = 0) { current = start }

    public func now() -> Double { lock.withLock { current } }

    public func sleep(seconds: Double) async throws {
        lock.withLock {
            slept.append(seconds)
            if seconds > 0 { current += seconds }
        }
    }

    public func advance(by seconds: Double) { lock.withLock { current += seconds } }

    /// Every wait asked of the clock, in order.
    public var sleeps: [Double] { lock.withLock { slept } }
}
