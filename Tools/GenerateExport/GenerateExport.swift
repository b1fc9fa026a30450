import ArgumentParser
import ExportGenerator
import Foundation

@main
struct GenerateExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-export",
        abstract: "Write a synthetic Allegory export, with planted defects, for tests and demos.",
        discussion: """
            Writes the default layout of shared/ALLEGORY_EXPORT.md into DIR: companies, contacts, deals, stages, \
            users, tasks, notes, activities, attachments with their files/, the custom object "projects" with its \
            schema and its links to contacts, custom_fields.csv, workflows.json and manifest.json. The same --seed \
            and --contacts give byte-identical files.

            Unless --clean, a handful of defects of every kind (about one per 2,000 contacts each) are planted: \
            duplicate ids, emails and domains, missing and invalid values, orphans, parent cycles, stale contacts, \
            unknown owners, broken attachments, ragged rows, a duplicate header, a NUL byte, a banner line, an \
            unterminated quote and a Windows-1252 file. DIR/planted-defects.json lists each with its file and \
            line: it is this generator's answer key, not part of an Allegory export.

            DIR must be new, empty, or hold an earlier generated export (which is replaced).
            """)

    @Option(
        name: .long, help: ArgumentHelp("The directory to write the export into.", valueName: "dir"),
        completion: .directory)
    var out: String

    @Option(name: .long, help: ArgumentHelp("How many contacts; every other file is sized from it.", valueName: "n"))
    var contacts: Int = 1000

    @Option(name: .long, help: ArgumentHelp("The seed of the deterministic random generator.", valueName: "seed"))
    var seed: UInt64 = 1

    @Flag(name: .long, help: "Plant no defects: every reference resolves and every value is valid (default: off).")
    var clean = false

    func validate() throws {
        let minimum = clean ? 1 : ExportGenerator.minimumContactsWithDefects
        guard contacts >= minimum else {
            throw ValidationError(
                clean
                    ? "--contacts must be at least 1."
                    : "--contacts must be at least \(minimum) to plant every kind of defect (or add --clean).")
        }
    }

    func run() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let directory = URL(fileURLWithPath: out)
        let summary = try ExportGenerator(contacts: contacts, seed: seed, clean: clean).write(to: directory)
        let seconds = (clock.now - start) / .seconds(1)

        print("Wrote \(directory.path) (\(contacts) contacts, seed \(seed)\(clean ? ", clean" : ""))")
        let width = summary.files.map(\.path.count).max() ?? 0
        for file in summary.files {
            let records = file.records.map { "\($0) records" } ?? ""
            print(
                "  \(file.path.padding(toLength: width, withPad: " ", startingAt: 0))  "
                    + "\(records.leftPadded(to: 16))  \(byteCount(file.bytes).leftPadded(to: 10))")
        }
        print("  total \(byteCount(summary.totalBytes))")
        if summary.defects.isEmpty {
            print("No defects planted.")
        } else {
            print("Planted \(summary.defects.count) defects (listed in planted-defects.json):")
            for (kind, count) in summary.defectCounts { print("  \(kind.rawValue): \(count)") }
        }
        print(String(format: "Done in %.2f s.", seconds))
    }

    private func byteCount(_ bytes: Int) -> String {
        switch bytes {
        case ..<10_000: "\(bytes) B"
        case ..<10_000_000: "\(bytes / 1000) kB"
        default: String(format: "%.1f MB", Double(bytes) / 1_000_000)
        }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
