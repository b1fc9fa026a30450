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
