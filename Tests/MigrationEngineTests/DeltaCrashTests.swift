import AllegoryExport
import CanonicalJSON
import ExportGenerator
import Foundation
import Ledger
import MigrationEngine
import Testing

/// A delta killed at any point and run again converges: swept in-process over every ledger append and every HTTP
/// call of a delta with creates, updates, a conflict and a propagated delete (see CrashMatrixTests for why
/// in-process).
@Suite("Delta crash sweep")
struct DeltaCrashTests {
    @Test(
        "a delta crashed right after any one of its ledger appends, then run again, leaves the workspace an uninterrupted delta leaves"
    )
    func everyAppend() async throws {
        try await sweep(count: \.appends) { .afterAppend($0) }
    }

    @Test(
        "a delta crashed right after any one of its HTTP calls took effect, then run again, leaves the workspace an uninterrupted delta leaves"
    )
    func everyCall() async throws {
        try await sweep(count: \.calls) { .afterCall($0) }
    }

    /// Runs the delta on `replica` once, dying at `crash`'s point when it has one; returns whether it completed.
    @discardableResult
    func delta(_ replica: RigReplica, crash: InProcessCrash? = nil) async throws -> Bool {
        let client = try replica.client(crash: crash)
        let ledger = try replica.project.openLedger(.write)
        crash?.arm(ledger)
        do {
            let run = DeltaRun(
                client: client, ledger: ledger, workspace: try await client.describeWorkspace(),
                map: replica.rig.confirmed.map, mapSha256: replica.rig.confirmed.sha256,
                projectId: replica.project.settings.projectId,
                source: try ExportSource(url: replica.rig.root.appendingPathComponent("export")),
                options: DeltaOptions(propagateDeletes: true))
            _ = try await run.run()
        } catch  where crash?.crashed == true {
            // The crash, or whatever the delta made of it while unwinding: the process would be gone.
        }
        return crash?.crashed != true
    }

    private func sweep(count: KeyPath<InProcessCrash, Int>, at point: (Int) -> InProcessCrash.Point) async throws {
        let (rig, _) = try await DeltaTests.cutover()
        do {
            let ledger = try rig.ledger()
            try await rig.pickUp(ledger)
        }
        let clockFrom = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-1))
        let uninterrupted = try RigReplica(of: rig)
        let counter = InProcessCrash(.never)
        #expect(try await delta(uninterrupted, crash: counter))
        let expected = WorkspaceRecords.compared(try await uninterrupted.recordState(clockFrom: clockFrom))
        let points = counter[keyPath: count]
        #expect(points > 5, "too few points to sweep: \(points)")

        for k in 1...points {
            let replica = try RigReplica(of: rig)
            let crash = InProcessCrash(point(k))
            #expect(try await !delta(replica, crash: crash), "the delta did not crash \(crash.point)")
            #expect(try await delta(replica), "the delta after the crash \(crash.point) did not complete")
            let state = try await replica.recordState(clockFrom: clockFrom)
            let got = WorkspaceRecords.compared(state)
            if got != expected {
                Issue.record("crashed \(crash.point): \(WorkspaceRecords.difference(expected, got))")
            }
            #expect(WorkspaceRecords.duplicates(in: got).isEmpty, "crashed \(crash.point)")
            let ledger = try replica.ledger()
            #expect(try ledger.intentsInDoubt().isEmpty, "crashed \(crash.point)")
            for row in try ledger.conservation() where row.object != "users" {
                #expect(row.balances && row.pending == 0, "crashed \(crash.point): \(row)")
            }
        }
    }
}
