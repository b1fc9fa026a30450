/// The ways an export writes dates and times, detected per column from its values.
public enum TimestampFormat: String, Sendable, Codable, CaseIterable {
    /// `2026-06-30T09:15:00Z`, with or without fractional seconds, `Z` or an offset, or a space for the `T`.
    case iso8601DateTime = "ISO 8601 date-time"
    /// `2026-06-30`
    case isoDate = "YYYY-MM-DD"
    /// `06/30/2026`
    case usDate = "MM/DD/YYYY"
    /// `30/06/2026`
    case dayFirstDate = "DD/MM/YYYY"
    /// `06/30/2026 09:15 AM`
    case usDateTime = "MM/DD/YYYY hh:mm AM"
    /// `46203.385417`: days since 1899-12-30, the time of day as the fraction, as spreadsheets store dates.
    case excelSerial = "Excel serial"

    public var hasTime: Bool {
        switch self {
        case .iso8601DateTime, .usDateTime, .excelSerial: return true
        case .isoDate, .usDate, .dayFirstDate: return false
        }
    }

    /// The formats `value` could be written in (a slashed date with both parts at most 12 fits both orders).
    static func candidates(_ value: String) -> [TimestampFormat] {
        let bytes = Array(value.utf8)
        var result: [TimestampFormat] = []
        if let (first, second, _) = slashedDate(bytes[...]) {
            if bytes.count == 10 {
                if (1...12).contains(first) && (1...31).contains(second) { result.append(.usDate) }
                if (1...31).contains(first) && (1...12).contains(second) { result.append(.dayFirstDate) }
            } else if bytes.count >= 16, isUSTime(bytes[11...]), (1...12).contains(first), (1...31).contains(second) {
                result.append(.usDateTime)
            }
            return result
        }
        if bytes.count >= 10, isISODate(bytes[0..<10]) {
            if bytes.count == 10 { return [.isoDate] }
            if bytes.count >= 16, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "), isISOTime(bytes[11...]) {
                return [.iso8601DateTime]
            }
            return []
        }
        if isExcelSerial(bytes) { return [.excelSerial] }
        return []
    }

    private static func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
        return bytes.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }

    /// `NN/NN/YYYY` at the start: the two first parts and the year.
    private static func slashedDate(_ bytes: ArraySlice<UInt8>) -> (Int, Int, Int)? {
        let start = bytes.startIndex
        guard bytes.count >= 10, bytes[start + 2] == UInt8(ascii: "/"), bytes[start + 5] == UInt8(ascii: "/"),
            let a = digits(bytes[start..<(start + 2)]), let b = digits(bytes[(start + 3)..<(start + 5)]),
            let year = digits(bytes[(start + 6)..<(start + 10)]), (1800...2200).contains(year)
        else { return nil }
        return (a, b, year)
    }

    private static func isISODate(_ bytes: ArraySlice<UInt8>) -> Bool {
        let s = bytes.startIndex
        guard bytes[s + 4] == UInt8(ascii: "-"), bytes[s + 7] == UInt8(ascii: "-"),
            let year = digits(bytes[s..<(s + 4)]), let month = digits(bytes[(s + 5)..<(s + 7)]),
            let day = digits(bytes[(s + 8)..<(s + 10)])
        else { return false }
        return (1800...2200).contains(year) && (1...12).contains(month) && (1...31).contains(day)
    }

    /// `hh:mm[:ss[.fff]][Z|±hh:mm]`
    private static func isISOTime(_ bytes: ArraySlice<UInt8>) -> Bool {
        let s = bytes.startIndex
        guard bytes.count >= 5, bytes[s + 2] == UInt8(ascii: ":"), let hour = digits(bytes[s..<(s + 2)]),
            let minute = digits(bytes[(s + 3)..<(s + 5)]), hour < 24, minute < 60
        else { return false }
        let rest = bytes[(s + 5)...]
        return rest.allSatisfy {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".")
                || $0 == UInt8(ascii: "Z") || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-")
        }
    }

    /// `hh:mm AM` / `h:mm pm`
    private static func isUSTime(_ bytes: ArraySlice<UInt8>) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self).uppercased()
        guard text.hasSuffix(" AM") || text.hasSuffix(" PM") else { return false }
        let parts = text.dropLast(3).split(separator: ":")
        guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]) else { return false }
        return (1...12).contains(hour) && (0...59).contains(minute)
    }

    /// A day count between 1950 and 2100 with an optional fraction.
    private static func isExcelSerial(_ bytes: [UInt8]) -> Bool {
        let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let days = digits(parts[0]), (18_264...73_051).contains(days) else { return false }
        return parts.count == 1 || digits(parts[1]) != nil
    }
}
