import AllegoryExport
import ExportGenerator
import Foundation
import Ledger
import SourceSnapshot
import Testing
import ZIPFoundation

@testable import ExportAudit

@Suite("Audit of a zipped export")
struct ZippedAuditTests {
    @Test("the audit of a zipped export checks its attachments inside the zip and finds what the folder's audit finds")
    func zipAuditMatchesFolder() throws {
        let export = try AuditedExport(contacts: 2000, seed: 11)
        let zip = export.root.appendingPathComponent("export.zip")
        try FileManager.default.zipItem(
            at: export.root.appendingPathComponent("export"), to: zip, shouldKeepParent: true,
            compressionMethod: .deflate)
        let zipLedger = try Ledger.create(at: export.root.appendingPathComponent("zip-ledger.sqlite").path)
        _ = try Snapshotter(ledger: zipLedger, layout: try ExportLayout(root: zip)).run()

        // Stale contacts are left out: the audit dates them from manifest.json, which it opens by folder path.
        func described(_ report: AuditReport) -> [String] {
            report.findings.filter { $0.kind != "stale-contact" }.map {
                "\($0.kind) \($0.file):\($0.line) \($0.detail)"
            }
        }
        let fromFolder = described(try export.audit())
        let fromZip = described(try Auditor(ledger: zipLedger).run())
        #expect(fromZip.contains { $0.hasPrefix("attachment-hash-mismatch") })
        #expect(fromZip == fromFolder)
    }
}
