import AllegoryExport
import ExportGenerator
import Foundation
import Ledger
import Reports
import SourceSnapshot
import Testing

@testable import ExportAudit

/// A generated export, snapshotted into a fresh ledger, audited.
final class AuditedExport {
    let root: URL
    let ledger: Ledger
    let summary: GenerationSummary

    init(contacts: Int, seed: UInt64, clean: Bool = false) throws {
        root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("audit-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        summary = try ExportGenerator(contacts: contacts, seed: seed, clean: clean).write(
            to: root.appendingPathComponent("export"))
        ledger = try Ledger.create(at: root.appendingPathComponent("ledger.sqlite").path)
        _ = try Snapshotter(ledger: ledger, layout: try ExportLayout(root: root.appendingPathComponent("export"))).run()
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func audit(_ options: Auditor.Options = Auditor.Options()) throws -> AuditReport {
        try Auditor(ledger: ledger, options: options).run()
    }

    /// The planted defects as "kind file:line", the readers' name for a Windows-1252 file being `encoding`.
    var planted: [String] {
        summary.defects.map { "\($0.kind == .windows1252 ? "encoding" : $0.kind.rawValue) \($0.file):\($0.line)" }
            .sorted()
    }
}

@Suite("Audit")
struct AuditTests {
    @Test(
        "the audit finds exactly the generator's planted defects, each at its file and line",
        arguments: [(2000, 11), (10_000, 12)] as [(Int, UInt64)])
    func findsExactlyThePlantedDefects(contacts: Int, seed: UInt64) throws {
        let export = try AuditedExport(contacts: contacts, seed: seed)
        let report = try export.audit()
        let found = Set(report.findings.map { "\($0.kind) \($0.file):\($0.line)" })
        let planted = Set(export.planted)
        #expect(found.subtracting(planted).sorted() == [], "found but not planted")
        #expect(planted.subtracting(found).sorted() == [], "planted but not found")
        #expect(Set(report.findings.map(\.kind)).count >= 20)
    }

    @Test("the audit gives the ledger back the page cache it found, for the writes after it")
    func pageCacheRestored() throws {
        let export = try AuditedExport(contacts: 500, seed: 5)
        let before = try export.ledger.pageCacheKibibytes
        _ = try export.audit()
        #expect(before > Auditor.pageCacheKibibytes)
        #expect(try export.ledger.pageCacheKibibytes == before)
    }

    @Test("a clean export has no findings")
    func cleanExport() throws {
        let export = try AuditedExport(contacts: 500, seed: 4, clean: true)
        #expect(try export.audit().findings.isEmpty)
    }
}

@Suite("Audit page")
struct AuditPageTests {
    @Test("the audit opens with a summary whose numbers are the plan's and the findings', grouped by severity")
    func summaryMatchesTheReport() throws {
        let report = try AuditedExport(contacts: 600, seed: 11).audit()
        let summary = report.pageSummary
        let ready = report.plan.steps.reduce(0) { $0 + $1.records - $1.excluded }
        #expect(
            summary.ready.first
                == "\(ready) records of \(report.plan.steps.count) objects are ready to migrate, in \(report.plan.requests) requests."
        )
        #expect(summary.estimate?.contains(AuditReport.duration(report.plan.estimatedSeconds)) == true)
        let bySeverity = Severity.allCases.map { report.findingCount($0) }
        #expect(bySeverity.reduce(0, +) == report.findings.count)
        #expect(report.findingGroups.reduce(0) { $0 + $1.count } == report.findings.count)
        let html = report.html(projectName: "<script>x</script>")
        #expect(!html.contains("<script>"))
        for (severity, count) in zip(Severity.allCases, bySeverity) where count > 0 {
            #expect(html.contains("\(severity.title) (\(count))"))
        }
        let firstExample = try #require(report.findingGroups.first?.examples.first)
        #expect(firstExample.location.contains(".csv:") || firstExample.location.contains(".json:"))
    }
}
