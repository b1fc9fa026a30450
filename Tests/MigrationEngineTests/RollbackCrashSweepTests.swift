import Foundation
import Ledger
import MigrationEngine
import Testing

extension RigReplica {
    /// Rolls back everything this copy's project wrote, dying at `crash`'s point when it has one; returns whether
    /// the rollback completed.
    @discardableResult
    func rollBack(crash: InProcessCrash? = nil) async throws -> Bool {
        let client = try client(crash: crash)
        let ledger = try project.openLedger(.write)
        crash?.arm(ledger)
        do {
            let rollback = WorkspaceRollback(
                client: client, ledger: ledger, workspace: try await client.describeWorkspace())
            _ = try await rollback.run(.everything)
        } catch  where crash?.crashed == true {
            // The crash, or whatever the rollback made of it while unwinding: the process would be gone.
        }
        return crash?.crashed != true
    }
}

/// Issue 12: a rollback crashed at one of its HTTP calls, then run again, ends where an uninterrupted rollback
/// ends: the workspace as it was before `prepare`. In-process for the same reason as the run's crash matrix (a
/// point costs two SQLite copies, a small run and a rollback, where launching the binary costs a second).
@Suite("Rollback crash sweep")
struct RollbackCrashSweepTests {
    @Test(
        "a rollback crashed right after one of its HTTP calls took effect, at twelve points from first to last, then run again, leaves the workspace as it was before prepare"
    )
    func spreadCalls() async throws {
        let rig = try await MigrationRig(
            contacts: CrashMatrixTests.smallExport.contacts, seed: CrashMatrixTests.smallExport.seed, clean: true)
        let before = WorkspaceState.comparable(rig.stateBeforePrepare)
        let uninterrupted = try RigReplica(of: rig)
        #expect(try await uninterrupted.run())
        let counter = InProcessCrash(.never)
        #expect(try await uninterrupted.rollBack(crash: counter))
        let clean = WorkspaceState.comparable(try await uninterrupted.client().get("_sandbox/state"))
        #expect(WorkspaceState.differences(before, clean).isEmpty, "\(WorkspaceState.differences(before, clean))")
        let points = counter.calls
        #expect(points > 20, "too few calls to sweep: \(points)")

        // Twelve points spread over the whole rollback (record destroys, restores and schema removals alike): the
        // first call, the last, and ten evenly between. Every point would cost about three minutes of CI.
        let spread = Set([1, points] + (1...10).map { 1 + $0 * (points - 1) / 11 }).sorted()
        for k in spread {
            let replica = try RigReplica(of: rig)
            #expect(try await replica.run())
            let crash = InProcessCrash(.afterCall(k))
            #expect(try await !replica.rollBack(crash: crash), "the rollback did not crash \(crash.point)")
            #expect(try await replica.rollBack(), "the rollback after the crash \(crash.point) did not complete")
            let after = WorkspaceState.comparable(try await replica.client().get("_sandbox/state"))
            let differences = WorkspaceState.differences(before, after)
            #expect(differences.isEmpty, "crashed \(crash.point): \(differences.prefix(3))")
            let ledger = try replica.ledger()
            #expect(try ledger.intentsInDoubt().isEmpty, "crashed \(crash.point)")
            #expect(try ledger.inverseStream().isEmpty, "crashed \(crash.point)")
        }
    }

    @Test(
        "a rollback crashed right after any one of its ledger appends, then run again, leaves the workspace as it was before prepare, nothing in doubt, every source record pending again"
    )
    func everyAppend() async throws {
        let rig = try await MigrationRig(
            contacts: CrashMatrixTests.smallExport.contacts, seed: CrashMatrixTests.smallExport.seed, clean: true)
        let before = WorkspaceState.comparable(rig.stateBeforePrepare)
        // One run, copied for each point: every rollback starts from the same migrated workspace and ledger.
        let migrated = try RigReplica(of: rig)
        #expect(try await migrated.run())
        let counter = InProcessCrash(.never)
        #expect(try await RigReplica(copying: migrated).rollBack(crash: counter))
        let points = counter.appends
        #expect(points > 20, "too few appends to sweep: \(points)")

        for k in 1...points {
            let replica = try RigReplica(copying: migrated)
            let crash = InProcessCrash(.afterAppend(k))
            #expect(try await !replica.rollBack(crash: crash), "the rollback did not crash \(crash.point)")
            #expect(try await replica.rollBack(), "the rollback after the crash \(crash.point) did not complete")
            let after = WorkspaceState.comparable(try await replica.client().get("_sandbox/state"))
            let differences = WorkspaceState.differences(before, after)
            #expect(differences.isEmpty, "crashed \(crash.point): \(differences.prefix(3))")
            let ledger = try replica.ledger()
            #expect(try ledger.intentsInDoubt().isEmpty, "crashed \(crash.point)")
            #expect(try ledger.inverseStream().isEmpty, "crashed \(crash.point)")
            for row in try ledger.conservation() {
                #expect(row.written == 0 && row.balances, "crashed \(crash.point): \(row)")
            }
        }
    }
}
