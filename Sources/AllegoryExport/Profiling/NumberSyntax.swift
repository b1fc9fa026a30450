/// A number as written, read in one decimal convention: where its digits are and what surrounds them. The profile
/// reads each value in both conventions to decide a column's; the transforms read amounts and numbers in the
/// decided one from the same positions, so the two never disagree on what a value says.
package struct NumberForm: Sendable, Equatable {
    package var negative = false
    /// The digits with their group separators and decimal mark, between any sign, currency and `%`.
    package var body: Range<Int> = 0..<0
    /// The position of the decimal mark in the bytes, nil for a whole number.
    package var decimalMark: Int?
    package var wholeDigits = 0
    package var fractionDigits = 0
    /// Thousands were grouped (`1,234`, `1 234`, `1'234`).
    package var grouped = false
    /// A currency symbol or code was written before or after (`$`, `€`, `EUR`).
    package var currency = false
    /// A `%` followed the number.
    package var percent = false
    /// The whole part starts with a zero and has more digits (`007`): the mark of an identifier.
    package var leadingZero = false
}

/// Why a value is no number in a convention, in words for a rejection.
package enum NumberSyntaxError: Error, Equatable {
    case noDigits
    case exponent
    case twoSigns
    case twoMarks
    /// A separator that does not group thousands (`1,23` with a decimal point, `12.34,5`).
    case grouping
    case unexpected

    package var words: String {
        switch self {
        case .noDigits: "no digits"
        case .exponent: "exponents are not accepted; write the digits"
        case .twoSigns: "two negative signs"
        case .twoMarks: "two decimal marks"
        case .grouping: "a separator that does not group thousands"
        case .unexpected: "an unexpected character"
        }
    }
}

