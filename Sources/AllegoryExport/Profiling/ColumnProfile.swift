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
    /// How sure the profile is of `type`, 0 to 1: the share of non-empty values that fit it (1 for text and empty
    /// columns), capped at 0.55 when the values leave the reading open (an order of day and month no value settles,
    /// bare numbers taken for dates with no header naming a time).
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
    /// For a date or date-time column: its format, the candidates when the order of day and month is open, and
    /// how it was decided.
    public let timestamp: TimestampDecision?
    /// For a number, amount or percentage column: its decimal convention and what its numbers mean.
    public let number: NumberDecision?

    /// What the column's numbers stand for (money, a count, a percentage, a year, an identifier, a quantity).
    public var meaning: NumberMeaning? { number?.meaning }
    /// The values leave something for a person to settle: the order of day and month, or the decimal mark.
    public var isAmbiguous: Bool { timestamp?.isAmbiguous == true || number?.isAmbiguous == true }
}

/// Accumulates a column's values (all of them, or a sample) and infers its type.
///
/// A type is chosen when at least `threshold` of the non-empty values fit it, most specific first: boolean,
/// timestamp, email, URL, phone, number (integer, decimal, currency); then a pick-list when at most 25 distinct
/// values each repeat; else text. Formats are decided from all sampled values, not the first: a date column's
/// format is the one every value fits (day-first when a value needs it, ambiguous when none does), a number
/// column's decimal mark the one its values allow. The header's words decide what the values leave open: digits
/// that are also a phone number, numbers that are also dates, money or a count (see `HeaderMeaning`).
public struct ColumnProfiler {
    public static let distinctLimit = 1000
    public static let picklistLimit = 25
    /// Values whose shape is examined; later ones are only counted. The type of a column is clear long before a
    /// million values, and examining every value of a large export dominated the audit's time.
    public static let shapeSampleLimit = 20_000
    public let name: String
    public let threshold: Double
    /// The export's locale, when known: it settles the order of day and month and the decimal mark.
    public let locale: ExportLocale?
    private var examined = 0

    private var values = 0
    private var empty = 0
    private var counts: [String: Int] = [:]
    private var distinctOverflow = false
    private var fits: [String: Int] = [:]
    private var timestamps = TimestampFormatDetector()
    private var numbers = NumberFormatDetector()

    /// - Parameter locale: the export's locale (`de`, `en-GB`, `en-US`), when a person or the export says it.
    public init(name: String, threshold: Double = 0.95, locale: String? = nil) {
        self.name = name
        self.threshold = threshold
        self.locale = locale.map(ExportLocale.init)
    }

    public mutating func add(_ raw: String) {
        values += 1
        let value = raw.trimmingWhitespace
        if value.isEmpty {
            empty += 1
            return
        }
        // One dictionary lookup a value, not two.
        if counts.count < ColumnProfiler.distinctLimit {
            counts[value, default: 0] += 1
        } else if let index = counts.index(forKey: value) {
            counts.values[index] += 1
        } else {
            distinctOverflow = true
        }
        guard examined < ColumnProfiler.shapeSampleLimit else { return }
        examined += 1
        let lower = value.lowercased()
        if ValueShapes.booleanWords.contains(lower) || value == "0" || value == "1" { fits["boolean", default: 0] += 1 }
        value.withUTF8Bytes { bytes in
            timestamps.add(value, bytes)
            numbers.add(value, bytes)
        }
        if ValueShapes.isEmail(value) { fits["email", default: 0] += 1 }
        if ValueShapes.isURL(value) { fits["url", default: 0] += 1 }
        if ValueShapes.isPhone(value) { fits["phone", default: 0] += 1 }
    }

    public func profile() -> ColumnProfile {
        let nonEmpty = values - empty
        let top = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(10)
            .map { (value: $0.key, count: $0.value) }
        func make(
            _ type: ColumnType, _ matched: Int, _ reason: String, confidence: Double? = nil,
            timestamp: TimestampDecision? = nil, number: NumberDecision? = nil
        ) -> ColumnProfile {
            let share = examined == 0 ? 1 : min(1, Double(matched) / Double(examined))
            let byCount =
                Self.isPicklist(type)
                ? counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key } : []
            return ColumnProfile(
                name: name, type: type, confidence: confidence ?? share, values: values, empty: empty,
                distinct: counts.count, distinctIsExact: !distinctOverflow, topValues: Array(top),
                valueCounts: byCount.map { (value: $0.key, count: $0.value) }, reason: reason, timestamp: timestamp,
                number: number)
        }
        guard nonEmpty > 0 else { return make(.empty, 0, "no values") }
        let header = HeaderMeaning(name)
        let hint = header.normalized
        let share = { (count: Int) in Double(count) / Double(examined) }
        let sampled = examined < nonEmpty ? " (a sample of \(examined) of \(nonEmpty))" : ""
        let percent = { (count: Int) in "\(Int((share(count) * 100).rounded()))% of \(examined) values\(sampled)" }
        func fit(_ key: String) -> Int { fits[key, default: 0] }

        let onlyZeroOne = Set(counts.keys).isSubset(of: ["0", "1"])
        if share(fit("boolean")) >= threshold && (!onlyZeroOne || hint.hasPrefix("is") || hint.hasPrefix("has")) {
            return make(.boolean, fit("boolean"), "\(percent(fit("boolean"))) are yes/no words")
        }
        if let (decision, count) = timestamps.decide(
            examined: examined, threshold: threshold, header: header, locale: locale)
        {
            let type: ColumnType = decision.format.hasTime ? .dateTime(decision.format) : .date(decision.format)
            let how = decision.reason == TimestampFormatDetector.onlyFit ? "" : ": " + decision.reason
            return make(
                type, count, "\(percent(count)) read as \(decision.format.rawValue)\(how)",
                confidence: decision.confidence,
                timestamp: decision)
        }
        if share(fit("email")) >= threshold {
            return make(.email, fit("email"), "\(percent(fit("email"))) are email addresses")
        }
        let number = numbers.decide(examined: examined, threshold: threshold, header: header, locale: locale)
        if share(fit("url")) >= threshold && number == nil {
            return make(.url, fit("url"), "\(percent(fit("url"))) are web addresses")
        }
        // Dates that did not make a date column (too many bad values) still have a phone's digits and dots: a
        // column mostly written as dates is never taken for phones.
        if share(fit("phone")) >= threshold && (header.namesPhone || number == nil)
            && timestamps.writtenDates * 2 < examined
        {
            return make(.phone, fit("phone"), "\(percent(fit("phone"))) are phone numbers")
        }
        if let (decision, type, count) = number {
            let what =
                switch type {
                case .currency: "amounts"
                case .integer: "whole numbers"
                default: "decimal numbers"
                }
            let convention = decision.convention == nil ? "" : "; " + decision.reason
            let reason =
                "\(percent(count)) are \(what) (\(decision.meaning.rawValue): \(decision.meaningReason))\(convention)"
            return make(type, count, reason, number: decision)
        }
        if !distinctOverflow && counts.count <= ColumnProfiler.picklistLimit && nonEmpty >= 2 * counts.count {
            let byCount = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
            return make(
                .picklist(byCount), nonEmpty,
                "\(counts.count) distinct values repeated over \(nonEmpty) records")
        }
        return make(
            .text, nonEmpty,
            "free text (\(distinctOverflow ? "over \(ColumnProfiler.distinctLimit)" : String(counts.count)) distinct values)"
        )
    }

    private static func isPicklist(_ type: ColumnType) -> Bool {
        if case .picklist = type { return true }
        return false
    }
}
