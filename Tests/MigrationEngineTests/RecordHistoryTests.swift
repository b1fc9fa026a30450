import CanonicalJSON
import Foundation
import Ledger
import MigrationEngine
import SQLite
import Testing

/// A record's history and the auditors' views, read from a ledger that went through sample, run, reconcile and
/// rollback, each command with its own handle (and so its own run id), as the CLI runs them.
@Suite("Record history and auditor views")
struct RecordHistoryTests {
    /// The rig after the whole life of a migration; the run ids of the sample and the run.
    static func migratedAndRolledBack() async throws -> (rig: MigrationRig, sampleRun: String, fullRun: String) {
        let rig = try await MigrationRig(contacts: 16, clean: true)
        // One writer at a time holds the project's lock: each handle is released before the next command opens one.
        let sampleRun: String
        do {
            let ledger = try rig.ledger()
            _ = try await SampleRunTests.sample(rig, ledger, perObject: 2)
            sampleRun = ledger.runId
        }
        let fullRun: String
        do {
            let ledger = try rig.ledger()
            _ = try await rig.migration(ledger).run()
            fullRun = ledger.runId
        }
        do {
            let ledger = try rig.ledger()
            let result = try await ReconciliationTests.reconcile(rig, ledger)
            try Reconciliation.record(result, reportPath: nil, in: ledger)
        }
        do {
            let ledger = try rig.ledger()
            let summary = try await WorkspaceRollback(
                client: rig.client, ledger: ledger, workspace: try await rig.client.describeWorkspace()
            ).run(.everything)
            #expect(summary.failed == 0)
        }
        return (rig, sampleRun, fullRun)
    }

    /// The contacts' `record.created` events, with the run that wrote each.
    static func createdContacts(_ ledger: Ledger) throws -> [(runId: String, created: RecordCreated)] {
        var found: [(String, RecordCreated)] = []
        try ledger.events(matching: EventFilter(type: EventType.recordCreated.rawValue)) { event in
            if case .recordCreated(let created) = try event.decoded(), created.sourceObject == "contacts" {
                found.append((event.runId, created))
            }
        }
        return found
    }

    /// Whether `types` occur in `history` in this order (other events may come between).
    static func inOrder(_ types: [String], in history: [RecordHistoryEntry]) -> Bool {
        var remaining = types[...]
        for entry in history where entry.type == remaining.first { remaining = remaining.dropFirst() }
        return remaining.isEmpty
    }

