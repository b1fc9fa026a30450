import AllegoryExport
import ExportGenerator
import Foundation
import Ledger
import Testing

@testable import SourceSnapshot

@Suite("Snapshot of a generated export")
struct GeneratedExportTests {
    /// The reader findings a planted format defect must produce (`windows-1252` is reported as an encoding).
    static let formatDefects: [DefectKind: String] = [
        .raggedRow: "ragged-row", .duplicateHeader: "duplicate-header", .nulByte: "nul-byte",
        .bannerLine: "banner-line", .unterminatedQuote: "unterminated-quote", .windows1252: "encoding",
        // Only the snapshot sees every record sharing an id, whatever their order: it reports the repeats.
        .duplicateID: "duplicate-id",
    ]

    @Test(
        "the readers and the snapshot report exactly the planted format defects and repeated ids, each at its file and line",
        arguments: [7, 8] as [UInt64])
    func findsExactlyThePlantedFormatDefects(seed: UInt64) throws {
        let fixture = try ExportFixture([:])
        let summary = try ExportGenerator(contacts: 2000, seed: seed, clean: false)
            .write(to: fixture.root.appendingPathComponent("export"))
        let completed = try fixture.snapshot()

        let planted = Set(
            summary.defects.compactMap { defect in
                Self.formatDefects[defect.kind].map { "\($0) \(defect.file):\(defect.line)" }
            })
        let found = Set(
            try fixture.events("source.finding").map { try $0.decoded() }.compactMap { event -> String? in
                guard case .sourceFinding(let finding) = event else { return nil }
                return "\(finding.kind) \(finding.file):\(finding.line)"
            })
        #expect(!planted.isEmpty)
        #expect(found == planted)

        // Every record the files hold is read, except the one an unterminated quote swallows.
        let unreadable = summary.defects.filter { $0.kind == .unterminatedQuote }.count
        for file in completed.files {
            guard let written = summary.recordCounts[file.path] else { continue }
            let lost = file.path == "notes.csv" ? unreadable : 0
            #expect(file.records == written - lost, "\(file.path)")
            #expect(file.records == file.extracted + file.unchanged)
        }
    }

    @Test("a clean export gives no reader findings, and a second snapshot of it no record events")
    func cleanExport() throws {
        let fixture = try ExportFixture([:])
        _ = try ExportGenerator(contacts: 500, seed: 3, clean: true).write(
            to: fixture.root.appendingPathComponent("export"))
        let first = try fixture.snapshot()
        #expect(try fixture.events("source.finding").isEmpty)
        let second = try fixture.snapshot()
        #expect(second.extracted == 0)
        #expect(second.unchanged == first.extracted)
    }

    @Test("a second snapshot of an unchanged export with planted defects adds no record events")
    func unchangedWithDefects() throws {
        let fixture = try ExportFixture([:])
        _ = try ExportGenerator(contacts: 1000, seed: 5, clean: false).write(
            to: fixture.root.appendingPathComponent("export"))
        let first = try fixture.snapshot()
        let second = try fixture.snapshot()
        #expect(second.extracted == 0)
        #expect(second.missing == 0)
        #expect(second.unchanged == first.extracted)
    }
}
