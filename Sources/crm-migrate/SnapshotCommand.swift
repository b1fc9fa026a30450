import AllegoryExport
import ArgumentParser
import ExportUnderstanding
import Foundation
import Ledger
import SourceSnapshot

struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Read an export folder into the project's ledger as a new snapshot.",
        discussion: """
            Hashes every file, then records each source record that is new or changed since the previous \
            snapshot (record.extracted, with its raw values and a content hash independent of column order), \
            every reader finding with its file and line (source.finding), and every record that disappeared \
            (record.missing). A second snapshot of an unchanged export adds no record events.
            """)

    @OptionGroup var options: ProjectOptions
    @Option(help: "The export folder (the Allegory layout: contacts.csv, companies.csv, ...).", completion: .directory)
    var export: String

    func run() throws {
        let project = try options.open()
        let layout = try ExportLayout(root: URL(fileURLWithPath: export).standardizedFileURL)
        let ledger = try project.openLedger(.write)
        let started = Date()
        let snapshotter = Snapshotter(ledger: ledger, layout: layout)
        let completed = try snapshotter.run()
        let seconds = Date().timeIntervalSince(started)
        print("Snapshot \(completed.snapshot) of \(layout.root.path)")
        print(
            "FILE".padding(40) + "OBJECT".padding(20) + "RECORDS".padding(10) + "NEW/CHANGED".padding(13)
                + "UNCHANGED".padding(11) + "MISSING".padding(9) + "FINDINGS")
        let objects = Dictionary(layout.files.map { ($0.path, $0.object) }, uniquingKeysWith: { first, _ in first })
        for file in completed.files {
            print(
                file.path.padding(40) + (objects[file.path] ?? "").padding(20) + String(file.records).padding(10)
                    + String(file.extracted).padding(13) + String(file.unchanged).padding(11)
                    + String(file.missing).padding(9)
                    + String(file.findings))
        }
        let records = completed.files.reduce(0) { $0 + $1.records }
        print(
            "total".padding(60) + String(records).padding(10) + String(completed.extracted).padding(13)
                + String(completed.unchanged).padding(11) + String(completed.missing).padding(9)
                + String(completed.files.reduce(0) { $0 + $1.findings }))
        if let understanding = snapshotter.understanding {
            print("Understood (export.understood; `crm-migrate understand` shows every reason):")
            for file in understanding.files {
                let key =
                    file.keyKind == .line
                    ? "no key: records by line"
                    : "\(file.keyKind.rawValue) key \(file.keyColumns.joined(separator: " + "))"
                print("  " + file.path.padding(40) + file.role.rawValue.padding(14) + key)
            }
            print(
                "  \(understanding.relations.count) relations and \(understanding.polymorphic.count) type + id pairs found from the values"
            )
        }
        if !layout.missingFiles.isEmpty {
            print("not in the export: \(layout.missingFiles.joined(separator: ", "))")
        }
        print(
            String(
                format: "%.1f s, %.0f records/s; ledger now holds %d events", seconds,
                Double(records) / max(seconds, 0.001), ledger.head.seq))
    }
}