    @Test(
        "the history of a record shows its extraction, transform, write intent, write, reconciliation and rollback in order"
    )
    func historyFromExtractionToRollback() async throws {
        let (rig, sampleRun, fullRun) = try await Self.migratedAndRolledBack()
        let ledger = try rig.ledger()
        let contacts = try Self.createdContacts(ledger)
        let sampled = try #require(contacts.first { $0.runId == sampleRun }?.created)
        let migrated = try #require(contacts.first { $0.runId == fullRun }?.created)

        for (created, mode) in [(sampled, "sample"), (migrated, nil)] {
            let key = SourceRecordKey(object: "contacts", sourceId: try #require(created.sourceId))
            let twentyId = try #require(created.twentyId)
            let history = try ledger.recordHistory(key)
            let lifecycle = [
                "record.extracted", "record.transformed", "write.requested", "record.created",
                "reconciliation.computed", "rollback.requested", "rollback.compensated",
            ]
            #expect(Self.inOrder(lifecycle, in: history), "\(history.map(\.type))")
            #expect(history.map(\.seq) == history.map(\.seq).sorted())
            #expect(Set(history.map(\.seq)).count == history.count, "an event listed twice")
            let write = try #require(history.first { $0.type == "record.created" })
            #expect(write.runMode == mode)
            #expect(write.summary.contains(twentyId))
            let undo = try #require(history.first { $0.type == "rollback.compensated" })
            #expect(undo.summary.hasPrefix("rolled back: destroy person \(twentyId)"), "\(undo.summary)")
            // The intent is the one its write settled, and nothing about another record is listed.
            let intent = try #require(history.first { $0.type == "write.requested" })
            #expect(intent.payload["batchId"] == .string(created.batchId ?? ""))
            #expect(history.allSatisfy { $0.twentyId == nil || $0.twentyId == twentyId })
            // The Twenty id leads back to the same record.
            #expect(try ledger.sourceRecord(twentyId: twentyId) == key)
            #expect(try ledger.sourceRecords(sourceId: key.sourceId).contains(key))
        }
    }

    /// The SQL blocks of `Ledger/AUDITING.md`, in order.
    static func auditingExamples() throws -> [String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let text = try String(
            contentsOf: root.appendingPathComponent("Ledger/AUDITING.md"), encoding: .utf8)
        return text.components(separatedBy: "```sql\n").dropFirst().compactMap {
            $0.components(separatedBy: "```").first
        }
    }

    /// Runs one example as the sqlite3 shell would with `.param set`: each `:name` bound to its value.
    static func run(_ sql: String, _ parameters: [String: String], in database: Database) throws -> [[String?]] {
        let statement = try database.prepare(sql)
        var names: [String] = []
        var index = sql.startIndex
        while let colon = sql[index...].firstIndex(of: ":") {
            let name = sql[sql.index(after: colon)...].prefix { $0.isLetter || $0 == "_" }
            if !name.isEmpty && !names.contains(String(name)) { names.append(String(name)) }
            index = sql.index(after: colon)
        }
        let values: [SQLValue?] = try names.map { .text(try #require(parameters[$0], "no value for :\($0)")) }
        return try statement.rows(values) { row in
            (0..<row.columnCount).map { row.isNull($0) ? nil : row.string($0) }
        }
    }

    @Test("the examples of Ledger/AUDITING.md answer what happened to a record, what a run wrote and what is in doubt")
    func auditingExamplesAnswer() async throws {
        let (rig, _, fullRun) = try await Self.migratedAndRolledBack()
        let ledger = try rig.ledger()
        let created = try #require(Self.createdContacts(ledger).first { $0.runId == fullRun }?.created)
        let sourceId = try #require(created.sourceId)
        let twentyId = try #require(created.twentyId)
        // A write left without its outcome, as a crash right after the call would leave it.
        let item = WriteItem(
            sourceId: sourceId, twentyId: twentyId, values: ["jobTitle": "Pilot"], before: ["jobTitle": .null])
        try ledger.append([
            .writeRequested(
                WriteRequested(
                    batchId: "crashed-1", op: .update, object: "person", sourceObject: "contacts", upsert: false,
                    items: [item]))
        ])
        let parameters: [String: String] = [
            "source_object": "contacts", "source_id": sourceId, "twenty_id": twentyId, "run_id": fullRun,
        ]
        let database = try Database(path: rig.project.ledgerPath, mode: .readOnly)
        let examples = try Self.auditingExamples()
        #expect(examples.count == 6)
        let answers = try examples.map { try Self.run($0, parameters, in: database) }

        let history = try #require(answers.first)
        let expected = try ledger.recordHistory(SourceRecordKey(object: "contacts", sourceId: sourceId))
        #expect(history.map { $0[0] } == expected.map { String($0.seq) })
        let types = history.map { $0[3] }
        #expect(types.contains("rollback.compensated") && types.contains("record.extracted"))
        #expect(answers[1].contains { $0 == ["person", twentyId] })
        #expect(answers[2].first?[0] == "contacts" && answers[2].first?[1] == sourceId)
        // The run's writes: every item has its outcome, and they are the run's record.created events.
        let runWrites = answers[3]
        #expect(!runWrites.isEmpty)
        #expect(runWrites.allSatisfy { $0[2] == "applied" && $0[3] == $0[4] })
        var createdInRun = 0
        try ledger.events(matching: EventFilter(type: EventType.recordCreated.rawValue, runId: fullRun)) { _ in
            createdInRun += 1
        }
        let createdItems = runWrites.filter { $0[0] == "create" }.map { Int($0[3] ?? "") ?? 0 }
        #expect(createdItems.reduce(0, +) == createdInRun)
        #expect(answers[4].contains { $0[0] == fullRun })
        // In doubt: exactly the crashed write's one item.
        #expect(answers[5].count == 1)
        #expect(answers[5].first?[2] == "write" && answers[5].first?[7] == twentyId)
    }
}
