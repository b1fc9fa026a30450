import CanonicalJSON
import Foundation
import Ledger
import Testing

/// The crash matrix of issue 11: a small migration crashed at every one of its ledger appends and at every one of
/// its HTTP calls, each crash run again to the end, must leave the workspace exactly as an uninterrupted run does.
///
/// In-process, not a process per point: a sweep is a hundred or more points, and launching the binary (with a
/// sandbox process and a prepared project each) costs about a second a point before any work; here a point costs a
/// copy of two SQLite files and the run itself. `InProcessCrash` makes the crash total (every later append and call
/// fails), so nothing the command does while unwinding reaches the ledger or the workspace, as in a killed process.
/// The real SIGKILL, through the CLI's environment variables, runs on a sample of points in `CLITests`.
@Suite("Crash matrix")
struct CrashMatrixTests {
    /// The source objects of the small export the sweeps run: companies with a parent company, people,
    /// opportunities, tasks and notes with their targets, activities and an attachment.
    static let smallExport = (contacts: 12, seed: UInt64(3))

    @Test(
        "a run crashed right after any one of its ledger appends, then run again, leaves the records an uninterrupted run leaves, none twice"
    )
    func everyAppend() async throws {
        try await sweep(count: \.appends) { .afterAppend($0) }
    }

    @Test(
        "a run crashed right after any one of its HTTP calls took effect, then run again, leaves the records an uninterrupted run leaves, none twice"
    )
    func everyCall() async throws {
        try await sweep(count: \.calls) { .afterCall($0) }
    }

    private func sweep(count: KeyPath<InProcessCrash, Int>, at point: (Int) -> InProcessCrash.Point) async throws {
        let rig = try await MigrationRig(
            contacts: Self.smallExport.contacts, seed: Self.smallExport.seed, clean: true)
        let clockFrom = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-1))
        let uninterrupted = try RigReplica(of: rig)
        let counter = InProcessCrash(.never)
        #expect(try await uninterrupted.run(crash: counter))
        let expected = WorkspaceRecords.compared(try await uninterrupted.recordState(clockFrom: clockFrom))
        try WorkspaceRecords.requireSmallExportCoverage(expected)
        #expect(WorkspaceRecords.duplicates(in: expected).isEmpty)
        let points = counter[keyPath: count]
        #expect(points > 20, "too few points to sweep: \(points)")

        for k in 1...points {
            let replica = try RigReplica(of: rig)
            let crash = InProcessCrash(point(k))
            #expect(try await !replica.run(crash: crash), "the run did not crash \(crash.point)")
            #expect(try await replica.run(), "the run after the crash \(crash.point) did not complete")
            let state = try await replica.recordState(clockFrom: clockFrom)
            let got = WorkspaceRecords.compared(state)
            if got != expected {
                Issue.record("crashed \(crash.point): \(WorkspaceRecords.difference(expected, got))")
            }
            WorkspaceRecords.expectNoUnreferencedFiles(
                state, "crashed \(crash.point)",
                answerLost: { if case .afterCall = $0 { true } else { false } }(crash.point))
            let duplicates = WorkspaceRecords.duplicates(in: got)
            #expect(duplicates.isEmpty, "crashed \(crash.point): \(duplicates)")
            let ledger = try replica.ledger()
            #expect(try ledger.intentsInDoubt().isEmpty, "crashed \(crash.point)")
            for row in try ledger.conservation() where row.object != "users" {
                #expect(row.balances && row.pending == 0, "crashed \(crash.point): \(row)")
            }
        }
    }
}
