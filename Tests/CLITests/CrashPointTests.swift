import Foundation
import SQLite
import Testing

/// `crm-migrate run` killed by SIGKILL at the crash points its environment names, then run again: the workspace
/// must end as an uninterrupted run leaves it (the same record digest) with no record twice. Every point of a small
/// run is swept in-process by `MigrationEngineTests.CrashMatrixTests`; these launch the real binary, so the kill
/// is a real one (no unwinding, no flush), at a sample of points and at 30 moments of a 2,000-contact run.
@Suite("crash points")
struct CrashPointTests {
    static let appendsVariable = "CRM_MIGRATE_CRASH_AFTER_APPENDS"
    static let callsVariable = "CRM_MIGRATE_CRASH_AFTER_HTTP_CALLS"

    @Test(
        "run killed by SIGKILL after a sample of its appends and of its HTTP calls, then run again, leaves the uninterrupted run's record digest, none twice"
    )
    func sampledCrashPoints() async throws {
        let prepared = try await PreparedMigration(contacts: 12, seed: 3, clean: true)
        let clean = try prepared.copy("clean")
        let requestsBefore = try await clean.stats()["requests"] ?? 0
        let uninterrupted = try clean.run()
        #expect(uninterrupted.status == 0 || uninterrupted.status == 2, "\(uninterrupted.stderr)")
        let calls = (try await clean.stats()["requests"] ?? 0) - requestsBefore
        let expected = try await clean.recordDigest()
        #expect(try await clean.duplicates().isEmpty)

        // The small export's run makes more than 20 appends (the in-process sweep counts them); its calls are
        // counted by the sandbox. The first and last points, and seeded ones between.
        var moments = SeededMoments(seed: 11)
        let points =
            [1, 2, 20].map { (Self.appendsVariable, $0) }
            + ([1, calls] + (0..<4).map { _ in moments.next(in: 2...max(2, calls - 1)) }).map {
                (Self.callsVariable, $0)
            }
        for (index, (variable, k)) in points.enumerated() {
            let copy = try prepared.copy("point-\(index)")
            let killed = try copy.run([variable: "\(k)"])
            #expect(killed.status == 9, "\(variable)=\(k): expected SIGKILL, got \(killed.status): \(killed.stderr)")
            let resumed = try copy.run()
            #expect(resumed.status == uninterrupted.status, "\(variable)=\(k): \(resumed.stdout)\(resumed.stderr)")
            #expect(try await copy.recordDigest("\(variable)=\(k)") == expected, "\(variable)=\(k)")
            #expect(try await copy.duplicates().isEmpty, "\(variable)=\(k)")
            try Self.expectSettled(copy.project, "\(variable)=\(k)")
        }
    }

    @Test(
        "a 2,000-contact run killed by SIGKILL at 30 seeded moments, run again after each, leaves the uninterrupted run's record digest, none twice"
    )
    func thirtySeededKills() async throws {
        let prepared = try await PreparedMigration(contacts: 2000, seed: 7, clean: false)
        let clean = try prepared.copy("clean")
        let requestsBefore = try await clean.stats()["requests"] ?? 0
        let uninterrupted = try clean.run()
        #expect(uninterrupted.status == 0 || uninterrupted.status == 2, "\(uninterrupted.stderr)")
        let calls = (try await clean.stats()["requests"] ?? 0) - requestsBefore
        let expected = try await clean.recordDigest()

        // Each kill ends one process and the next run resumes from it, so the 30 moments fall through the run,
        // resumes included. Moments are counts of appends or calls, not times: the same seed kills at the same
        // points on any machine, however loaded. A process is killed within its first calls/16 appends or calls, so
        // the 30 reach well into the run yet all fall before its end (calls/12 finished it within 26 kills).
        let crashed = try prepared.copy("crashed")
        var moments = SeededMoments(seed: 30)
        let span = max(4, calls / 16)
        for kill in 1...30 {
            let variable = kill.isMultiple(of: 2) ? Self.appendsVariable : Self.callsVariable
            let k = moments.next(in: 1...span)
            let killed = try crashed.run([variable: "\(k)"])
            #expect(killed.status == 9, "kill \(kill), \(variable)=\(k): got \(killed.status): \(killed.stderr)")
        }
        let resumed = try crashed.run()
        #expect(resumed.status == uninterrupted.status, "\(resumed.stdout)\(resumed.stderr)")
        #expect(try await crashed.recordDigest("after 30 kills") == expected)
        #expect(try await crashed.duplicates().isEmpty)
        try Self.expectSettled(crashed.project, "after 30 kills")
    }

    /// Nothing left in doubt or pending, and every object's records accounted for.
    static func expectSettled(_ project: URL, _ context: String) throws {
        let ledger = try Database(path: project.appendingPathComponent("ledger.sqlite").path, mode: .readOnly)
        #expect(try ledger.scalar("SELECT count(*) FROM intents_in_doubt") == .integer(0), "\(context)")
        #expect(
            try ledger.scalar(
                "SELECT count(*) FROM conservation WHERE extracted != written + rejected + excluded + pending")
                == .integer(0), "\(context)")
        #expect(
            try ledger.scalar("SELECT coalesce(sum(pending), 0) FROM conservation WHERE object NOT IN ('users')")
                == .integer(0), "\(context)")
    }
}

/// Crash moments from a seed (SplitMix64): the same seed, the same moments.
struct SeededMoments {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(in range: ClosedRange<Int>) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return range.lowerBound + Int(z % UInt64(range.count))
    }
}
