import ArgumentParser
import FieldMap
import Foundation
import Ledger
import MigrationEngine

struct ExportCSVCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-csv",
        abstract: "Write the transformed records as files for Twenty's in-app CSV import, instead of a run.",
        discussion: """
            For teams that prefer Twenty's own import: every record transformed and not yet written (what \
            `crm-migrate run` would send) goes into one CSV file per object, at most 10,000 rows each \
            (companies-1.csv, companies-2.csv, ...), headed with Twenty's field labels (`Name / First Name`, \
            `Emails / Primary Email`, `Company (ID)`), in the order to import them. README-import.md in the same \
            folder lists the files in that order and names what the import cannot carry (task and note targets, \
            attachments, many-to-many links, the export's own ids, owners who are not members) with counts. \
            Requires a confirmed map and a transform (`crm-migrate transform`); reads the ledger only.
            """)

    @OptionGroup var options: ProjectOptions
    @Option(help: "The folder to write the files to (default: PROJECT_DIR/import-files).", completion: .directory)
    var out: String?

    func run() throws {
        let project = try options.open()
        let confirmed = try MapConfirmation.requireConfirmed(projectDirectory: options.directory)
        let ledger = try project.openLedger(.read)
        let directory = out.map { URL(fileURLWithPath: $0) } ?? options.directory.appendingPathComponent("import-files")
        let export = ImportFileExport(
            ledger: ledger, map: confirmed.map, catalog: .builtIn(confirmed.map.twenty.version))
        let summary = try export.write(to: directory)
        for object in summary.objects {
            let files = object.files.map { "\($0.name) (\($0.rows))" }.joined(separator: ", ")
            print("\(object.sourceObject) -> \(object.target): \(files)")
        }
        for left in summary.leftBehind {
            print("\(left.sourceObject): \(left.sourceIds.count) records not exportable (\(left.reason))")
        }
        print("Import order and what is left behind: \(directory.appendingPathComponent("README-import.md").path)")
    }
}
