import ArgumentParser
import Foundation
import TwentyClient

/// Pacing accuracy in simulated time: a client that starts from Twenty's default limits meets a workspace whose
/// limits it does not know, learns them from the 429s, and should then get at least 95% of the long window.
struct PacingBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pacing",
        abstract: "Requests admitted per long window after learning the limit, and the 429s it took, per 429 style.")

    @Option(help: "The throttler's 429 style: legacy, v2 or both.") var style = "both"
    @Option(help: "Simulated seconds per run (default: 600, ten long windows).") var seconds: Double = 600

    /// The workspaces simulated: Twenty's defaults, and the lower long limit cloud users report.
    static let workspaces: [(name: String, limits: [(count: Int, window: Double)])] = [
        ("Twenty default", [(100, 1), (100, 60)]),
        ("cloud-like", [(100, 1), (50, 60)]),
    ]

    func validate() throws {
        guard style == "both" || SimulatedThrottler.Style(rawValue: style) != nil else {
            throw ValidationError("--style must be legacy, v2 or both")
        }
        guard seconds >= 120 else { throw ValidationError("--seconds must be at least 120 (two long windows)") }
    }

    func run() async throws {
        let styles = style == "both" ? SimulatedThrottler.Style.allCases : [SimulatedThrottler.Style(rawValue: style)!]
        let start = RateLimits()
        print(
            "client-bench pacing: \(Int(seconds)) s of simulated time per run on a ManualPacingClock (time moves only")
        print("  when the pacer sleeps; no real sleeps), one request at a time (GET rest/companies?limit=1, paced),")
        print(
            "  client starts from RateLimits() = \(start.shortLimit)/\(Int(start.shortWindow)) s,"
                + " \(start.longLimit)/\(Int(start.longWindow)) s, RequestPacer margin 5 ms,"
                + " RetryPolicy() (6 attempts);"
        )
        print("  throttler: two continuously refilled token buckets, short checked first, both starting full.")
        print("  Steady state = complete long windows from max(60 s, first 429), so the opening burst is not counted.")
        for workspace in Self.workspaces {
            for style in styles {
                let run = try await PacingRun.simulate(style: style, limits: workspace.limits, seconds: seconds)
                print("")
                print(run.report(workspace: workspace.name))
            }
        }
    }
}
