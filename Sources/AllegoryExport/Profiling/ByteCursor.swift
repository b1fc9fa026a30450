/// A position in a value's bytes, with the few steps the date layouts are made of.
struct ByteCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var atEnd: Bool { index >= bytes.count }

    mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    mutating func digit() -> Int? {
        guard index < bytes.count, bytes[index].isASCIIDigit else { return nil }
        index += 1
        return Int(bytes[index - 1] - 0x30)
    }

    /// A run of digits whose length is in `width`, as a number; the cursor does not move when there is none.
    mutating func number(_ width: ClosedRange<Int>) -> Int? {
        let start = index
        var value = 0
        while index - start < width.upperBound, let digit = digit() { value = value * 10 + digit }
        guard index - start >= width.lowerBound, index >= bytes.count || !bytes[index].isASCIIDigit else {
            index = start
            return nil
        }
        return value
    }

    /// Exactly `count` digits, whatever follows them.
    mutating func fixed(_ count: Int) -> Int? {
        guard bytes.count - index >= count else { return nil }
        var value = 0
        for _ in 0..<count {
            guard let digit = digit() else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    /// Fraction digits as milliseconds' worth (at most three kept) and how many were written.
    mutating func fraction() -> (Int, Int)? {
        let start = index
        var value = 0
        while let digit = digit() {
            if index - start <= 3 { value = value * 10 + digit }
        }
        return index > start ? (value, index - start) : nil
    }

    /// One or more spaces; false when there is none.
    mutating func skipSpaces() -> Bool {
        let start = index
        while take(UInt8(ascii: " ")) {}
        return index > start
    }

    /// What stands between the parts of a written date with a month name: spaces, a `-` or a `/`.
    mutating func skipSeparators() -> Bool {
        let start = index
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "-") {
            index += 1
        }
        return index > start
    }

    /// A month name, with the `.` of an abbreviation. In every layout a number follows it (`Jun 30`, `Jun 2026`):
    /// that is checked before the name is looked up, so that text is refused without a look-up.
    mutating func monthName() -> Int? {
        let start = index
        while index < bytes.count, MonthNames.isNameByte(bytes[index]) { index += 1 }
        let end = index
        var next = end
        if next < bytes.count, bytes[next] == UInt8(ascii: ".") { next += 1 }
        while next < bytes.count, bytes[next] == UInt8(ascii: " ") || bytes[next] == UInt8(ascii: "-") { next += 1 }
        guard next > end, next < bytes.count, bytes[next].isASCIIDigit, let month = MonthNames.month(bytes, start..<end)
        else {
            index = start
            return nil
        }
        _ = take(UInt8(ascii: "."))
        return month
    }

    /// `AM`/`PM` (`am`, `a.m.`) as the hours to add: 0 or 12.
    mutating func meridiem() -> Int? {
        guard index < bytes.count else { return nil }
        let start = index
        let letter = bytes[index] | 0x20
        guard letter == UInt8(ascii: "a") || letter == UInt8(ascii: "p") else { return nil }
        index += 1
        _ = take(UInt8(ascii: "."))
        guard index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "m") else {
            index = start
            return nil
        }
        index += 1
        _ = take(UInt8(ascii: "."))
        return letter == UInt8(ascii: "p") ? 12 : 0
    }

    /// `Z`, `UTC`, `±hh`, `±hhmm` or `±hh:mm` to the end, in seconds east of UTC.
    mutating func offset() -> Int? {
        _ = skipSpaces()
        if take(UInt8(ascii: "Z")) { return atEnd ? 0 : nil }
        if take(UInt8(ascii: "U")), take(UInt8(ascii: "T")), take(UInt8(ascii: "C")) { return atEnd ? 0 : nil }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") else {
            return nil
        }
        let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
        index += 1
        guard let hours = number(2...2), hours <= 14 else { return nil }
        var minutes = 0
        if !atEnd {
            _ = take(UInt8(ascii: ":"))
            guard let value = number(2...2), value < 60 else { return nil }
            minutes = value
        }
        return atEnd ? sign * (hours * 3600 + minutes * 60) : nil
    }
}
