/// What one value says about the date format of its column: the layouts it reads in, and its clock.
struct TimestampEvidence {
    /// Layouts the value reads in; a bare number only in the range a header naming a time makes sense of.
    var layouts = DateLayoutSet()
    /// Bare numbers in the range that makes sense without such a header (recent decades, as CRM records are).
    var plausibleAlone = DateLayoutSet()
    var clock: ClockNotation?
    /// An Excel serial with a fraction: a time of day, which counts and amounts rarely look like.
    var excelFraction = false

    /// Excel serials a date header makes sense of: 1900-01-01 to 2119.
    static let excelRange = 1...80_000
    /// Excel serials of 1970-01-01 to 2039-12-31, for a column with no header naming a time.
    static let excelAloneRange = 25_569...51_136
    /// Unix seconds of 2001-09-09 (the first ten-digit second) to 2100-01-01.
    static let unixRange = 1_000_000_000...4_102_444_800
    /// Unix seconds of 2001-09-09 to 2039-12-31.
    static let unixAloneRange = 1_000_000_000...2_208_988_799

    /// Looks only at the layouts the value's first bytes allow, so that most values are read once or not at all.
    init(_ b: UnsafeBufferPointer<UInt8>) {
        guard let first = b.first else { return }
        if first.isASCIIDigit {
            var digits = 0
            while digits < b.count, b[digits].isASCIIDigit { digits += 1 }
            let next = digits < b.count ? b[digits] : 0
            switch (digits, next) {
            case (4, UInt8(ascii: "-")): attempt(.iso, b)
            case (4, UInt8(ascii: "/")): attempt(.yearSlashMonthDay, b)
            case (1...2, UInt8(ascii: "/")):
                attempt(.monthSlashDay, b)
                attempt(.daySlashMonth, b)
            case (1...2, UInt8(ascii: "-")):
                attempt(.monthDashDay, b)
                attempt(.dayDashMonth, b)
                attempt(.dayMonthName, b)
            case (1...2, UInt8(ascii: ".")):
                attempt(.dayDotMonth, b)
                attempt(.dayMonthName, b)
            case (1...2, UInt8(ascii: " ")): attempt(.dayMonthName, b)
            case (8, 0): tryNumeric(.compact, b, plausible: true)
            case (10, 0): tryUnix(.unixSeconds, b, digits: digits, scale: 1)
            case (13, 0): tryUnix(.unixMilliseconds, b, digits: digits, scale: 1000)
            case (1...5, 0), (1...5, UInt8(ascii: ".")), (1...5, UInt8(ascii: ",")): tryExcel(b, digits: digits)
            default: break
            }
        } else if first.isASCIILetter {
            attempt(.monthNameDay, b)
        }
    }

    private mutating func attempt(_ layout: DateLayout, _ b: UnsafeBufferPointer<UInt8>) {
        guard case .success(let reading) = layout.read(b) else { return }
        layouts.insert(layout)
        clock = reading.clock
    }

    private mutating func tryNumeric(_ layout: DateLayout, _ b: UnsafeBufferPointer<UInt8>, plausible: Bool) {
        guard case .success = layout.read(b) else { return }
        layouts.insert(layout)
        if plausible { plausibleAlone.insert(layout) }
    }

    private mutating func tryUnix(_ layout: DateLayout, _ b: UnsafeBufferPointer<UInt8>, digits: Int, scale: Int) {
        var count = 0
        for index in 0..<digits { count = count * 10 + Int(b[index] - 0x30) }
        let seconds = count / scale
        guard Self.unixRange.contains(seconds) else { return }
        tryNumeric(layout, b, plausible: Self.unixAloneRange.contains(seconds))
    }

    private mutating func tryExcel(_ b: UnsafeBufferPointer<UInt8>, digits: Int) {
        var serial = 0
        for index in 0..<digits { serial = serial * 10 + Int(b[index] - 0x30) }
        guard Self.excelRange.contains(serial) else { return }
        tryNumeric(.excelSerial, b, plausible: Self.excelAloneRange.contains(serial))
        excelFraction = digits < b.count && layouts.contains(.excelSerial)
    }
}

extension DateLayout {
    /// The layouts a value reads in on its own, for a transform whose column records no format (or a value written
    /// otherwise than its column): bare numbers only in the range that makes sense without a header.
    package static func layouts(of bytes: UnsafeBufferPointer<UInt8>) -> [DateLayout] {
        let evidence = TimestampEvidence(bytes)
        return allCases.filter {
            evidence.layouts.contains($0) && (!$0.isNumeric || evidence.plausibleAlone.contains($0))
        }
    }
}

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
