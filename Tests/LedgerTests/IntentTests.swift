import CanonicalJSON
import Foundation
import Testing

@testable import Ledger

@Suite("Write-ahead intents")
struct IntentTests {
    private func createIntent(_ batch: String, ids: [String]) -> LedgerEvent {
        .writeRequested(
            WriteRequested(
                batchId: batch, op: .create, object: "person", sourceObject: "contacts",
                items: ids.map { WriteItem(sourceId: "S-\($0)", twentyId: "T-\($0)", values: ["city": "Oslo"]) }))
    }

    private func created(_ batch: String, _ id: String) -> LedgerEvent {
        .recordCreated(
            RecordCreated(
                batchId: batch, object: "person", sourceObject: "contacts", sourceId: "S-\(id)", twentyId: "T-\(id)",
                values: ["city": "Oslo"]))
    }

    @Test("a batch is in doubt from its intent until every item has an outcome")
    func inDoubtUntilEveryItemSettles() throws {
        let dir = TemporaryDirectory()
        let ledger = try makeLedger(in: dir)
        try ledger.append([createIntent("b1", ids: ["1", "2"]), created("b1", "1")])
        let doubt = try ledger.intentsInDoubt()
        #expect(doubt.map(\.intentId) == ["b1"])
        #expect(doubt.first?.settled == 1)
        #expect(doubt.first?.sourceObject == "contacts")

        try ledger.append([created("b1", "2")])
        #expect(try ledger.intentsInDoubt().isEmpty)
        #expect(try ledger.intents(state: .applied).map(\.intentId) == ["b1"])
    }

    @Test("a batch Twenty refused is failed, not in doubt")
    func refusedBatchIsFailed() throws {
        let dir = TemporaryDirectory()
        let ledger = try makeLedger(in: dir)
        try ledger.append([
            createIntent("b1", ids: ["1"]),
            .writeFailed(
                WriteFailed(
                    batchId: "b1", object: "person", sourceIds: ["S-1"], status: 400, error: "bad phone",
                    retryable: false)),
        ])
        #expect(try ledger.intentsInDoubt().isEmpty)
        #expect(try ledger.intents(state: .failed).map(\.intentId) == ["b1"])
    }

    @Test("an intent settled by reading Twenty back is resolved and leaves the doubt list")
    func readBackResolves() throws {
        let dir = TemporaryDirectory()
        let ledger = try makeLedger(in: dir)
        let seqs = try #require(try ledger.append([createIntent("b1", ids: ["1", "2"])]))
        try ledger.append([
            .intentResolved(
                IntentResolved(
                    kind: .write, intentId: "b1", intentSeq: seqs.lowerBound, object: "person", held: ["T-1"],
                    absent: ["T-2"])),
            created("b1", "1"),
        ])
        let resolved = try ledger.intents(state: .resolved)
        #expect(resolved.map(\.intentId) == ["b1"])
        #expect(resolved.first?.settled == 1)
        #expect(try ledger.intentsInDoubt().isEmpty)
    }

    @Test("a schema change is in doubt until Twenty's answer is recorded, applied or refused")
    func schemaChanges() throws {
        let dir = TemporaryDirectory()
        let ledger = try makeLedger(in: dir)
        let create = SchemaChange(op: .createField, object: "person", field: "allegoryId")
        let remove = SchemaChange(op: .deleteField, object: "person", field: "allegoryId")
        try ledger.append([
            .schemaChangeRequested(SchemaChangeRequested(changeId: "c1", change: create, inverse: remove)),
            .schemaChangeRequested(
                SchemaChangeRequested(
                    changeId: "c2", change: SchemaChange(op: .createField, object: "person", field: "type"),
                    inverse: SchemaChange(op: .deleteField, object: "person", field: "type"))),
        ])
        #expect(try ledger.intentsInDoubt().map(\.intentId) == ["c1", "c2"])
        try ledger.append([
            .schemaChangeApplied(SchemaChangeApplied(changeId: "c1", change: create, inverse: remove)),
            .schemaChangeRefused(
                SchemaChangeRefused(
                    changeId: "c2", change: SchemaChange(op: .createField, object: "person", field: "type"),
                    status: 400, error: "The name is not available")),
        ])
        #expect(try ledger.intentsInDoubt().isEmpty)
        #expect(try ledger.intents(state: .applied).map(\.op) == ["createField"])
        #expect(try ledger.intents(state: .failed).map(\.intentId) == ["c2"])
        #expect(try ledger.rebuildProjections(check: true).matches)
    }

    @Test("each item's undo is known from the intent alone, before the call")
    func undoFromIntent() {
        let before: JSONValue = ["city": "Bergen"]
        let item = WriteItem(sourceId: "S-1", twentyId: "T-1", values: ["city": "Oslo"], before: before)
        func intent(_ op: WriteOperation) -> WriteRequested {
            WriteRequested(batchId: "b", op: op, object: "person", items: [item])
        }
        #expect(intent(.create).undo(of: item) == Compensation(action: .destroy, object: "person", twentyId: "T-1"))
        #expect(
            intent(.update).undo(of: item)
                == Compensation(action: .update, object: "person", twentyId: "T-1", values: before))
        #expect(
            intent(.destroy).undo(of: item)
                == Compensation(action: .create, object: "person", twentyId: "T-1", values: before))
        #expect(intent(.softDelete).undo(of: item) == Compensation(action: .restore, object: "person", twentyId: "T-1"))
        // An update whose before-image was not read has no undo: the engine must read it before calling.
        let blind = WriteItem(sourceId: "S-1", twentyId: "T-1", values: ["city": "Oslo"])
        #expect(intent(.update).undo(of: blind) == nil)
    }
}

