import AllegoryExport
import CanonicalJSON
import ExportGenerator
import FieldMap
import Foundation
import Ledger
import MigrationEngine
import SQLite
import Testing
import TwentyClient

@Suite("Delta pickup")
struct DeltaTests {
    static let twentyEdit = "Edited in Twenty"

    /// A rig migrated in full, then its export edited as in `CutoverEdits`, and the conflicting contact's job title
    /// edited in Twenty in between, as a person checking the new CRM would.
    static func cutover() async throws -> (MigrationRig, CutoverEdits) {
        let rig = try await MigrationRig(contacts: 12, seed: 3, clean: true)
        do {
            let ledger = try rig.ledger()
            _ = try await rig.migration(ledger).run()
        }
        let edits = try CutoverEdits(export: rig.root.appendingPathComponent("export"))
        _ = try await rig.client.send(
            "PATCH", "rest/people/\(rig.twentyId("contacts", edits.conflicted))",
            body: ["jobTitle": .string(twentyEdit)])
        return (rig, edits)
    }

    static func person(_ rig: MigrationRig, _ sourceId: String) async throws -> JSONValue? {
        try await rig.client.get("rest/people/\(rig.twentyId("contacts", sourceId))")["data"]?["person"]
    }

    /// The events of one run, read from the ledger file.
    static func events(_ rig: MigrationRig, run: String) throws -> [(type: String, payload: JSONValue)] {
        let db = try Database(path: rig.project.ledgerPath, mode: .readOnly)
        return try db.query("SELECT type, payload FROM events WHERE run_id = ? ORDER BY seq", [.text(run)]) {
            ($0.string(0) ?? "", try JSONValue(parsing: Array(($0.string(1) ?? "{}").utf8)))
        }
    }

    /// What each update intent of a run sends: source id -> the fields sent.
    static func updatesSent(_ rig: MigrationRig, run: String) throws -> [String: [String]] {
        var sent: [String: [String]] = [:]
        for event in try events(rig, run: run) where event.type == "write.requested" {
            guard event.payload["op"] == "update" else { continue }
            for item in event.payload["items"]?.arrayValue ?? [] {
                sent[item["sourceId"]?.stringValue ?? ""] = (item["values"]?.objectValue ?? [:]).keys.sorted()
            }
        }
        return sent
    }

    static func created(_ rig: MigrationRig, run: String) throws -> Set<String> {
        Set(
            try events(rig, run: run).filter { $0.type == "record.created" }.map {
                "\($0.payload["sourceObject"]?.stringValue ?? "")/\($0.payload["sourceId"]?.stringValue ?? "")"
            })
    }

