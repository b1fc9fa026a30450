import AllegoryExport

/// What the sampled values of one column show, in the terms the proposal scores with.
public struct ColumnEvidence: Sendable {
    public let column: String
    public let index: Int
    /// The export's column profile over the sample.
    public let type: ColumnType
    /// Share of non-empty sampled values that fit `type`.
    public let typeShare: Double
    public let sampled: Int
    public let nonEmpty: Int
    public let distinct: Int
    /// A few non-empty values, in file order, distinct, for reasons, the review and the assist.
    public let examples: [String]
    /// Distinct non-empty values in order of first appearance (up to `choiceLimit`): the options of a pick-list.
    public let valuesInOrder: [String]
    /// Shares of non-empty values that are: lists of emails, ISO currency codes, identifiers, MIME types.
    public let emailListShare: Double
    public let currencyCodeShare: Double
    public let identifierShare: Double
    public let mimeShare: Double
    /// The profile's decisions on a date or number column: format or decimal convention, whether the values
    /// settle it, and why (the proposal records them and flags what a person must settle).
    public let timestamp: TimestampDecision?
    public let number: NumberDecision?

    static let choiceLimit = 60

    public init(column: String, index: Int, values: [String]) {
        self.column = column
        self.index = index
        var profiler = ColumnProfiler(name: column, threshold: 0.9)
        var seen = Set<String>()
        var ordered: [String] = []
        var nonEmpty = 0
        var lists = 0, codes = 0, identifiers = 0, mimes = 0
        for raw in values {
            profiler.add(raw)
            let value = raw.trimmingWhitespace
            guard !value.isEmpty else { continue }
            nonEmpty += 1
            if seen.insert(value).inserted, ordered.count < Self.choiceLimit { ordered.append(value) }
            if SampleShapes.isEmailList(value) { lists += 1 }
            if SampleShapes.isCurrencyCode(value) { codes += 1 }
            if SampleShapes.isIdentifier(value) { identifiers += 1 }
            if SampleShapes.isMIMEType(value) { mimes += 1 }
        }
        let profile = profiler.profile()
        type = profile.type
        typeShare = profile.confidence
        timestamp = profile.timestamp
        number = profile.number
        sampled = values.count
        self.nonEmpty = nonEmpty
        distinct = seen.count
        examples = Array(ordered.prefix(5))
        valuesInOrder = ordered
        let share = { (count: Int) in nonEmpty == 0 ? 0 : Double(count) / Double(nonEmpty) }
        emailListShare = share(lists)
        currencyCodeShare = share(codes)
        identifierShare = share(identifiers)
        mimeShare = share(mimes)
    }

    public var isEmpty: Bool { nonEmpty == 0 }
    /// Free text or a pick-list: what a name or a title column holds.
    public var isTextLike: Bool {
        switch type {
        case .text, .picklist: true
        default: false
        }
    }
    /// Every sampled value differs from the others.
    public var isUnique: Bool { nonEmpty > 0 && distinct == nonEmpty }

    /// The timestamp format the values are written in, if they are timestamps.
    public var timestampFormat: TimestampFormat? {
        switch type {
        case .date(let format), .dateTime(let format): format
        default: nil
        }
    }

    /// "98% of 500 sampled values"
    func share(_ value: Double, _ what: String) -> String {
        "\(Int((value * 100).rounded()))% of \(nonEmpty) sampled values \(what)"
    }
}
