import CanonicalJSON
import Foundation
import Ledger
import Reports
import SQLite
import Testing
import TwentyClient

@testable import MigrationEngine

@Suite("Reconciliation")
struct ReconciliationTests {
    static func reconcile(_ rig: MigrationRig, _ ledger: Ledger) async throws -> ReconciliationResult {
        try await Reconciliation(
            client: rig.client, ledger: ledger, workspace: try await rig.client.describeWorkspace(),
            map: rig.confirmed.map
        ).run()
    }

    /// Changes a record in the sandbox's own database, as Twenty not keeping what it was sent would: its
    /// `updatedAt` stays what it was.
    static func editStorage(_ rig: MigrationRig, id: String, path: String, to value: String) throws {
        let database = try Database(path: rig.root.appendingPathComponent("sandbox/sandbox.sqlite").path)
        let tables = try database.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'records_%'"
        ) { $0.string(0) ?? "" }
        var changed = 0
        for table in tables {
            try database.execute(
                "UPDATE \"\(table)\" SET body = json_set(body, '$.\(path)', '\(value)') WHERE id = '\(id)'")
            changed += Int(database.changes)
        }
        #expect(changed == 1)
    }

    @Test("after a clean run every object reconciles: nothing missing or unexpected, no field differs, links hold")
    func cleanRunReconciles() async throws {
        let rig = try await MigrationRig()
        let ledger = try rig.ledger()
        _ = try await rig.migration(ledger).run()
        let result = try await Self.reconcile(rig, ledger)
        #expect(result.differences.isEmpty, "\(result.differences.prefix(5))")
        #expect(result.missing.isEmpty && result.unexpected.isEmpty && result.pending == 0)
        #expect(result.reconciles)
        #expect(result.compared > 0)
        #expect(result.relations.checked > 0 && result.relations.holding == result.relations.checked)
        #expect(result.owners.holding == result.owners.checked)
        // Every attachment's file reads back with the export's size and hash.
        #expect(result.files.checked > 0 && result.files.holding == result.files.checked, "\(result.files)")
        for object in result.objects { #expect(object.present == object.written, "\(object)") }
        // Every source record is accounted for on the source side too.
        let people = try #require(result.objects.first { $0.sourceObject == "contacts" })
        #expect(people.extracted == people.written + people.rejected + people.excluded)
        #expect(result.objects.contains { $0.object == "noteTarget" && $0.written > 0 })
        // The source-id field is populated on every record Twenty holds.
        let sourceIds = try #require(result.population.first { $0.object == "person" && $0.field == "allegoryId" })
        #expect(sourceIds.held == people.written && sourceIds.written == people.written)
    }

    @Test("a stored file whose bytes are no longer the export's is a defect on its attachment, and only that one")
    func changedFileIsADefect() async throws {
        let rig = try await MigrationRig()
        let ledger = try rig.ledger()
        _ = try await rig.migration(ledger).run()
        let database = try Database(path: rig.root.appendingPathComponent("sandbox/sandbox.sqlite").path)
        try database.run("UPDATE sandbox_files SET bytes = X'00' WHERE id = (SELECT min(id) FROM sandbox_files)")
        #expect(database.changes == 1)

        let result = try await Self.reconcile(rig, ledger)
        let files = result.differences.filter { $0.row.check == .attachment }
        #expect(files.count == 1, "\(files)")
        #expect(files.first?.kind == .defect && files.first?.row.held.hasPrefix("1 bytes") == true, "\(files)")
        #expect(result.files.holding == result.files.checked - 1)
        #expect(!result.reconciles)
    }

    @Test(
        "differences planted in the sandbox are each found: a changed field and a re-pointed relation as defect when Twenty's updatedAt did not move, as drift when edited through the API after the write; a deleted record as missing; an extra record carrying a source id as unexpected"
    )
    func plantedDifferencesAreFoundAndClassified() async throws {
        let rig = try await MigrationRig()
        let ledger = try rig.ledger()
        _ = try await rig.migration(ledger).run()
        var linked: [WrittenRecord] = []
        try ledger.forEachWrittenRecord(object: "person") { record in
            // With a company and a job title, so every planted change alters a value that was sent.
            if record.values["companyId"]?.stringValue != nil, record.values["jobTitle"]?.stringValue != nil {
                linked.append(record)
            }
        }
        #expect(linked.count >= 5)
        let companies = Array(try ledger.twentyIds(object: "company"))
        func otherCompany(than record: WrittenRecord) -> String {
            companies.first { $0 != record.values["companyId"]?.stringValue } ?? ""
        }
        let (changedInStorage, editedInTwenty, repointedInTwenty, repointedInStorage, deleted) = (
            linked[0], linked[1], linked[2], linked[3], linked[4]
        )
        try Self.editStorage(rig, id: changedInStorage.twentyId, path: "jobTitle", to: "Not what was sent")
        try Self.editStorage(
            rig, id: repointedInStorage.twentyId, path: "companyId", to: otherCompany(than: repointedInStorage))
        _ = try await rig.client.send(
            "PATCH", "rest/people/\(editedInTwenty.twentyId)", body: ["jobTitle": "Head of Edits"])
        _ = try await rig.client.send(
            "PATCH", "rest/people/\(repointedInTwenty.twentyId)",
            body: ["companyId": .string(otherCompany(than: repointedInTwenty))])
        _ = try await rig.client.send("DELETE", "rest/people/\(deleted.twentyId)")
        _ = try await rig.client.send(
            "POST", "rest/people",
            body: ["name": ["firstName": "Extra", "lastName": "Row"], "allegoryId": "planted-1"])

        let result = try await Self.reconcile(rig, ledger)
        #expect(!result.reconciles)
        func kind(_ record: WrittenRecord, _ field: String) -> DifferenceKind? {
            result.differences.first { $0.twentyId == record.twentyId && $0.row.field == field }?.kind
        }
        #expect(kind(changedInStorage, "jobTitle") == .defect)
        #expect(kind(editedInTwenty, "jobTitle") == .drift)
        #expect(kind(repointedInTwenty, "companyId") == .drift)
        #expect(kind(repointedInStorage, "companyId") == .defect)
        let relation = try #require(result.differences.first { $0.twentyId == repointedInTwenty.twentyId })
        #expect(relation.row.check == .relation && relation.reason.hasPrefix("changed in Twenty at"))
        // Those four are the only differences on people: nothing else was touched.
        let onPeople = result.differences.filter { $0.row.object == "contacts" }
        #expect(onPeople.count == 4, "\(onPeople)")
        #expect(result.missing.map(\.twentyId).contains(deleted.twentyId))
        #expect(result.missing.first { $0.twentyId == deleted.twentyId }?.sourceId == deleted.sourceId)
        #expect(result.unexpected.map(\.sourceId) == ["planted-1"])
        let people = try #require(result.objects.first { $0.sourceObject == "contacts" })
        #expect(people.missing == 1 && people.present == people.written - 1)
        #expect(result.unexpected(in: people) == 1)
        #expect(result.summary["defects"] == .integer(Int64(result.defects.count)))
        #expect(result.drift.count == 2)
    }

    @Test("reconcile is refused against a workspace other than the one the project is bound to")
    func otherWorkspaceIsRefused() async throws {
        let rig = try await MigrationRig()
        let ledger = try rig.ledger()
        // As if the project had been bound to another workspace from the start: the sandbox is not that one.
        try ledger.append([
            .workspaceBound(
                WorkspaceBound(
                    url: "https://other.example", workspaceId: nil, fingerprint: "another-workspace", version: "v2",
                    serverVersion: nil, batchMaximum: 200))
        ])
        await #expect(throws: WorkspaceMismatch.self) { try await Self.reconcile(rig, ledger) }
    }

    @Test("the summary is recorded as reconciliation.computed, and the reports name every finding")
    func summaryIsRecorded() async throws {
        let rig = try await MigrationRig()
        let ledger = try rig.ledger()
        _ = try await rig.migration(ledger).run()
        let result = try await Self.reconcile(rig, ledger)
        try Reconciliation.record(result, reportPath: "reports/reconciliation.html", in: ledger)
        var recorded: [ReconciliationComputed] = []
        try ledger.events(matching: EventFilter(type: EventType.reconciliationComputed.rawValue)) { event in
            if case .reconciliationComputed(let computed) = try event.decoded() { recorded.append(computed) }
        }
        #expect(recorded.count == 1)
        #expect(recorded.first?.summary["reconciles"] == .bool(true))
        #expect(recorded.first?.summary["objects"]?.arrayValue?.count == result.objects.count)
        let report = ReconciliationReport(
            result: result, checklist: PostMigrationChecklist(map: rig.confirmed.map, result: result))
        #expect(report.csv == ReconciliationReport.Finding.header.joined(separator: ",") + "\n")
        let areas = Set(report.checklist.items.map(\.area))
        #expect(areas.isSuperset(of: ["workflows", "views and dashboards", "permissions", "integrations"]))
        let json = try JSONValue(parsing: Array(report.json.utf8))
        #expect(json["reconciles"] == .bool(true) && json["checklist"]?.arrayValue?.isEmpty == false)
    }

    @Test(
        "hostile values from the source or from Twenty are escaped: tags and quotes in HTML, bidi controls shown, formulas in CSV kept as text"
    )
    func hostileValuesAreEscaped() {
        let hostile = "=HYPERLINK(\"http://x\")<script>alert('x')</script>\u{202E}gpj.exe"
        var result = ReconciliationResult()
        result.differences = [
            FieldDifference(
                row: SampleDiffRow(
                    object: "contacts", sourceId: "+1-555", column: "Title", field: "jobTitle", check: .value,
                    source: "@SUM(A1)", sent: "-2+3", held: hostile, agrees: false),
                twentyId: "t1", kind: .drift, reason: "\tcmd")
        ]
        result.unexpected = [UnexpectedRecord(object: "person", twentyId: "t2", sourceId: "\r=1+1")]
        let report = ReconciliationReport(result: result, checklist: PostMigrationChecklist(items: []))
        let html = report.html
        #expect(!html.contains("<script>") && html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(html.contains("&quot;http://x&quot;"))
        #expect(!html.contains("\u{202E}") && html.contains("[U+202E]"))
        let csv = report.csv
        for cell in ["'@SUM(A1)", "'-2+3", "'+1-555", "\"'=HYPERLINK(\"\"http://x\"\")", "'\tcmd", "\"'\r=1+1\""] {
            #expect(csv.contains(cell), "\(cell)")
        }
        #expect(ReportText.csv("-12.5") == "-12.5")
        #expect(ReportText.csv("plain, with comma") == "\"plain, with comma\"")
    }
}
