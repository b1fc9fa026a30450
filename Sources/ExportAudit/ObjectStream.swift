import AllegoryExport
import Ledger

/// One current record with its standard columns resolved by the source profile (so `E-mail` answers for `Email`).
struct Row {
    let record: SourceRecord
    let headerFor: [String: String]

    var sourceId: String { record.sourceId }
    var file: String { record.file }
    var line: Int { record.line }

    /// The record's value in standard column `column` (trimmed), or nil when the file has no such column.
    func value(_ column: String) -> String? {
        guard let header = headerFor[column] else { return nil }
        return (record.values[header] ?? "").trimmingWhitespace
    }

    /// The record's own id: its source id without the `#2` a repeated id gets.
    var baseId: String {
        guard let hash = sourceId.lastIndex(of: "#"), sourceId[sourceId.index(after: hash)...].allSatisfy(\.isNumber),
            sourceId.index(after: hash) != sourceId.endIndex
        else { return sourceId }
        return String(sourceId[..<hash])
    }

    var isRepeatedId: Bool { baseId != sourceId }
}

/// Streams one object's current records from the ledger without keeping them, profiling every column on the way:
/// the audit keeps only the sets and maps its checks need, so memory does not grow with the records' size.
struct ObjectStream {
    let object: String
    private(set) var records = 0
    private(set) var profilers: [String: ColumnProfiler] = [:]
    private(set) var columns: [String] = []
    private var headerFor: [String: String] = [:]

    init(object: String) { self.object = object }

    mutating func forEach(_ ledger: Ledger, _ body: (Row) throws -> Void) throws {
        try ledger.forEachCurrentRecord(object: object) { record in
            records += 1
            if record.values.count != profilers.count || record.values.keys.contains(where: { profilers[$0] == nil }) {
                learn(record.values.keys)
            }
            for (name, value) in record.values { profilers[name]!.add(value) }
            try body(Row(record: record, headerFor: headerFor))
        }
    }

    /// Adds columns not seen before, and resolves standard columns over all columns seen.
    private mutating func learn(_ names: Dictionary<String, String>.Keys) {
        for name in names.sorted() where profilers[name] == nil {
            profilers[name] = ColumnProfiler(name: name)
            columns.append(name)
        }
        headerFor = [:]
        for (name, match) in zip(columns, SourceProfile.match(header: columns, object: object)) {
            if case .standard(let column, _) = match, headerFor[column] == nil { headerFor[column] = name }
        }
        // Custom objects and unknown files have no profile: their columns answer by their own names.
        for name in columns where headerFor[name] == nil { headerFor[name] = name }
    }

    func profiles() -> [ColumnProfile] { columns.map { profilers[$0]!.profile() } }
}
