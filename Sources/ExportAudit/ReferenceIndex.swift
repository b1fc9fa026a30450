import ExportUnderstanding
import Ledger

/// The values other records refer to, per target column and way of matching, read from the ledger's current
/// records once and kept for every check that needs them: how many records each value names (0: an orphan, 2 or
/// more: ambiguous), and the record a value names when it names one (to follow parent chains by name).
struct ReferenceIndex {
    private struct Key: Hashable {
        let object: String
        let column: String
        let matchBy: MatchBy
    }

    private struct Values {
        var count: [String: Int] = [:]
        var sourceId: [String: String] = [:]
    }

    private var cache: [Key: Values] = [:]

    /// How many current records of `object` hold `value` in `column` (compared as `matchBy` compares).
    mutating func matches(_ value: String, object: String, column: String, matchBy: MatchBy, ledger: Ledger) throws
        -> Int
    {
        try load(object, column, matchBy, ledger).count[ValueFolding.fold(value, by: matchBy), default: 0]
    }

    /// The source id of the one record of `object` that `value` names, nil when none or several do.
    mutating func record(_ value: String, object: String, column: String, matchBy: MatchBy, ledger: Ledger) throws
        -> String?
    {
        let values = try load(object, column, matchBy, ledger)
        let key = ValueFolding.fold(value, by: matchBy)
        return values.count[key] == 1 ? values.sourceId[key] : nil
    }

    private mutating func load(_ object: String, _ column: String, _ matchBy: MatchBy, _ ledger: Ledger) throws
        -> Values
    {
        let key = Key(object: object, column: column, matchBy: matchBy)
        if let values = cache[key] { return values }
        var values = Values()
        try ledger.forEachCurrentRecord(object: object, columns: [column]) { record in
            let value = record.values[column] ?? ""
            guard !value.trimmingWhitespace.isEmpty else { return }
            let folded = ValueFolding.fold(value, by: matchBy)
            values.count[folded, default: 0] += 1
            values.sourceId[folded] = Row.baseId(record.sourceId)
        }
        cache[key] = values
        return values
    }

}
