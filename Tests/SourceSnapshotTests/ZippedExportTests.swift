import AllegoryExport
import ExportGenerator
import Foundation
import Ledger
import Testing
import ZIPFoundation

@testable import SourceSnapshot

@Suite("Snapshot of a zipped export")
struct ZippedExportTests {
    /// What a snapshot recorded, less where the export was: files with their hashes, records with their source
    /// ids and content hashes, findings with their lines.
    static func recorded(_ ledger: Ledger) throws -> (files: [String], records: [String], findings: [String]) {
        var files: [String] = []
        var records: [String] = []
        var findings: [String] = []
        try ledger.events(matching: EventFilter()) { event in
            switch try event.decoded() {
            case .snapshotTaken(let taken):
                files = taken.files.map { "\($0.path) \($0.object) \($0.sha256) \($0.bytes)" }
            case .recordExtracted(let record):
                records.append(
                    "\(record.object) \(record.sourceId) \(record.contentHash) \(record.file):\(record.line)")
            case .sourceFinding(let finding):
                findings.append("\(finding.kind) \(finding.file):\(finding.line) \(finding.detail)")
            default: break
            }
        }
        return (files, records, findings)
    }

    @Test(
        "a zipped export snapshots to exactly the record events of its folder, with or without a top-level folder",
        arguments: [true, false])
    func zipSnapshotsLikeFolder(keepingTopFolder: Bool) throws {
        let fixture = try ExportFixture([:])
        let export = fixture.root.appendingPathComponent("export")
        _ = try ExportGenerator(contacts: 400, seed: 17, clean: false).write(to: export)
        let zip = fixture.root.appendingPathComponent("export.zip")
        try FileManager.default.zipItem(
            at: export, to: zip, shouldKeepParent: keepingTopFolder, compressionMethod: .deflate)

        let fromFolder = try fixture.snapshot()
        let zipLedger = try Ledger.create(at: fixture.root.appendingPathComponent("zip-ledger.sqlite").path)
        let fromZip = try Snapshotter(ledger: zipLedger, layout: try ExportLayout(root: zip)).run()

        let (folderFiles, folderRecords, folderFindings) = try Self.recorded(fixture.ledger)
        let (zipFiles, zipRecords, zipFindings) = try Self.recorded(zipLedger)
        #expect(!folderRecords.isEmpty)
        #expect(zipRecords == folderRecords)
        #expect(zipFiles == folderFiles)
        #expect(zipFindings == folderFindings)
        #expect(fromZip.files == fromFolder.files)
    }
}
