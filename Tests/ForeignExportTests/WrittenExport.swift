import ForeignExport
import Foundation

/// A foreign export written to a temporary folder, read back with its answer key decoded from the file on disk.
final class WrittenExport: @unchecked Sendable {
    let folder: URL
    let key: AnswerKey
    /// Whether this object wrote the folder (and so removes it); a checked-in fixture is never removed, wherever
    /// the clone lives (a clone under the temporary folder once lost its fixtures to a path test).
    private let owned: Bool
    private var tables: [String: ReadTable] = [:]

    init(style: ForeignStyle, records: Int = 120, seed: UInt64 = 7) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("foreign-export-\(UUID().uuidString)")
        owned = true
        try ForeignExportWriter(style: style, records: records, seed: seed).write(to: folder)
        key = try JSONDecoder().decode(
            AnswerKey.self, from: Data(contentsOf: folder.appendingPathComponent("answer-key.json")))
    }

    /// A folder of files checked in (a public sample) with its own answer key.
    init(fixture folder: URL) throws {
        self.folder = folder
        owned = false
        key = try JSONDecoder().decode(
            AnswerKey.self, from: Data(contentsOf: folder.appendingPathComponent("answer-key.json")))
    }

    deinit {
        if owned { try? FileManager.default.removeItem(at: folder) }
    }

    func table(_ path: String) throws -> ReadTable {
        if let table = tables[path] { return table }
        let table = try ReadTable(folder.appendingPathComponent(path))
        tables[path] = table
        return table
    }

    /// Every file in the folder but the answer key, relative to it, sorted.
    func exportFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0 != "answer-key.json" && $0 != "SOURCE.md"
        }.sorted()
    }

    /// The values of `path`'s records that a reference `by` matches: its key, label or email column (emails
    /// compared without case, as every CRM compares them).
    func lookupValues(of path: String, by: String) throws -> [String: Int] {
        guard let file = key.file(path) else { return [:] }
        let column: String?
        switch by {
        case "id": column = file.keyColumns.count == 1 ? file.keyColumns[0] : nil
        case "name": column = file.labelColumn
        case "email": column = file.columns.first { $0.kind == "email" }?.name
        default: column = file.columns.first { $0.kind == "url" }?.name
        }
        guard let column else { return [:] }
        var counts: [String: Int] = [:]
        for record in try table(path).records { counts[Self.folded(record[column], by: by), default: 0] += 1 }
        return counts
    }

    static func folded(_ value: String, by: String) -> String { by == "email" ? value.lowercased() : value }

    /// The (file, line, field) of every planted defect: the cells a relation check leaves alone.
    var defectSpots: Set<String> { Set(key.defects.map { "\($0.file):\($0.line):\($0.field ?? "")" }) }

    static let allStyles: [ForeignStyle] = ForeignStyle.allCases
}
