import Foundation
import TwentyClient

/// One simulated run of the client against a `SimulatedThrottler`, and what it shows about learning and pacing.
struct PacingRun {
    let style: SimulatedThrottler.Style
    let limits: [(count: Int, window: Double)]
    let elapsed: Double
    let admitted: [Double]
    let refused: [Double]
    let sent: Int
    let failed: Int
    let learned: RateLimits
    let wallSeconds: Double

    static func simulate(
        style: SimulatedThrottler.Style, limits: [(count: Int, window: Double)], seconds: Double
    ) async throws -> PacingRun {
        let clock = ManualPacingClock()
        let throttler = SimulatedThrottler(clock: clock, style: style, limits: limits)
        let client = TwentyClient(
            connection: try TwentyConnection(url: "http://127.0.0.1:3000", apiKey: TwentyAPIKey("bench")),
            transport: throttler, clock: clock)
        let wallStart = DispatchTime.now().uptimeNanoseconds
        var failed = 0
        while clock.now() < seconds {
            // A request that exhausts its retries is a figure here, not the end of the run.
            do { _ = try await client.get("rest/companies?limit=1") } catch { failed += 1 }
        }
        return PacingRun(
            style: style, limits: limits, elapsed: clock.now(), admitted: throttler.admitted,
            refused: throttler.refused, sent: client.requestsSent, failed: failed, learned: await client.pacer.learned,
            wallSeconds: Double(DispatchTime.now().uptimeNanoseconds - wallStart) / 1e9)
    }

    var longLimit: (count: Int, window: Double) { limits[limits.count - 1] }

    /// Admitted requests in each complete long window of the steady state.
    var steadyWindows: [Int] {
        let window = longLimit.window
        var start = max(window, refused.first ?? 0)
        var counts: [Int] = []
        while start + window <= elapsed {
            counts.append(admitted.filter { $0 >= start && $0 < start + window }.count)
            start += window
        }
        return counts
    }

    func report(workspace: String) -> String {
        let described = limits.map { "\($0.count)/\(format($0.window)) s" }.joined(separator: ", ")
        let windows = steadyWindows
        let mean = windows.isEmpty ? 0 : Double(windows.reduce(0, +)) / Double(windows.count)
        let share = mean / Double(longLimit.count) * 100
        let opening = admitted.filter { $0 < longLimit.window }.count
        return [
            "\(workspace) (\(described)), \(style.rawValue) 429s:",
            "  learned         short \(learned.shortLimit)/\(format(learned.shortWindow)) s,"
                + " long \(learned.longLimit)/\(format(learned.longWindow)) s",
            "  requests        \(sent) sent, \(admitted.count) admitted, \(failed) failed after all retries,"
                + " in \(format(elapsed)) s simulated (\(String(format: "%.2f", wallSeconds)) s real)",
            "  429s            \(refused.count) in all, \(max(0, refused.count - 1)) after the first" + refusalTimes,
            "  steady state    \(windows.count) long windows, admitted per window: mean "
                + String(format: "%.1f", mean) + ", min \(windows.min() ?? 0), max \(windows.max() ?? 0)"
                + " of \(longLimit.count) -> " + String(format: "%.1f%%", share)
                + (share >= 95 ? " (>= 95%)" : " (BELOW 95%)"),
            "  first window    \(opening) admitted in [0, \(format(longLimit.window)) s), the opening burst included",
        ].joined(separator: "\n")
    }

    /// ` (at 0 s, 61.2 s, ...)`: when the first few refusals came, so a storm shows as a run of close times.
    private var refusalTimes: String {
        guard !refused.isEmpty else { return "" }
        let shown = refused.prefix(6).map { format($0) + " s" }.joined(separator: ", ")
        return " (at \(shown)\(refused.count > 6 ? ", ..." : ""))"
    }

    private func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.3f", value)
    }
}
