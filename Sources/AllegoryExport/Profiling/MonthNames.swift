/// Month names as exports write them in English, German and French, full or abbreviated (`Jun`, `June`, `Juni`,
/// `juin`, `Sept`, `Mrz`, `févr`), compared without regard to case.
enum MonthNames {
    /// Each name lower-cased, with its month. A trailing `.` of an abbreviation is skipped by the reader.
    private static let names: [(name: [UInt8], month: Int)] = {
        let table: [(String, Int)] = [
            ("jan", 1), ("january", 1), ("januar", 1), ("jän", 1), ("jänner", 1), ("janv", 1), ("janvier", 1),
            ("feb", 2), ("february", 2), ("februar", 2), ("févr", 2), ("fevr", 2), ("février", 2), ("fevrier", 2),
            ("mar", 3), ("march", 3), ("mär", 3), ("mrz", 3), ("märz", 3), ("mars", 3),
            ("apr", 4), ("april", 4), ("avr", 4), ("avril", 4),
            ("may", 5), ("mai", 5),
            ("jun", 6), ("june", 6), ("juni", 6), ("juin", 6),
            ("jul", 7), ("july", 7), ("juli", 7), ("juil", 7), ("juillet", 7),
            ("aug", 8), ("august", 8), ("août", 8), ("aout", 8),
            ("sep", 9), ("sept", 9), ("september", 9), ("septembre", 9),
            ("oct", 10), ("october", 10), ("okt", 10), ("oktober", 10), ("octobre", 10),
            ("nov", 11), ("november", 11), ("novembre", 11),
            ("dec", 12), ("december", 12), ("dez", 12), ("dezember", 12), ("déc", 12), ("décembre", 12),
            ("decembre", 12),
        ]
        return table.map { (Array($0.0.utf8), $0.1) }
    }()

    /// The longest name in bytes: a longer run of letters is no month.
    private static let longest = names.map(\.name.count).max() ?? 0

    /// The month named by `bytes[range]`, or nil.
    static func month(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard range.count >= 3, range.count <= longest else { return nil }
        for entry in names where entry.name.count == range.count {
            var equal = true
            for (offset, index) in range.enumerated() where lowercased(bytes[index]) != entry.name[offset] {
                equal = false
                break
            }
            if equal { return entry.month }
        }
        return nil
    }

    /// ASCII letters and the Latin-1 capitals' second UTF-8 byte (`Ä` is C3 84, `ä` C3 A4) lower-cased.
    private static func lowercased(_ byte: UInt8) -> UInt8 {
        if byte >= 0x41 && byte <= 0x5A { return byte | 0x20 }
        if byte >= 0x80 && byte <= 0x9E { return byte + 0x20 }
        return byte
    }

    /// Whether a byte may be part of a month name: an ASCII letter or a byte of a non-ASCII letter.
    static func isNameByte(_ byte: UInt8) -> Bool { byte.isASCIILetter || byte >= 0x80 }
}
