import AllegoryExport
import Ledger

/// The current records of one object, in file order, with their standard columns found by the source profile
/// (so `E-mail` answers for `Email`).
struct ObjectTable {
    let object: String
    let records: [SourceRecord]
    private let headerFor: [String: String]

    init(object: String, ledger: Ledger) throws {
        var records: [SourceRecord] = []
        try ledger.forEachCurrentRecord(object: object) { records.append($0) }
        self.init(object: object, records: records)
    }

    init(object: String, records unsorted: [SourceRecord]) {
        let records = unsorted.sorted { ($0.file, $0.line) < ($1.file, $1.line) }
        self.object = object
        self.records = records
        var header: [String] = []
        var seen = Set<String>()
        for record in records.prefix(1000) {
            for key in record.values.keys.sorted() where seen.insert(key).inserted { header.append(key) }
        }
        var headerFor: [String: String] = [:]
        for (name, match) in zip(header, SourceProfile.match(header: header, object: object)) {
            if case .standard(let column, _) = match, headerFor[column] == nil { headerFor[column] = name }
        }
        // Custom objects and unknown files have no profile: their columns answer by their own names.
        for name in header where headerFor[name] == nil { headerFor[name] = name }
        self.headerFor = headerFor
    }

    /// The record's value in standard column `column` (trimmed), or nil when the file has no such column.
    func value(_ record: SourceRecord, _ column: String) -> String? {
        guard let header = headerFor[column] else { return nil }
        return (record.values[header] ?? "").trimmingWhitespace
    }

    /// The record's own id: its source id without the `#2` a repeated id gets.
    static func baseId(_ record: SourceRecord) -> String {
        guard let hash = record.sourceId.lastIndex(of: "#"), record.sourceId[record.sourceId.index(after: hash)...].allSatisfy(\.isNumber)
        else { return record.sourceId }
        return String(record.sourceId[..<hash])
    }

    var ids: Set<String> { Set(records.map(ObjectTable.baseId)) }
}
