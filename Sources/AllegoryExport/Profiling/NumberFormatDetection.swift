/// How a column's numbers were understood from all its sampled values: their decimal convention and their meaning.
public struct NumberDecision: Sendable, Equatable {
    /// The decimal mark the column is read with; nil when no value has one (whole numbers read the same either way).
    public let convention: DecimalConvention?
    /// Every convention the values fit equally well, `convention` first: two when the column is ambiguous.
    public let conventionCandidates: [DecimalConvention]
    /// Values such as `1.234` read both as 1.234 and as 1234, nothing in the column tells which, and no locale
    /// settled it: a person should say.
    public let isAmbiguous: Bool
    /// How the convention was decided, in words.
    public let reason: String
    public let meaning: NumberMeaning
    /// Why the numbers are taken to mean `meaning`, in words.
    public let meaningReason: String
}

/// Reads each value in both decimal conventions and counts what the readings show; then decides the column's
/// convention (the one more values fit; a value only one fits decides it) and what its numbers mean.
struct NumberFormatDetector {
    /// Values that read as numbers with a decimal point, and with a decimal comma.
    private var pointFits = 0
    private var commaFits = 0
    /// Of those, values without a fraction.
    private var pointWhole = 0
    private var commaWhole = 0
    /// Values that read differently in the two conventions (`1.234`): what makes a column ambiguous.
    private var twoReadings = 0
    private var twoReadingsExample: String?
    /// The convention in which that example's mark groups thousands (`1.234` is 1234 with a decimal comma).
    private var twoReadingsGrouped: DecimalConvention = .point
    /// The first value that reads in one convention only: the proof of the column's convention.
    private var pointOnlyExample: String?
    private var commaOnlyExample: String?
    private var currency = 0
    private var percent = 0
    private var leadingZeros = 0
    /// Plain four-digit numbers from 1800 to 2100: what a column of years holds.
    private var years = 0

    /// More digits than this are an identifier, not a quantity (and would not fit in 64 bits).
    static let digitLimit = 18

    mutating func add(_ value: String, _ bytes: UnsafeBufferPointer<UInt8>) {
        let pointReading = NumberSyntax.read(bytes, .point)
        let point = Self.form(pointReading)
        // Only the marks differ between the conventions: a value read without one, or refused for something other
        // than its marks, reads the same way in the other, which need not be looked at.
        let comma: NumberForm?
        switch pointReading {
        case .success(let form) where form.decimalMark == nil && !form.grouped: comma = point
        case .failure(.grouping), .failure(.twoMarks), .success: comma = Self.form(NumberSyntax.read(bytes, .comma))
        case .failure: comma = nil
        }
        guard let any = point ?? comma else { return }
        if let point {
            pointFits += 1
            if point.decimalMark == nil { pointWhole += 1 }
        }
        if let comma {
            commaFits += 1
            if comma.decimalMark == nil { commaWhole += 1 }
        }
        switch (point, comma) {
        case (.some(let p), .some(let c)) where p.decimalMark != nil || c.decimalMark != nil:
            twoReadings += 1
            if twoReadingsExample == nil {
                twoReadingsExample = value
                twoReadingsGrouped = p.decimalMark == nil ? .point : .comma
            }
        case (.some, nil): if pointOnlyExample == nil { pointOnlyExample = value }
        case (nil, .some): if commaOnlyExample == nil { commaOnlyExample = value }
        default: break
        }
        if any.currency { currency += 1 }
        if any.percent { percent += 1 }
        if any.leadingZero { leadingZeros += 1 }
        if bytes.count == 4, !any.grouped, any.decimalMark == nil, !any.negative, !any.currency, !any.percent,
            let year = Int(value), (1800...2100).contains(year)
        {
            years += 1
        }
    }

    private static func form(_ reading: Result<NumberForm, NumberSyntaxError>) -> NumberForm? {
        guard case .success(let form) = reading, form.wholeDigits <= digitLimit else { return nil }
        return form
    }

    private func fits(_ convention: DecimalConvention?) -> Int { convention == .comma ? commaFits : pointFits }

    private func convention(locale: ExportLocale?) -> (convention: DecimalConvention?, ambiguous: Bool, reason: String)
    {
        if pointFits > commaFits, let example = pointOnlyExample {
            return (
                .point, false, "\"\(example)\" has a decimal point (\(DecimalConvention.point.example))"
            )
        }
        if commaFits > pointFits, let example = commaOnlyExample {
            return (
                .comma, false, "\"\(example)\" has a decimal comma (\(DecimalConvention.comma.example))"
            )
        }
        guard let example = twoReadingsExample else {
            return (nil, false, "no value has a decimal mark: the numbers read the same in either convention")
        }
        let both = "values such as \"\(example)\" read as a fraction or as thousands, and no value tells which"
        if let chosen = locale?.decimalConvention, let identifier = locale?.identifier {
            return (chosen, false, "\(both); the export's locale \(identifier) writes \(chosen.example)")
        }
        // Exports write thousands far more often than three-decimal fractions (amounts have two decimals).
        let chosen = twoReadingsGrouped
        return (
            chosen, true,
            "\(both); read as thousands (\(chosen.example)) until a person or the export's locale says otherwise"
        )
    }

    /// The column's convention and meaning, and the type they give, when at least `threshold` of the `examined`
    /// values are numbers.
    func decide(examined: Int, threshold: Double, header: HeaderMeaning, locale: ExportLocale?)
        -> (decision: NumberDecision, type: ColumnType, matched: Int)?
    {
        let (convention, ambiguous, reason) = convention(locale: locale)
        let matched = fits(convention)
        guard examined > 0, matched > 0, Double(matched) / Double(examined) >= threshold else { return nil }
        let whole = (convention == .comma ? commaWhole : pointWhole) == matched
        let (meaning, meaningReason) = meaning(matched: matched, whole: whole, header: header)
        let candidates: [DecimalConvention] =
            ambiguous ? [convention ?? .point, convention == .comma ? .point : .comma] : convention.map { [$0] } ?? []
        let decision = NumberDecision(
            convention: convention, conventionCandidates: candidates, isAmbiguous: ambiguous, reason: reason,
            meaning: meaning, meaningReason: meaningReason)
        let type: ColumnType = meaning == .money ? .currency : whole ? .integer : .decimal
        return (decision, type, matched)
    }

    /// Markers on the values first (`%`, a currency), then the header's words, then leading zeros.
    private func meaning(matched: Int, whole: Bool, header: HeaderMeaning) -> (NumberMeaning, String) {
        if percent * 2 > matched { return (.percent, "\(percent) of \(matched) numbers carry a %") }
        if currency * 2 > matched { return (.money, "\(currency) of \(matched) numbers carry a currency") }
        if let named = header.headerMeaning {
            let says = "the header \"\(header.header)\" says \(named.word)"
            switch named.meaning {
            case .year where years < matched:
                return (.quantity, "\(says), but not every value is a year from 1800 to 2100")
            case .count where !whole:
                return (.quantity, "\(says), but some values have a fraction")
            default:
                return (named.meaning, says)
            }
        }
        if leadingZeros > 0 {
            return (.identifier, "\(leadingZeros) values start with a 0 that a quantity would not keep")
        }
        return (.quantity, "numbers with no header word or marker giving them a more specific meaning")
    }
}
