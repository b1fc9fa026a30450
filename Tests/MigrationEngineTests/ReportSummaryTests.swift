import Foundation
import Ledger
import Reports
import Testing

@testable import MigrationEngine

/// The opening of the sample diff and reconciliation pages: numbers from the report's own data, findings under
/// their severity, every value escaped.
@Suite("Report summaries")
struct ReportSummaryTests {
    static func row(
        _ sourceId: String, _ field: String, check: SampleDiffRow.Check = .value, sent: String, held: String
    ) -> SampleDiffRow {
        SampleDiffRow(
            object: "contacts", sourceId: sourceId, column: field, field: field, check: check, source: sent, sent: sent,
            held: held, agrees: sent == held)
    }

    static let hostile = "<script>alert(1)</script>\u{202E}"

    static let sampleRows = [
        row("C-1", "jobTitle", sent: "CEO", held: "CEO"),
        row("C-1", "city", sent: "Köln", held: "Koeln"),
        row("C-2", "jobTitle", sent: hostile, held: hostile),
        row("C-2", "companyId", check: .relation, sent: "a1", held: ""),
    ]

    @Test("the sample diff's summary counts what agrees, what to decide and what Twenty did not keep")
    func sampleSummaryNumbers() {
        let summary = SampleDiffReport(rows: Self.sampleRows).pageSummary
        #expect(summary.ready == ["2 of 4 fields of 2 sampled records agree after Twenty's normalisation."])
        #expect(summary.decisions.first?.hasPrefix("2 values disagree in 2 fields") == true)
        #expect(summary.lost == ["1 value was sent and Twenty holds nothing for it."])
    }

    @Test("the sample diff puts a lost link under 'must be fixed' and a changed value under 'needs a decision'")
    func sampleSeverity() throws {
        let report = SampleDiffReport(rows: Self.sampleRows)
        let groups = report.findingGroups
        #expect(groups.first { $0.title.hasPrefix("contacts.companyId") }?.severity == .blocking)
        #expect(groups.first { $0.title.hasPrefix("contacts.city") }?.severity == .decision)
        let html = report.html
        let must = try #require(html.range(of: "Must be fixed (1)"))
        let decide = try #require(html.range(of: "Needs a decision (1)"))
        #expect(must.lowerBound < decide.lowerBound)
        #expect(
            html.contains(
                "<code>contacts C-1</code> source &quot;Köln&quot;, sent &quot;Köln&quot;, held &quot;Koeln&quot;"))
        #expect(!html.contains("<script>") && !html.contains("\u{202E}"))
    }

    static func reconciliation() -> ReconciliationReport {
        var people = ObjectReconciliation(sourceObject: "contacts", object: "person")
        (people.extracted, people.excluded, people.rejected, people.written, people.present, people.missing) =
            (10, 1, 2, 7, 6, 1)
        var result = ReconciliationResult()
        result.objects = [people]
        result.missing = [MissingRecord(object: "person", sourceObject: "contacts", sourceId: "C-9", twentyId: "t9")]
        result.differences = [
            FieldDifference(
                row: row("C-1", "city", sent: "Köln", held: Self.hostile), twentyId: "t1", kind: .drift,
                reason: "changed")
        ]
        result.compared = 40
        return ReconciliationReport(
            result: result, checklist: PostMigrationChecklist(items: [.init(area: "workflows", text: "rebuild")]))
    }

    @Test("the reconciliation's summary states the result's own figures: present, drift, missing, rejected")
    func reconciliationSummaryNumbers() {
        let summary = Self.reconciliation().pageSummary
        #expect(summary.ready.first == "6 of 7 records written are in Twenty (task and note links counted).")
        #expect(summary.ready.contains { $0.hasPrefix("39 of 40 fields hold what was written") })
        #expect(!summary.ready.contains("Everything reconciles."))
        #expect(summary.decisions.first?.hasPrefix("1 field was changed in Twenty") == true)
        #expect(
            summary.lost == [
                "1 record written is no longer in Twenty.",
                "2 source records were rejected by the transform (reasons in the ledger).",
                "1 source record was excluded on purpose.",
            ])
    }

    @Test("the reconciliation groups missing records as 'must be fixed' and drift as information, escaped")
    func reconciliationSeverity() throws {
        let report = Self.reconciliation()
        #expect(report.findingGroups.map(\.severity) == [.blocking, .notice])
        let html = report.html
        let summary = try #require(html.range(of: "id=\"summary\""))
        let perObject = try #require(html.range(of: "<h2>Per object</h2>"))
        #expect(summary.lowerBound < perObject.lowerBound)
        #expect(html.contains("<code>contacts C-9</code> person t9"))
        #expect(!html.contains("<script>") && !html.contains("\u{202E}"))
        #expect(html.contains("style=\"width:100%\"></span></td><td class=\"num\">6</td>"))
    }
}

@Suite("Report examples' source lines")
struct SourceLocationTests {
    @Test("an example names the file and line its record was read from, the latest extraction winning")
    func examplesCarryFileAndLine() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("loc-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let ledger = try Ledger.create(at: path)
        try ledger.append([
            .recordExtracted(
                RecordExtracted(
                    snapshot: 1, object: "contacts", sourceId: "C-1", file: "contacts.csv", line: 3, contentHash: "a",
                    values: ["City": "Köln"])),
            .recordExtracted(
                RecordExtracted(
                    snapshot: 2, object: "contacts", sourceId: "C-1", file: "contacts.csv", line: 7, contentHash: "b",
                    values: ["City": "Köln"])),
        ])
        var report = SampleDiffReport(rows: ReportSummaryTests.sampleRows)
        report.locations = try SourceLocation.find(report.exampleRecords, in: ledger)
        let city = try #require(report.findingGroups.first { $0.title.hasPrefix("contacts.city") })
        #expect(city.examples.map(\.location) == ["contacts.csv:7 C-1"])
        // A record the ledger never extracted keeps its object and id.
        let link = try #require(report.findingGroups.first { $0.title.hasPrefix("contacts.companyId") })
        #expect(link.examples.map(\.location) == ["contacts C-2"])
    }
}
