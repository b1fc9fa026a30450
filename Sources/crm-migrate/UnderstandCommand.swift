import AllegoryExport
import ArgumentParser
import CanonicalJSON
import ExportUnderstanding
import Foundation

struct UnderstandCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "understand",
        abstract: "Show what crm-migrate understands of an export, without a project.",
        discussion: """
            Reads every file once and prints, per file, the kind of record it holds (decided by its name in \
            several languages and by its columns), the column that identifies a record (an id, else a unique \
            email, domain or name, a line number only when nothing is unique) and the one that names it, then \
            every relation between files found from the values: columns whose values are another file's ids, \
            names, emails or domains, owners by email or name, and type + id pairs. `snapshot` records the same \
            understanding in the ledger, where audit, map and transform read it.
            """)

    @Argument(help: "The export folder.", completion: .directory) var export: String
    @Flag(help: "Also list every column with its type and meaning.") var columns = false
    @Flag(help: "Print the understanding as JSON.") var json = false

    func run() throws {
        let layout = try ExportLayout(root: URL(fileURLWithPath: export).standardizedFileURL)
        let understanding = try Understander(layout: layout).understand()
        if json {
            print(String(decoding: try CanonicalJSONEncoder().encode(understanding), as: UTF8.self))
        } else {
            for line in UnderstandingSummary.lines(understanding, columns: columns) { print(line) }
        }
    }
}