@Suite("Conservation")
struct ConservationTests {
    private func extracted(_ id: String) -> LedgerEvent {
        .recordExtracted(
            RecordExtracted(
                snapshot: 1, object: "contacts", sourceId: id, file: "contacts.csv", line: 2, contentHash: "h-\(id)",
                values: [:]))
    }

    @Test("every extracted record is counted once: written, rejected, excluded or pending")
    func everyRecordCountedOnce() throws {
        let dir = TemporaryDirectory()
        let ledger = try makeLedger(in: dir)
        try ledger.append(
            [.snapshotTaken(SnapshotTaken(snapshot: 1, exportPath: "/e", files: []))]
                + ["A", "B", "C", "D", "E", "F"].map(extracted)
                + [
                    .snapshotCompleted(SnapshotCompleted(snapshot: 1, extracted: 6, unchanged: 0, missing: 0)),
                    .recordTransformed(
                        RecordTransformed(
                            object: "contacts", sourceId: "A", targetObject: "person", mapSha256: "m", values: [:])),
                    .recordTransformed(
                        RecordTransformed(
                            object: "contacts", sourceId: "B", targetObject: "person", mapSha256: "m", values: [:])),
                    .recordTransformed(
                        RecordTransformed(
                            object: "contacts", sourceId: "E", targetObject: "person", mapSha256: "m", values: [:])),
                    .recordRejected(
                        RecordRejected(
                            object: "contacts", sourceId: "C", file: "contacts.csv", line: 4,
                            reasons: [RejectionReason(field: "Email", code: "invalid-email", message: "no @")])),
                    .recordExcluded(RecordExcluded(object: "contacts", sourceId: "D", rule: "stale")),
                    .recordCreated(
                        RecordCreated(
                            batchId: "b", object: "person", sourceObject: "contacts", sourceId: "A", twentyId: "T-A",
                            values: [:])),
                    .recordCreated(
                        RecordCreated(
                            batchId: "b", object: "person", sourceObject: "contacts", sourceId: "B", twentyId: "T-B",
                            values: [:])),
                    .writeFailed(
                        WriteFailed(
                            batchId: "b2", object: "person", sourceObject: "contacts", sourceIds: ["E"], status: 400,
                            error: "another person already has email e@x.com", retryable: false)),
                ])
        // F was never transformed, so it is pending; E was refused by Twenty for good, so it counts as rejected.
        #expect(
            try ledger.conservation()
                == [ConservationRow(object: "contacts", extracted: 6, written: 2, rejected: 2, excluded: 1, pending: 1)]
        )

        // Rolling back B's creation puts it back to pending.
        try ledger.append([
            .rollbackCompensated(
                RollbackCompensated(
                    compensates: 1, compensation: Compensation(action: .destroy, object: "person", twentyId: "T-B")))
        ])
        let row = try #require(try ledger.conservation().first)
        #expect(row.written == 1 && row.pending == 2 && row.balances)
        #expect(try ledger.rebuildProjections(check: true).matches)
    }
}

@Suite("Workspace binding")
struct WorkspaceBindingTests {
    private func workspace(_ fingerprint: String, url: String = "http://127.0.0.1:3000", version: String = "v2")
        -> WorkspaceBound
    {
        WorkspaceBound(
            url: url, workspaceId: nil, fingerprint: fingerprint, version: version, serverVersion: nil,
            batchMaximum: 200)
    }

    @Test("a project binds to the first workspace it reaches and refuses another")
    func bindsOnceAndRefusesAnother() throws {
        let dir = TemporaryDirectory()
        let ledger = try makeLedger(in: dir)
        #expect(try ledger.workspaceBinding() == nil)
        try ledger.bind(to: workspace("person-object-1"))
        #expect(throws: WorkspaceMismatch.self) { try ledger.bind(to: self.workspace("person-object-2")) }
        #expect(try ledger.workspaceBinding()?.fingerprint == "person-object-1")
    }

    @Test("the same workspace reached under another URL or version is recorded again, once")
    func sameWorkspaceRebinds() throws {
        let dir = TemporaryDirectory()
        let ledger = try makeLedger(in: dir)
        try ledger.bind(to: workspace("w"))
        let head = ledger.head.seq
        try ledger.bind(to: workspace("w"))
        #expect(ledger.head.seq == head)
        try ledger.bind(to: workspace("w", url: "https://crm.example.com", version: "v2"))
        #expect(ledger.head.seq == head + 1)
        #expect(try ledger.workspaceBinding()?.url == "https://crm.example.com")
    }

    @Test("two workspaces that state their ids are told apart by id, whatever their fingerprints")
    func idsDecide() {
        var a = workspace("same")
        var b = workspace("same")
        a.workspaceId = "W1"
        b.workspaceId = "W2"
        #expect(!a.isSameWorkspace(as: b))
    }
}
