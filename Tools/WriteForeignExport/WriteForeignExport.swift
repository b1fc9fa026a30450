import ArgumentParser
import ForeignExport
import Foundation

@main
struct WriteForeignExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "write-foreign-export",
        abstract:
            "Write a vendor-shaped CRM export with planted defects and an answer key, to test the tool's guesses.",
        discussion: """
            Each style is a whole export in a vocabulary the tool's default layout does not use:
              salesforce  \(ForeignStyle.salesforce.summary)
              german      \(ForeignStyle.german.summary)
              british     \(ForeignStyle.british.summary)
              snake       \(ForeignStyle.snake.summary)

            Defects are planted on purpose (duplicate ids, emails and domains, missing and invalid values, orphans, \
            parent loops, unknown owners, ambiguous references by name). DIR/answer-key.json lists each with its file \
            and line, and says for every file and column what it holds, where it belongs in Twenty and what it points \
            at. It describes the export and is not part of it.

            The same --style, --records and --seed give byte-identical files. DIR must be new, empty, or hold an \
            earlier foreign export (which is replaced).
            """)

    @Option(
        name: .long, help: ArgumentHelp("The directory to write the export into.", valueName: "dir"),
        completion: .directory)
    var out: String

    @Option(
        name: .long, help: ArgumentHelp("The export's style: salesforce, german, british or snake.", valueName: "name"))
    var style: String

    @Option(
        name: .long,
        help: ArgumentHelp(
            "How many people (contacts, leads); companies, deals and tasks are sized from it (default: 150, at least \(ForeignExportWriter.minimumRecords)).",
            valueName: "n"))
    var records: Int = 150

    @Option(
        name: .long, help: ArgumentHelp("The seed of the deterministic random generator (default: 1).", valueName: "s"))
    var seed: UInt64 = 1

    func validate() throws {
        guard ForeignStyle(rawValue: style) != nil else {
            throw ValidationError(
                "--style must be one of \(ForeignStyle.allCases.map(\.rawValue).joined(separator: ", ")); got \"\(style)\"."
            )
        }
        guard records >= ForeignExportWriter.minimumRecords else {
            throw ValidationError(
                "--records must be at least \(ForeignExportWriter.minimumRecords), so every defect has a record of its own."
            )
        }
    }

    func run() throws {
        let directory = URL(fileURLWithPath: out)
        let writer = try ForeignExportWriter(style: ForeignStyle(rawValue: style)!, records: records, seed: seed)
        let key = try writer.write(to: directory)
        print("Wrote \(directory.path) (style \(style), \(records) records, seed \(seed))")
        let width = key.files.map(\.path.count).max() ?? 0
        for file in key.files {
            print(
                "  \(file.path.padding(toLength: width, withPad: " ", startingAt: 0))  \(file.role.padding(toLength: 10, withPad: " ", startingAt: 0))  \(file.records) records"
            )
        }
        let counts = Dictionary(key.defects.map { ($0.kind, 1) }, uniquingKeysWith: +)
        print("Planted \(key.defects.count) defects (listed in \(ForeignExportWriter.answerKeyName)):")
        for kind in counts.keys.sorted() { print("  \(kind): \(counts[kind]!)") }
    }
}
