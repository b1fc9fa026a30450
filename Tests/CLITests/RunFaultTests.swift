import Foundation
import SQLite
import Testing

/// `crm-migrate run` against a sandbox that fails on purpose: it must end where a run without faults ends (the
/// same record digest, nothing twice), under both of Twenty's rate-limit engines, whose 429s read differently (a
/// bare 429 from the default engine, `Retry-After` and `X-RateLimit-*` headers from the usage-limit one).
@Suite("run under faults")
struct RunFaultTests {
    /// Storms' 429s state this limit (the legacy message `Limit reached (6000 tokens per 60000 ms)`, the v2 headers),
    /// high enough that the client's pacing after a storm costs the test little time.
    static func sandboxArguments(_ style: String) -> [String] {
        ["--rate-limit-style", style, "--rate-limit", "6000/60s"]
    }

    @Test("run through storms of consecutive 429s, bare or with headers, waits them out and ends as a run without them")
    func stormsAreWaitedOut() async throws {
        let prepared = try await PreparedMigration(contacts: 150, seed: 11, clean: false)
        let clean = try prepared.copy("clean")
        let cleanRun = try clean.run()
        #expect(cleanRun.status == 0 || cleanRun.status == 2, "\(cleanRun.stderr)")
        let expected = try await clean.recordDigest()

        for style in ["legacy", "v2"] {
            let stormy = try prepared.copy("stormy-\(style)", sandboxArguments: Self.sandboxArguments(style))
            let (status, _) = try await stormy.sandbox.send(
                "POST", "_sandbox/faults", json: #"{"seed": 3, "throttle_storm": 3, "throttle_storm_rate": 0.04}"#)
            #expect(status == 200)
            // Waited, not failed: the run ends in one go (a request that ran out of retries would stop it, exit 3).
            let run = try stormy.run()
            #expect(run.status == cleanRun.status, "\(style): \(run.stdout)\(run.stderr)")
            let throttled = try await stormy.stats()["throttled"] ?? 0
            #expect(throttled >= 6, "\(style): only \(throttled) 429s were answered")
            #expect(try await stormy.recordDigest() == expected, "\(style)")
            #expect(try await stormy.duplicates().isEmpty, "\(style)")
            try CrashPointTests.expectSettled(stormy.project, style)
        }
    }

    @Test(
        "run under 10% injected faults (5xx, connections dropped before and after commit, 429 storms of both styles) ends as a run without faults"
    )
    func faultsChangeNothing() async throws {
        let prepared = try await PreparedMigration(contacts: 150, seed: 11, clean: false)
        let clean = try prepared.copy("clean")
        let cleanRun = try clean.run()
        let expected = try await clean.recordDigest()

        for style in ["legacy", "v2"] {
            let faulty = try prepared.copy("faulty-\(style)", sandboxArguments: Self.sandboxArguments(style))
            let (status, _) = try await faulty.sandbox.send(
                "POST", "_sandbox/faults",
                json: #"""
                    {"seed": 7, "error_rate": 0.03, "drop_before_rate": 0.025, "drop_after_commit_rate": 0.025,
                     "throttle_storm": 3, "throttle_storm_rate": 0.01}
                    """#)
            #expect(status == 200)
            // A run stopped by a fault that outlasted every retry exits 3 and is run again, as an operator would.
            var attempts = 0
            var last: Tool.Result
            repeat {
                attempts += 1
                last = try faulty.run()
            } while last.status == 3 && attempts < 5
            #expect(last.status == cleanRun.status, "\(style): \(last.stdout)\(last.stderr)")
            _ = try await faulty.sandbox.send("DELETE", "_sandbox/faults")
            #expect(try await faulty.stats()["throttled"] ?? 0 > 0, "\(style): no storm was met")
            #expect(try await faulty.recordDigest() == expected, "\(style)")
            #expect(try await faulty.duplicates().isEmpty, "\(style)")
            try CrashPointTests.expectSettled(faulty.project, style)
        }
    }
}
