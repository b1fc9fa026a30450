/// How a column's date format was decided from all its sampled values.
public struct TimestampDecision: Sendable, Equatable {
    /// The format the column is read in: the only one every value fits, or, when the values fit two equally
    /// (`03/04/2026`), the one the locale hint or Allegory's documented month-first order gives.
    public let format: TimestampFormat
    /// Every format the values fit as well as `format`, `format` first: two when the order of day and month is open.
    public let candidates: [TimestampFormat]
    /// The values leave the order of day and month open and no locale settled it: a person should say.
    public let isAmbiguous: Bool
    /// Bare numbers (serials, Unix times, `YYYYMMDD`) taken for dates on their range alone, with no header naming a
    /// time: a guess, kept below 0.6 confidence.
    public let restsOnValuesAlone: Bool
    /// How sure the decision is, 0 to 1: the share of values that fit, capped when ambiguous or resting on values.
    public let confidence: Double
    /// How the format was decided, in words.
    public let reason: String
}

/// Counts, over a column's sampled values, the date layouts each value reads in, and decides the column's format.
struct TimestampFormatDetector {
    /// The reason of a format that no other fits: nothing more to say than the share that fits it.
    static let onlyFit = "no other date format fits the values"
    /// Confidence of a decision the values leave open: below what the field map review accepts without a look.
    static let openConfidence = 0.55

    private var fits = [Int](repeating: 0, count: DateLayout.allCases.count)
    private var plausible = [Int](repeating: 0, count: DateLayout.allCases.count)
    /// The first value that fits a layout and not the one with day and month swapped: the proof of the order.
    private var decidingExample = [String?](repeating: nil, count: DateLayout.allCases.count)
    private var withTime = 0
    private var twelveHour = 0
    private var excelFractions = 0
    /// Values written as dates (not bare numbers): a column of them is never a phone column.
    private(set) var writtenDates = 0

    mutating func add(_ value: String, _ bytes: UnsafeBufferPointer<UInt8>) {
        let evidence = TimestampEvidence(bytes)
        guard !evidence.layouts.isEmpty else { return }
        var bits = evidence.layouts.bits
        while bits != 0 {
            let layout = DateLayout.byIndex[bits.trailingZeroBitCount]
            bits &= bits - 1
            fits[layout.index] += 1
            if evidence.plausibleAlone.contains(layout) { plausible[layout.index] += 1 }
            if let swapped = layout.swapped, !evidence.layouts.contains(swapped), decidingExample[layout.index] == nil {
                decidingExample[layout.index] = value
            }
        }
        if evidence.layouts.bits & ~Self.numericBits != 0 { writtenDates += 1 }
        if evidence.excelFraction { excelFractions += 1 }
        if let clock = evidence.clock {
            withTime += 1
            if clock == .twelveHour { twelveHour += 1 }
        }
    }

    private static let numericBits: UInt16 = DateLayout.allCases.filter(\.isNumeric).reduce(0) { $0 | $1.bit }

    /// The column's format when at least `threshold` of the `examined` values fit it, with how it was decided.
    func decide(examined: Int, threshold: Double, header: HeaderMeaning, locale: ExportLocale?)
        -> (decision: TimestampDecision, matched: Int)?
    {
        guard examined > 0 else { return nil }
        let namesTime = header.namesTime
        // A header that names a number's meaning (`Score`, `Employees`, `Phone`) keeps bare numbers numbers.
        let numbersMayBeDates = header.headerMeaning == nil && !header.namesPhone
        var best: (layout: DateLayout, count: Int, alone: Bool)?
        for layout in DateLayout.allCases {
            var count = fits[layout.index]
            var alone = false
            if layout.isNumeric && !namesTime {
                guard numbersMayBeDates, layout != .excelSerial || excelFractions > 0 else { continue }
                count = plausible[layout.index]
                alone = true
            }
            guard Double(count) / Double(examined) >= threshold else { continue }
            // Ties keep the earlier layout: month-first before day-first, as Allegory documents.
            if count > best?.count ?? 0 { best = (layout, count, alone) }
        }
        guard let best else { return nil }
        let share = min(1, Double(best.count) / Double(examined))
        let clock =
            best.layout.isNumeric || withTime == 0
            ? nil : twelveHour * 2 > withTime ? ClockNotation.twelveHour : .twentyFourHour
        let format =
            TimestampFormat(layout: best.layout, clock: clock) ?? TimestampFormat(
                layout: best.layout, clock: .twentyFourHour)!

        if best.alone {
            let reason =
                "no header word names a date or time, so these numbers are read as \(format.rawValue) on their range alone; "
                + "check that they are not amounts, counts or identifiers"
            return (
                TimestampDecision(
                    format: format, candidates: [format], isAmbiguous: false, restsOnValuesAlone: true,
                    confidence: min(share, Self.openConfidence), reason: reason), best.count
            )
        }
        guard let swappedLayout = best.layout.swapped,
            let swapped = TimestampFormat(layout: swappedLayout, clock: clock)
        else {
            let why =
                namesTime && best.layout.isNumeric
                ? "the header \"\(header.header)\" names a time" : Self.onlyFit
            return (
                TimestampDecision(
                    format: format, candidates: [format], isAmbiguous: false, restsOnValuesAlone: false,
                    confidence: share, reason: why), best.count
            )
        }
        let swappedCount = fits[swappedLayout.index]
        if best.count > swappedCount, let example = decidingExample[best.layout.index] {
            let part = best.layout.dayFirst == true ? "first" : "second"
            let reason = "\"\(example)\" has a \(part) part above 12: the day comes \(part)"
            return (
                TimestampDecision(
                    format: format, candidates: [format], isAmbiguous: false, restsOnValuesAlone: false,
                    confidence: share, reason: reason), best.count
            )
        }
        // Every value fits both orders: a locale may settle it; otherwise a person must.
        let both = "every value fits both \(format.rawValue) and \(swapped.rawValue) (no day above 12)"
        if let dayFirst = locale?.dayFirst, let identifier = locale?.identifier {
            let chosen = (best.layout.dayFirst == dayFirst) ? format : swapped
            let other = chosen == format ? swapped : format
            return (
                TimestampDecision(
                    format: chosen, candidates: [chosen, other], isAmbiguous: false, restsOnValuesAlone: false,
                    confidence: share,
                    reason: "\(both); the export's locale \(identifier) writes the \(dayFirst ? "day" : "month") first"),
                best.count
            )
        }
        return (
            TimestampDecision(
                format: format, candidates: [format, swapped], isAmbiguous: true, restsOnValuesAlone: false,
                confidence: min(share, Self.openConfidence),
                reason:
                    "\(both); read as \(format.rawValue), Allegory's documented order, until a person or the export's locale says otherwise"
            ),
            best.count
        )
    }
}
