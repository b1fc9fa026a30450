/// What a column's values say it holds.
public enum ColumnType: Sendable, Equatable, CustomStringConvertible {
    case empty
    case boolean
    case integer
    case decimal
    case currency
    case date(TimestampFormat)
    case dateTime(TimestampFormat)
    case email
    case phone
    case url
    /// Few distinct values, each repeated: a pick-list, with its values by count.
    case picklist([String])
    case text

    public var description: String {
        switch self {
        case .empty: return "empty"
        case .boolean: return "boolean"
        case .integer: return "number (integer)"
        case .decimal: return "number (decimal)"
        case .currency: return "currency"
        case .date(let format): return "date (\(format.rawValue))"
        case .dateTime(let format): return "date-time (\(format.rawValue))"
        case .email: return "email"
        case .phone: return "phone"
        case .url: return "URL"
        case .picklist(let values): return "pick-list (\(values.count) values)"
        case .text: return "text"
        }
    }
}

/// The profile of one column: its inferred type, how sure, and what its values look like.
public struct ColumnProfile: Sendable {
    public let name: String
    public let type: ColumnType
    /// The share of non-empty values that fit `type` (1 for text and empty columns).
    public let confidence: Double
    public let values: Int
    public let empty: Int
    /// Distinct non-empty values, counted up to `ColumnProfiler.distinctLimit`.
    public let distinct: Int
    public let distinctIsExact: Bool
    /// The most frequent values with their counts, most frequent first.
    public let topValues: [(value: String, count: Int)]
    /// Every value with its count, most frequent first, for a pick-list (empty for other types).
    public let valueCounts: [(value: String, count: Int)]
    /// Why the type was chosen, in words.
    public let reason: String
}

/// Accumulates a column's values (all of them, or a sample) and infers its type.
///
/// A type is chosen when at least `threshold` of the non-empty values fit it, most specific first: boolean,
/// timestamp (the format that fits the most values; day-first when a first part exceeds 12), email, URL, phone,
/// integer, currency, decimal; then a pick-list when at most 25 distinct values each repeat; else text. A name
/// hint (`... Date`, `Phone`, `Website`, `Amount`) decides between readings the values leave open: digits that
/// are also a phone number, decimals that are also day counts.
public struct ColumnProfiler {
    public static let distinctLimit = 1000
    public static let picklistLimit = 25
    /// Values whose shape is examined; later ones are only counted. The type of a column is clear long before a
    /// million values, and examining every value of a large export dominated the audit's time.
    public static let shapeSampleLimit = 20_000
    public let name: String
    public let threshold: Double
    private var examined = 0

    private var values = 0
    private var empty = 0
    private var counts: [String: Int] = [:]
    private var distinctOverflow = false
    private var fits: [String: Int] = [:]
    private var timestampFits: [TimestampFormat: Int] = [:]

    public init(name: String, threshold: Double = 0.95) {
        self.name = name
        self.threshold = threshold
    }

    public mutating func add(_ raw: String) {
        values += 1
        let value = raw.trimmingWhitespace
        if value.isEmpty {
            empty += 1
            return
        }
        if counts[value] != nil || counts.count < ColumnProfiler.distinctLimit {
            counts[value, default: 0] += 1
        } else {
            distinctOverflow = true
        }
        guard examined < ColumnProfiler.shapeSampleLimit else { return }
        examined += 1
        let lower = value.lowercased()
        if ValueShapes.booleanWords.contains(lower) || value == "0" || value == "1" { fits["boolean", default: 0] += 1 }
        for format in TimestampFormat.candidates(value) { timestampFits[format, default: 0] += 1 }
        if ValueShapes.isEmail(value) { fits["email", default: 0] += 1 }
        if ValueShapes.isURL(value) { fits["url", default: 0] += 1 }
        if ValueShapes.isPhone(value) { fits["phone", default: 0] += 1 }
        if ValueShapes.isInteger(value) { fits["integer", default: 0] += 1 }
        if ValueShapes.isDecimal(value) { fits["decimal", default: 0] += 1 }
        if ValueShapes.isCurrencyAmount(value) { fits["currency", default: 0] += 1 }
    }