/// Reads `-1,234.56`, `(12.00)`, `12.00-`, `1.234,56 €`, `CHF 1'234.50`, `1 234,5`, `12 %` in one convention.
///
/// Accepted: a sign before (`-`, `+`, `−`) or a minus after, or accounting brackets; a currency symbol or an
/// upper-case three-letter code before or after, or a `%` after; thousands grouped in threes by the convention's
/// group mark, a space (also no-break and narrow no-break), or an apostrophe, one kind throughout; a fraction after
/// the convention's mark. Refused: exponents, several signs or marks, groups that are not threes.
package enum NumberSyntax {
    package static func read(_ b: UnsafeBufferPointer<UInt8>, _ convention: DecimalConvention)
        -> Result<NumberForm, NumberSyntaxError>
    {
        var form = NumberForm()
        // Most text starts with a lower-case letter, which no number does: refused before any further look.
        if let first = b.first, first >= 0x61, first <= 0x7A { return .failure(.unexpected) }
        var low = skipSpaces(b, 0, b.count)
        var high = skipSpacesBack(b, low, b.count)
        if high - low >= 2, b[low] == UInt8(ascii: "("), b[high - 1] == UInt8(ascii: ")") {
            form.negative = true
            low = skipSpaces(b, low + 1, high - 1)
            high = skipSpacesBack(b, low, high - 1)
        }
        if high > low, b[high - 1] == UInt8(ascii: "-"), high - low >= 2 {
            guard !form.negative else { return .failure(.twoSigns) }
            form.negative = true
            high = skipSpacesBack(b, low, high - 1)
        }
        if !readSign(b, &low, high, &form) { return .failure(.twoSigns) }
        if let length = currencyPrefix(b, low, high) {
            form.currency = true
            low = skipSpaces(b, low + length, high)
            if !readSign(b, &low, high, &form) { return .failure(.twoSigns) }
        }
        if high > low, b[high - 1] == UInt8(ascii: "%") {
            form.percent = true
            high = skipSpacesBack(b, low, high - 1)
        } else if !form.currency, let length = currencySuffix(b, low, high) {
            form.currency = true
            high = skipSpacesBack(b, low, high - length)
        }
        form.body = low..<high
        return readBody(b, convention, &form).map { form }
    }

    /// Digits, group separators and the decimal mark, from `form.body`.
    private static func readBody(
        _ b: UnsafeBufferPointer<UInt8>, _ convention: DecimalConvention, _ form: inout NumberForm
    )
        -> Result<Void, NumberSyntaxError>
    {
        var index = form.body.lowerBound
        let end = form.body.upperBound
        var separator: UInt8 = 0  // the first byte of the group separator in use, 0 before any
        var groupLength = -1  // digits since the last group separator; -1 before the first
        var firstDigit: UInt8 = 0
        while index < end {
            let byte = b[index]
            if byte.isASCIIDigit {
                if form.decimalMark != nil {
                    form.fractionDigits += 1
                } else {
                    if form.wholeDigits == 0 { firstDigit = byte }
                    form.wholeDigits += 1
                    if groupLength >= 0 { groupLength += 1 }
                }
                index += 1
            } else if byte == convention.mark {
                guard form.decimalMark == nil else { return .failure(.twoMarks) }
                guard groupLength == -1 || groupLength == 3 else { return .failure(.grouping) }
                form.decimalMark = index
                index += 1
            } else if let length = groupSeparator(b, index, end, convention) {
                guard form.decimalMark == nil, form.wholeDigits > 0, groupLength == -1 || groupLength == 3,
                    groupLength >= 0 || (form.wholeDigits <= 3 && firstDigit != UInt8(ascii: "0")),
                    separator == 0 || separator == byte
                else { return .failure(.grouping) }
                separator = byte
                groupLength = 0
                form.grouped = true
                index += length
            } else if byte | 0x20 == UInt8(ascii: "e") {
                return .failure(.exponent)
            } else {
                return .failure(.unexpected)
            }
        }
        guard form.wholeDigits + form.fractionDigits > 0 else { return .failure(.noDigits) }
        guard groupLength == -1 || groupLength == 3 || form.decimalMark != nil else { return .failure(.grouping) }
        form.leadingZero = firstDigit == UInt8(ascii: "0") && form.wholeDigits > 1 && !form.grouped
        return .success(())
    }

    /// A `-`, `+` or `−` (U+2212) at `low`; false when it would be a second negative sign.
    private static func readSign(
        _ b: UnsafeBufferPointer<UInt8>, _ low: inout Int, _ high: Int, _ form: inout NumberForm
    )
        -> Bool
    {
        guard low < high else { return true }
        var length = 0
        var negative = false
        if b[low] == UInt8(ascii: "-") {
            (length, negative) = (1, true)
        } else if b[low] == UInt8(ascii: "+") {
            length = 1
        } else if high - low >= 3, b[low] == 0xE2, b[low + 1] == 0x88, b[low + 2] == 0x92 {
            (length, negative) = (3, true)
        }
        guard length > 0 else { return true }
        if negative {
            if form.negative { return false }
            form.negative = true
        }
        low = skipSpaces(b, low + length, high)
        return true
    }

    /// The length of a group separator at `index`: the convention's group mark, an apostrophe (`'`, `’`), or a
    /// space (plain, no-break U+00A0, narrow no-break U+202F, thin U+2009) followed by a digit.
    private static func groupSeparator(
        _ b: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int, _ convention: DecimalConvention
    )
        -> Int?
    {
        let byte = b[index]
        if byte == convention.groupMark || byte == UInt8(ascii: "'") { return 1 }
        if byte == UInt8(ascii: " ") { return 1 }
        if byte == 0xC2, index + 1 < end, b[index + 1] == 0xA0 { return 2 }
        if byte == 0xE2, index + 2 < end {
            let (second, third) = (b[index + 1], b[index + 2])
            if second == 0x80, third == 0xAF || third == 0x89 || third == 0x99 { return 3 }
        }
        return nil
    }

    /// Currency symbols, longest first so that `US$` is not read as `$`.
    private static let symbols: [[UInt8]] = [
        "US$", "CA$", "AU$", "NZ$", "HK$", "R$", "C$", "A$", "S$", "$", "€", "£", "¥", "₹", "₽", "₩", "₺", "₪", "₫",
        "₴",
        "₦", "₱", "฿", "zł", "kr", "Kč", "Fr.",
    ].map { Array($0.utf8) }.sorted { $0.count > $1.count }

    private static func currencyPrefix(_ b: UnsafeBufferPointer<UInt8>, _ low: Int, _ high: Int) -> Int? {
        // Most values start with their digits: no symbol starts with one.
        guard low < high, !b[low].isASCIIDigit, b[low] != UInt8(ascii: "."), b[low] != UInt8(ascii: ",") else {
            return nil
        }
        // A code stands apart (`EUR 12`): `INV001` is an identifier, not 1 in a currency `INV`.
        if high - low >= 5, isCode(b, low), spaceLength(b, low + 3, high) != nil { return 3 }
        return symbol(b, at: low, high - low)
    }

    private static func currencySuffix(_ b: UnsafeBufferPointer<UInt8>, _ low: Int, _ high: Int) -> Int? {
        guard low < high, !b[high - 1].isASCIIDigit else { return nil }
        // A space, or the last byte of a no-break (C2 A0) or narrow no-break (E2 80 AF) one, before the code.
        let before = high - low >= 5 ? b[high - 4] : 0
        if before == UInt8(ascii: " ") || before == 0xA0 || before == 0xAF, isCode(b, high - 3) { return 3 }
        for symbol in symbols where symbol.count < high - low && matches(b, high - symbol.count, symbol) {
            return symbol.count
        }
        return nil
    }

    /// The length of the symbol at `index`, when one is there and something follows it.
    private static func symbol(_ b: UnsafeBufferPointer<UInt8>, at index: Int, _ available: Int) -> Int? {
        for symbol in symbols where symbol.count < available && matches(b, index, symbol) { return symbol.count }
        return nil
    }

    private static func matches(_ b: UnsafeBufferPointer<UInt8>, _ index: Int, _ symbol: [UInt8]) -> Bool {
        guard b[index] == symbol[0] else { return false }
        var offset = 1
        while offset < symbol.count {
            if b[index + offset] != symbol[offset] { return false }
            offset += 1
        }
        return true
    }

    /// Three upper-case ASCII letters: an ISO 4217 code.
    private static func isCode(_ b: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        b[index] >= 0x41 && b[index] <= 0x5A && b[index + 1] >= 0x41 && b[index + 1] <= 0x5A && b[index + 2] >= 0x41
            && b[index + 2] <= 0x5A
    }

    /// Past spaces (plain, no-break, narrow no-break, thin) from `index`.
    private static func skipSpaces(_ b: UnsafeBufferPointer<UInt8>, _ index: Int, _ high: Int) -> Int {
        var index = index
        while index < high, let length = spaceLength(b, index, high) { index += length }
        return index
    }

    private static func skipSpacesBack(_ b: UnsafeBufferPointer<UInt8>, _ low: Int, _ high: Int) -> Int {
        var high = high
        while high > low {
            if b[high - 1] == UInt8(ascii: " ") {
                high -= 1
            } else if high - low >= 2, b[high - 2] == 0xC2, b[high - 1] == 0xA0 {
                high -= 2
            } else if high - low >= 3, b[high - 3] == 0xE2, b[high - 2] == 0x80,
                b[high - 1] == 0xAF || b[high - 1] == 0x89
            {
                high -= 3
            } else {
                break
            }
        }
        return high
    }

    private static func spaceLength(_ b: UnsafeBufferPointer<UInt8>, _ index: Int, _ high: Int) -> Int? {
        if b[index] == UInt8(ascii: " ") { return 1 }
        if b[index] == 0xC2, index + 1 < high, b[index + 1] == 0xA0 { return 2 }
        if b[index] == 0xE2, index + 2 < high, b[index + 1] == 0x80, b[index + 2] == 0xAF || b[index + 2] == 0x89 {
            return 3
        }
        return nil
    }
}
