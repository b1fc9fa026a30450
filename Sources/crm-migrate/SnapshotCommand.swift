import AllegoryExport
import ArgumentParser
import ExportUnderstanding
import Foundation
import Ledger
import SourceSnapshot

struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Read an export (a folder or a .zip) into the project's ledger as a new snapshot.",
        discussion: """
            Hashes every file, then records each source record that is new or changed since the previous \
            snapshot (record.extracted, with its raw values and a content hash independent of column order), \
            every reader finding with its file and line (source.finding), and every record that disappeared \
            (record.missing). A second snapshot of an unchanged export adds no record events.

            A zip is read in place, one file at a time; a zip holding one top-level folder is read as that folder, \
            and the layout's files are found at any depth. A file that is not UTF-8 has its encoding detected; \
            when detection cannot decide, the snapshot stops and names the file: give its encoding with \
            --encoding FILE=NAME (or --encoding NAME for every file).
            """)

    @OptionGroup var options: ProjectOptions
    @Option(
        help: "The export folder or .zip (the Allegory layout: contacts.csv, companies.csv, ...).", completion: .file())
    var export: String
    @Option(
        name: .customLong("encoding"),
        help: ArgumentHelp(
            "The text encoding of every file (NAME) or of one (FILE=NAME, FILE as in the export or its name alone); "
                + "repeatable. Default: detected per file.",
            valueName: "[FILE=]NAME"))
    var encodings: [String] = []

    func validate() throws {
        do {
            _ = try EncodingOverrides(encodings)
        } catch let problem as EncodingOverrides.Problem {
            throw ValidationError(problem.description)
        }
    }

    func run() throws {
        let project = try options.open()
        var layout = try ExportLayout(root: URL(fileURLWithPath: export).standardizedFileURL)
        layout.encodings = try EncodingOverrides(encodings)
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
        for finding in layout.findings { print("finding: \(finding)") }
        if !layout.missingFiles.isEmpty {
            print("not in the export: \(layout.missingFiles.joined(separator: ", "))")
        }
        print(
            String(
                format: "%.1f s, %.0f records/s; ledger now holds %d events", seconds,
                Double(records) / max(seconds, 0.001), ledger.head.seq))
    }
}
