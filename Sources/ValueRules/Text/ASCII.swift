/// Byte-level text helpers: the rules run once per value of millions of records, and what they check are ASCII
/// rules, so they avoid Unicode-aware `Character` work where bytes say the same.
enum ASCII {
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    /// `value` without leading and trailing ASCII whitespace and no-break spaces (which spreadsheets paste).
    static func trimmed(_ value: String) -> String {
        let utf8 = value.utf8
        guard let first = utf8.first, let last = utf8.last,
            isSpace(first) || isSpace(last) || first == 0xC2 || last == 0xA0
        else { return value }
        var start = value.startIndex
        var end = value.endIndex
        func isTrimmed(_ character: Character) -> Bool {
            character == " " || character == "\t" || character == "\n" || character == "\r" || character == "\r\n"
                || character == "\u{00A0}"
        }
        while start < end, isTrimmed(value[start]) { start = value.index(after: start) }
        while end > start, isTrimmed(value[value.index(before: end)]) { end = value.index(before: end) }
        return String(value[start..<end])
    }

    /// Where `needle` first occurs in `value`, byte for byte; for ASCII text, what Foundation's `range(of:)` finds.
    static func range(of needle: String, in value: String) -> Range<String.Index>? {
        var haystack = value
        var pattern = needle
        let offset: Int? = haystack.withUTF8 { text in
            pattern.withUTF8 { wanted in
                guard !wanted.isEmpty, text.count >= wanted.count else { return nil }
                var start = 0
                search: while start <= text.count - wanted.count {
                    for index in 0..<wanted.count where text[start + index] != wanted[index] {
                        start += 1
                        continue search
                    }
                    return start
                }
                return nil
            }
        }
        guard let offset else { return nil }
        let lower = value.utf8.index(value.utf8.startIndex, offsetBy: offset)
        return lower..<value.utf8.index(lower, offsetBy: needle.utf8.count)
    }

    /// ASCII lower-casing, leaving other bytes alone (emails and hosts are compared this way by Twenty's lookups).
    static func lowercased(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return value }
        return String(decoding: value.utf8.map(lowercased), as: UTF8.self)
    }

    static func lowercased<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> [UInt8] { bytes.map(lowercased) }

    static func lowercased(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
}
