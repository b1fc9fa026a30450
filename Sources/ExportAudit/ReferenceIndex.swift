import ExportUnderstanding
import Ledger

/// The values other records refer to, per target column and way of matching, read from the ledger's current
/// records once and kept for every check that needs them: how many records each value names (0: an orphan, 2 or
/// more: ambiguous), and the record a value names when it names one (to follow parent chains by name).
///
/// The values are kept in a `KeyTally`; the records' ids beside them only for a column whose records are followed
/// by name (a million ids are 30 MB the orphan checks do not need).
struct ReferenceIndex {
    private struct Key: Hashable {
        let object: String
        let column: String
        let matchBy: MatchBy
        let withRecords: Bool
    }

    private var cache: [Key: KeyTally] = [:]

    /// How many current records of `object` hold `value` in `column` (compared as `matchBy` compares).
    mutating func matches(_ value: String, object: String, column: String, matchBy: MatchBy, ledger: Ledger) throws
        -> Int
    {
        let folded = ValueFolding.fold(value, by: matchBy)
        let named = Key(object: object, column: column, matchBy: matchBy, withRecords: true)
        if let values = cache[named] { return values.count(of: folded) }
        return try load(Key(object: object, column: column, matchBy: matchBy, withRecords: false), ledger)
            .count(of: folded)
    }

    /// The source id of the one record of `object` that `value` names, nil when none or several do.
    mutating func record(_ value: String, object: String, column: String, matchBy: MatchBy, ledger: Ledger) throws
        -> String?
    {
        let values = try load(Key(object: object, column: column, matchBy: matchBy, withRecords: true), ledger)
        let key = ValueFolding.fold(value, by: matchBy)
        return values.count(of: key) == 1 ? values.name(of: key) : nil
    }

    private mutating func load(_ key: Key, _ ledger: Ledger) throws -> KeyTally {
        if let values = cache[key] { return values }
        var values = KeyTally()
        try ledger.forEachCurrentRecord(object: key.object, columns: [key.column]) { record in
            let value = record.values[key.column] ?? ""
            guard !value.trimmingWhitespace.isEmpty else { return }
            values.add(
                ValueFolding.fold(value, by: key.matchBy), name: key.withRecords ? Row.baseId(record.sourceId) : nil)
        }
        cache[key] = values
        return values
    }
}
