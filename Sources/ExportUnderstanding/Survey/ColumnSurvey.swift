import AllegoryExport

/// Everything one pass over a column keeps: its profile, its values as sets (while they stay nearly distinct, so a
/// key or label column can be recognised and referenced), and the distinct values it holds (the references it may
/// make), up to a bound.
struct ColumnSurvey {
    /// Distinct values kept per column to test as references to another file.
    static let sampleLimit = 5_000
    /// A column whose values repeat more than this share cannot identify or name records: its sets are dropped.
    static let maximumDuplicateShare = 0.2
    /// Values seen before that decision is taken.
    static let decisionPoint = 500

    let name: String
    var profiler: ColumnProfiler
    private(set) var nonEmpty = 0
    /// Values as written (ids).
    private(set) var exact: ValueSet? = ValueSet()
    /// Values without case or repeated spaces; web addresses by domain (names, emails, domains).
    private(set) var folded: ValueSet? = ValueSet()
    /// Distinct non-empty values with their counts, up to `sampleLimit`.
    private(set) var sample: [String: Int] = [:]
    private(set) var sampleIsComplete = true
    /// Whether the column may identify, name or point at records; decided at `decisionPoint` from its values'
    /// type: dates, amounts, phones and flags do not, and are not tracked further (most of a survey's cost).
    private(set) var referenceable = true
    /// The latest `YYYY-MM-DD` a value starts with: the export's date when it has no manifest.
    private(set) var newestDay: Substring?

    init(name: String) {
        self.name = name
        profiler = ColumnProfiler(name: name)
    }

    mutating func add(_ raw: String) {
        profiler.add(raw)
        let value = raw.trimmingWhitespace
        guard !value.isEmpty else { return }
        nonEmpty += 1
        if let day = Self.isoDay(value), day > (newestDay ?? "") { newestDay = day }
        guard referenceable else { return }
        // A value whose hash the exact set has not seen is in no earlier record, so not in a full sample either:
        // the dictionary is looked up (once) only for a value that may be there.
        let isNew = exact?.insert(value)
        if sample.count < Self.sampleLimit {
            sample[value, default: 0] += 1
        } else if isNew != true, let index = sample.index(forKey: value) {
            sample.values[index] += 1
        } else {
            sampleIsComplete = false
        }
        folded?.insert(ValueFolding.folded(value))
        if nonEmpty == Self.decisionPoint { decide() }
    }

    /// After the first values: sets that repeat too much are dropped, and a column whose values can neither
    /// identify nor name nor point at records stops being tracked.
    private mutating func decide() {
        if let set = exact, set.duplicateShare > Self.maximumDuplicateShare { exact = nil }
        if let set = folded, set.duplicateShare > Self.maximumDuplicateShare { folded = nil }
        switch kind {
        case "text", "picklist", "email", "url", "empty": break
        case "integer": folded = nil
        default:
            referenceable = false
            exact = nil
            folded = nil
        }
    }

    /// The `YYYY-MM-DD` a value starts with, if it does.
    static func isoDay(_ value: String) -> Substring? {
        let utf8 = value.utf8
        guard utf8.count >= 10 else { return nil }
        var index = utf8.startIndex
        for position in 0..<10 {
            let byte = utf8[index]
            let ok = position == 4 || position == 7 ? byte == UInt8(ascii: "-") : (byte >= 0x30 && byte <= 0x39)
            guard ok else { return nil }
            index = utf8.index(after: index)
        }
        return value.prefix(10)
    }

    /// At the end of the file: sets of values that repeat too much are dropped, whatever the file's size.
    /// (Values as written are kept: a small file's id column with repeats is still its key, whose repeats the
    /// snapshot must know.)
    mutating func finish() {
        if let set = folded, set.duplicateShare > Self.maximumDuplicateShare { folded = nil }
        profile = profiler.profile()
    }

    /// The column's profile, computed once when the file has been read (`finish`): every decision asks for it.
    private(set) var profile: ColumnProfile?

    /// The kind word of the values' type (`text`, `email`, `date`, ...).
    var kind: String { ColumnMeaning.kind((profile ?? profiler.profile()).type).kind }

    /// Share of non-empty values that are distinct as written; nil when the column repeats too much to track.
    var distinctShare: Double? {
        guard nonEmpty > 0 else { return 0 }
        if let exact { return Double(exact.distinct) / Double(nonEmpty) }
        // Dropped sets repeated more than the bound allows.
        return nil
    }
}
