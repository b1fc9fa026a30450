import AllegoryExport
import ExportUnderstanding
import Ledger

/// One current record with its standard columns resolved by the export's understanding (so `Firmenname` answers
/// for `Company Name` when that is what the column means).
struct Row {
    let sourceId: String
    let file: String
    let line: Int
    private let values: [String: String]
    private let headerFor: [String: String]

    init(record: SourceRecord, headerFor: [String: String]) {
        self.init(
            sourceId: record.sourceId, file: record.file, line: record.line, values: record.values, headerFor: headerFor
        )
    }

    init(sourceId: String, file: String, line: Int, values: [String: String], headerFor: [String: String]) {
        self.sourceId = sourceId
        self.file = file
        self.line = line
        self.values = values
        self.headerFor = headerFor
    }

    /// The row with only the values of these standard columns: what a check keeps of a record it reports after
    /// the pass, so a million kept rows do not hold a million records' values.
    func keeping(_ columns: [String]) -> Row {
        var kept: [String: String] = [:]
        for column in columns { if let header = headerFor[column] { kept[header] = values[header] } }
        return Row(sourceId: sourceId, file: file, line: line, values: kept, headerFor: headerFor)
    }

    /// The record's value in standard column `column` (trimmed), or nil when the file has no such column.
    func value(_ column: String) -> String? {
        guard let header = headerFor[column] else { return nil }
        return (values[header] ?? "").trimmingWhitespace
    }

    /// The record's value in the column with this header (trimmed).
    func raw(_ header: String) -> String { (values[header] ?? "").trimmingWhitespace }

    /// The record's own id: its source id without the `#2` a repeated id gets.
    var baseId: String { Row.baseId(sourceId) }

    static func baseId(_ sourceId: String) -> String {
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
    let file: FileUnderstanding?
    private(set) var records = 0
    private(set) var profilers: [String: ColumnProfiler] = [:]
    private(set) var columns: [String] = []
    private let headerFor: [String: String]

    init(object: String, file: FileUnderstanding?) {
        self.object = object
        self.file = file
        var headerFor = file?.headerForStandard ?? [:]
        // Columns without a standard meaning answer by their own names.
        for column in file?.columns ?? [] where headerFor[column.name] == nil { headerFor[column.name] = column.name }
        self.headerFor = headerFor
    }

    mutating func forEach(_ ledger: Ledger, _ body: (Row) throws -> Void) throws {
        // The range reader: the same records in the same order as the lookup per record, a chunk of events per
        // query, with the values read straight from the stored bytes.
        try ledger.forEachCurrentRecord(object: object, columns: nil) { record in
            records += 1
            if record.values.count != profilers.count || record.values.keys.contains(where: { profilers[$0] == nil }) {
                for name in record.values.keys.sorted() where profilers[name] == nil {
                    profilers[name] = ColumnProfiler(name: name)
                    columns.append(name)
                }
            }
            for (name, value) in record.values { profilers[name]!.add(value) }
            try body(Row(record: record, headerFor: headerFor))
        }
    }

    func profiles() -> [ColumnProfile] { columns.map { profilers[$0]!.profile() } }
}
