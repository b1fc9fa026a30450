/// Byte-level helpers shared by the transforms: they run once per value of millions of records, so they avoid
/// Foundation's Unicode-aware string machinery where ASCII rules are what is checked.
enum Text {
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    /// `value` without leading and trailing ASCII whitespace (and the no-break spaces spreadsheets paste).
    static func trimmed(_ value: String) -> String {
        let utf8 = value.utf8
        // A no-break space (C2 A0) at either end is the only non-ASCII case to trim.
        guard let first = utf8.first, let last = utf8.last,
            isSpace(first) || isSpace(last) || first == 0xC2 || last == 0xA0
        else { return value }
        return String(
            value.trimmingCharacters(where: {
                $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "\u{00A0}"
            }))
    }

    /// ASCII lower-casing, leaving other bytes alone (emails and hosts are compared this way by Twenty's lookups).
    static func asciiLowercased(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return value }
        return String(decoding: value.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// The value quoted for a message, cut short when long.
    static func quoted(_ value: String) -> String {
        value.count > 60 ? "\"\(value.prefix(57))...\"" : "\"\(value)\""
    }
}

extension String {
    fileprivate func trimmingCharacters(where isTrimmed: (Character) -> Bool) -> Substring {
        var start = startIndex
        var end = endIndex
        while start < end, isTrimmed(self[start]) { start = index(after: start) }
        while end > start, isTrimmed(self[index(before: end)]) { end = index(before: end) }
        return self[start..<end]
    }
}