    public func profile() -> ColumnProfile {
        let nonEmpty = values - empty
        let top = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(10)
            .map { (value: $0.key, count: $0.value) }
        func make(_ type: ColumnType, _ matched: Int, _ reason: String) -> ColumnProfile {
            ColumnProfile(
                name: name, type: type, confidence: examined == 0 ? 1 : min(1, Double(matched) / Double(examined)), values: values,
                empty: empty, distinct: counts.count, distinctIsExact: !distinctOverflow, topValues: Array(top),
                valueCounts: Self.isPicklist(type) ? counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { (value: $0.key, count: $0.value) } : [],
                reason: reason)
        }
        guard nonEmpty > 0 else { return make(.empty, 0, "no values") }
        let hint = HeaderName.normalize(name)
        let share = { (count: Int) in Double(count) / Double(examined) }
        let sampled = examined < nonEmpty ? " (a sample of \(examined) of \(nonEmpty))" : ""
        let percent = { (count: Int) in "\(Int((share(count) * 100).rounded()))% of \(examined) values\(sampled)" }
        func fit(_ key: String) -> Int { fits[key, default: 0] }

        let onlyZeroOne = Set(counts.keys).isSubset(of: ["0", "1"])
        if share(fit("boolean")) >= threshold && (!onlyZeroOne || hint.hasPrefix("is") || hint.hasPrefix("has")) {
            return make(.boolean, fit("boolean"), "\(percent(fit("boolean"))) are yes/no words")
        }
        let namesTime = ["date", "time", "created", "modified", "updated", "at", "due", "closed"].contains { hint.hasSuffix($0) || hint.hasPrefix($0) }
        if let (format, count) = bestTimestamp(), share(count) >= threshold, format != .excelSerial || namesTime {
            let type: ColumnType = format.hasTime ? .dateTime(format) : .date(format)
            return make(type, count, "\(percent(count)) read as \(format.rawValue)")
        }
        if share(fit("email")) >= threshold { return make(.email, fit("email"), "\(percent(fit("email"))) are email addresses") }
        let namesPhone = ["phone", "mobile", "tel", "fax", "cell"].contains { hint.contains($0) }
        if share(fit("url")) >= threshold && !(share(fit("decimal")) >= threshold) {
            return make(.url, fit("url"), "\(percent(fit("url"))) are web addresses")
        }
        if share(fit("phone")) >= threshold && (namesPhone || share(fit("decimal")) < threshold) {
            return make(.phone, fit("phone"), "\(percent(fit("phone"))) are phone numbers")
        }
        let namesMoney = ["amount", "revenue", "price", "value", "cost", "arr", "budget"].contains { hint.contains($0) }
        if share(fit("integer")) >= threshold {
            return make(namesMoney ? .currency : .integer, fit("integer"), "\(percent(fit("integer"))) are whole numbers")
        }
        if share(fit("currency")) >= threshold {
            return make(.currency, fit("currency"), "\(percent(fit("currency"))) are amounts with a currency")
        }
        if share(fit("decimal")) >= threshold {
            return make(namesMoney ? .currency : .decimal, fit("decimal"), "\(percent(fit("decimal"))) are decimal numbers")
        }
        if !distinctOverflow && counts.count <= ColumnProfiler.picklistLimit && nonEmpty >= 2 * counts.count {
            let byCount = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
            return make(.picklist(byCount), nonEmpty,
                "\(counts.count) distinct values repeated over \(nonEmpty) records")
        }
        return make(.text, nonEmpty, "free text (\(distinctOverflow ? "over \(ColumnProfiler.distinctLimit)" : String(counts.count)) distinct values)")
    }

    private static func isPicklist(_ type: ColumnType) -> Bool {
        if case .picklist = type { return true }
        return false
    }

    /// The timestamp format most values fit; day-first beats month-first only when some value needs it.
    private func bestTimestamp() -> (TimestampFormat, Int)? {
        var best = timestampFits.max { a, b in a.value != b.value ? a.value < b.value : a.key.rawValue > b.key.rawValue }
        if let current = best, current.key == .dayFirstDate, let us = timestampFits[.usDate], us == current.value {
            best = (.usDate, us)
        }
        return best.map { ($0.key, $0.value) }
    }
}