    @Test(
        "a delta creates the new records, updates only the changed fields of changed records and keeps a field edited in Twenty, reporting its three values"
    )
    func writesExactlyWhatChanged() async throws {
        let (rig, edits) = try await Self.cutover()
        let ledger = try rig.ledger()
        try await rig.pickUp(ledger)
        let summary = try await rig.delta(ledger).run()

        #expect(
            try Self.updatesSent(rig, run: ledger.runId) == [edits.retitled: ["jobTitle"], edits.moved: ["companyId"]])
        #expect(
            try Self.created(rig, run: ledger.runId) == [
                "companies/\(edits.newCompany)", "contacts/\(edits.newContact)", "attachments/\(edits.newAttachment)",
            ])
        #expect(summary.updatedCount == 2)
        let conflict = try #require(summary.conflicts.first)
        #expect(summary.conflicts.count == 1 && conflict.sourceId == edits.conflicted)
        #expect(conflict.fields.map(\.field) == ["jobTitle"])
        let field = try #require(conflict.fields.first)
        #expect(field.source == .string(CutoverEdits.conflictingTitle))
        #expect(field.twenty == .string(Self.twentyEdit))
        #expect(field.ours != nil && field.ours != field.twenty && field.ours != field.source)
        #expect(field.resolution == .twenty)

        #expect(try await Self.person(rig, edits.conflicted)?["jobTitle"] == .string(Self.twentyEdit))
        #expect(try await Self.person(rig, edits.retitled)?["jobTitle"] == .string(CutoverEdits.title))
        #expect(
            try await Self.person(rig, edits.moved)?["companyId"]
                == .string(rig.twentyId("companies", edits.newCompany)))
        let newContact = try await Self.person(rig, edits.newContact)
        #expect(newContact?["companyId"] == .string(rig.twentyId("companies", edits.newCompany)))
        // Gone from the source, listed, and left in Twenty without --propagate-deletes.
        #expect(summary.removed.flatMap { $0.records.map(\.sourceId) } == [edits.removed])
        #expect(summary.deletedCount == 0)
        #expect(try await Self.person(rig, edits.removed) != nil)
        #expect(try ledger.intentsInDoubt().isEmpty)
        for row in try ledger.conservation() {
            #expect(row.balances && row.pending == 0, "\(row)")
        }
    }

    @Test("a delta run again with the same export writes nothing")
    func secondDeltaWritesNothing() async throws {
        let (rig, _) = try await Self.cutover()
        do {
            let ledger = try rig.ledger()
            try await rig.pickUp(ledger)
            _ = try await rig.delta(ledger, DeltaOptions(propagateDeletes: true)).run()
        }
        let again = try rig.ledger()
        try await rig.pickUp(again)
        let summary = try await rig.delta(again, DeltaOptions(propagateDeletes: true)).run()

        let written = try Self.events(rig, run: again.runId).filter { $0.type == "write.requested" }
        #expect(written.isEmpty, "\(written.map(\.payload))")
        #expect(summary.createdCount == 0 && summary.updatedCount == 0 && summary.deletedCount == 0)
        #expect(summary.conflicts.isEmpty && summary.removed.isEmpty)
    }

    @Test("with overwrite-conflicts the source's value is written over the edit made in Twenty")
    func overwriteConflictsLetsTheSourceWin() async throws {
        let (rig, edits) = try await Self.cutover()
        let ledger = try rig.ledger()
        try await rig.pickUp(ledger)
        let summary = try await rig.delta(ledger, DeltaOptions(overwriteConflicts: true)).run()

        #expect(summary.conflicts.first?.fields.map(\.resolution) == [.source])
        #expect(try await Self.person(rig, edits.conflicted)?["jobTitle"] == .string(CutoverEdits.conflictingTitle))
        // Its before-image is Twenty's edit: a rollback of the delta gives the person back their edit.
        let intent = try Self.events(rig, run: ledger.runId).first {
            $0.type == "write.requested"
                && $0.payload["items"]?.arrayValue?.contains { $0["sourceId"] == .string(edits.conflicted) } == true
        }
        let item = intent?.payload["items"]?.arrayValue?.first { $0["sourceId"] == .string(edits.conflicted) }
        #expect(item?["before"]?["jobTitle"] == .string(Self.twentyEdit))
    }

    @Test(
        "a field whose map rule says the source wins is overwritten without --overwrite-conflicts"
    )
    func perFieldRuleDecidesTheConflict() async throws {
        let (rig, edits) = try await Self.cutover()
        let ledger = try rig.ledger()
        try await rig.pickUp(ledger)
        var map = rig.confirmed.map
        let contacts = try #require(map.objects.firstIndex { $0.source == "contacts" })
        let title = try #require(map.objects[contacts].fields.firstIndex { $0.target == "jobTitle" })
        map.objects[contacts].fields[title].onConflict = .source
        let run = DeltaRun(
            client: rig.client, ledger: ledger, workspace: try await rig.client.describeWorkspace(), map: map,
            mapSha256: rig.confirmed.sha256, projectId: rig.project.settings.projectId,
            source: try ExportSource(url: rig.root.appendingPathComponent("export")), options: DeltaOptions())
        let summary = try await run.run()

        #expect(summary.conflicts.first?.fields.map(\.resolution) == [.source])
        #expect(try await Self.person(rig, edits.conflicted)?["jobTitle"] == .string(CutoverEdits.conflictingTitle))
    }

    @Test("rolling back a delta run alone returns the workspace to its state after the migration run")
    func rollbackOfTheDeltaAlone() async throws {
        let (rig, edits) = try await Self.cutover()
        let afterRun = WorkspaceState.comparable(try await rig.client.get("_sandbox/state"))
        // The delta and the rollback are two commands: two ledger handles, one after the other.
        let deltaRun: String
        do {
            let ledger = try rig.ledger()
            try await rig.pickUp(ledger)
            let summary = try await rig.delta(ledger, DeltaOptions(propagateDeletes: true, overwriteConflicts: true))
                .run()
            #expect(summary.deletedCount == 1)
            deltaRun = ledger.runId
        }
        #expect(try await !rig.ids("people").contains(rig.twentyId("contacts", edits.removed)))

        let rollback = WorkspaceRollback(
            client: rig.client, ledger: try rig.ledger(), workspace: try await rig.client.describeWorkspace())
        let undone = try await rollback.run(RollbackScope(runId: deltaRun))

        #expect(undone.failed == 0, "\(undone.failures)")
        #expect(undone.kept.isEmpty, "\(undone.kept)")
        let after = WorkspaceState.comparable(try await rig.client.get("_sandbox/state"))
        #expect(WorkspaceState.differences(afterRun, after).isEmpty, "\(WorkspaceState.differences(afterRun, after))")
        #expect(try await Self.person(rig, edits.conflicted)?["jobTitle"] == .string(Self.twentyEdit))
    }
}
