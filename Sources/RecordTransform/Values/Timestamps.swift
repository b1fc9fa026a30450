import AllegoryExport
import Foundation

/// Dates and datetimes in the format detected for their column (`TimestampFormat`), read in the map's time zone,
/// written as Twenty wants them: DATE `YYYY-MM-DD`, DATE_TIME an ISO 8601 instant in UTC with milliseconds
/// (`2024-03-10T07:30:00.000Z`, what Twenty itself returns, so reconciliation compares equal strings).
///
/// Decisions:
/// - A local time that does not exist (skipped by a DST change, `03/10/2024 02:30 AM` in New York) is read with
///   the offset in force before the change, i.e. moved forward by the gap (03:30 EDT), as java.time and
///   PostgreSQL do; the record is not lost over a clock change. A repeated local time (the hour after a fall-back)
///   is the first of the two instants.
/// - Excel serials count days from 1899-12-30 with the time as the fraction, in the map's time zone. Serial 60 is
///   Excel's 1900-02-29, a day that never existed (the Lotus 1-2-3 leap-year bug): refused. Serials 1 to 59 are one
///   day later than the 1899-12-30 epoch gives, since Excel counts that false day after them.
/// - Two-digit years (`03/04/24`) are refused: the century is a guess. A slashed date with no recorded format
///   whose parts fit both orders (`03/04/2024`) is refused as ambiguous.
/// - Impossible dates (`02/30/2024`, `2023-02-29`, month 13) and times (`25:00`) are refused.
public struct Timestamps: Sendable {
    public let timeZone: TimeZone

    public init(timeZone: TimeZone) { self.timeZone = timeZone }

    /// A value read in a format: its calendar date and time of day, and the UTC offset when the value states one.
    struct Reading {
        var date: CivilDate
        var secondOfDay = 0
        var millisecond = 0
        var offsetSeconds: Int?
    }

    public func date(_ raw: String, format: TimestampFormat?) -> Result<String, ValueRejection> {
        read(raw, format: format).map { reading in
            guard let offset = reading.offsetSeconds else { return reading.date.iso }
            // An instant with a stated offset is a day in the map's time zone, where people read it.
            let utc = (reading.date.daysSinceEpoch * 86_400 + reading.secondOfDay - offset)
            let local = utc + timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(utc)))
            return CivilDate(daysSinceEpoch: Int((Double(local) / 86_400).rounded(.down))).iso
        }
    }

    public func dateTime(_ raw: String, format: TimestampFormat?) -> Result<String, ValueRejection> {
        read(raw, format: format).map { reading in
            let local = reading.date.daysSinceEpoch * 86_400 + reading.secondOfDay
            let utc = reading.offsetSeconds.map { local - $0 } ?? instant(ofLocal: local)
            return Self.iso(utcSeconds: utc, millisecond: reading.millisecond)
        }
    }

    /// The UTC second of a local wall-clock second in the map's time zone (see the DST decisions above).
    func instant(ofLocal local: Int) -> Int {
        func offset(at utc: Int) -> Int { timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(utc))) }
        let before = offset(at: local - 86_400)
        let after = offset(at: local + 86_400)
        // Each offset around the moment is tried; it is right when it is the offset in force at the instant it gives.
        let valid = [before, after].map { local - $0 }.filter { offset(at: $0) == local - $0 }
        if let first = valid.min() { return first }
        return local - before
    }

    static func iso(utcSeconds: Int, millisecond: Int) -> String {
        let days = Int((Double(utcSeconds) / 86_400).rounded(.down))
        let second = utcSeconds - days * 86_400
        let date = CivilDate(daysSinceEpoch: days)
        // Written byte by byte: string concatenation was most of a datetime's cost. Years outside 0...9999 and
        // negative milliseconds keep the general form.
        guard (0...9999).contains(date.year), (0...999).contains(millisecond) else {
            return date.iso + "T" + CivilDate.pad(second / 3600, 2) + ":" + CivilDate.pad(second / 60 % 60, 2) + ":"
                + CivilDate.pad(second % 60, 2) + "." + CivilDate.pad(millisecond, 3) + "Z"
        }
        return String(unsafeUninitializedCapacity: 24) { out in
            var index = 0
            func put(_ value: Int, _ width: Int) {
                var divisor = 1
                for _ in 1..<width { divisor *= 10 }
                while divisor > 0 {
                    out[index] = UInt8(ascii: "0") + UInt8(value / divisor % 10)
                    index += 1
                    divisor /= 10
                }
            }
            func put(_ byte: UInt8) {
                out[index] = byte
                index += 1
            }
            put(date.year, 4)
            put(UInt8(ascii: "-"))
            put(date.month, 2)
            put(UInt8(ascii: "-"))
            put(date.day, 2)
            put(UInt8(ascii: "T"))
            put(second / 3600, 2)
            put(UInt8(ascii: ":"))
            put(second / 60 % 60, 2)
            put(UInt8(ascii: ":"))
            put(second % 60, 2)
            put(UInt8(ascii: "."))
            put(millisecond, 3)
            put(UInt8(ascii: "Z"))
            return index
        }
    }

    func read(_ raw: String, format declared: TimestampFormat?) -> Result<Reading, ValueRejection> {
        let value = Text.trimmed(raw)
        let bytes = Array(value.utf8)
        func invalid(_ why: String) -> Result<Reading, ValueRejection> {
            .failure(ValueRejection(.invalidDate, "\(Text.quoted(raw)) is not a valid date: \(why)"))
        }
        var format = declared
        if format == nil || !Self.looksLike(bytes, format!) {
            // A value in another format than its column's: read it only when its own form is unambiguous.
            let candidates = TimestampFormat.formats(of: value)
            if candidates.count > 1 {
                return .failure(ValueRejection(.ambiguousDate, "\(Text.quoted(raw)) fits both MM/DD/YYYY and DD/MM/YYYY and the column has no format"))
            }
            guard let only = candidates.first else {
                if Self.hasTwoDigitYear(bytes) { return invalid("a two-digit year leaves the century to guess") }
                return invalid(declared.map { "expected \($0.rawValue)" } ?? "no known date format")
            }
            format = only
        }
        switch format! {
        case .isoDate, .iso8601DateTime: return Self.readISO(bytes).map { .success($0) } ?? invalid("not an existing date and time")
        case .usDate, .dayFirstDate, .usDateTime:
            return Self.readSlashed(bytes, dayFirst: format == .dayFirstDate).map { .success($0) }
                ?? invalid("not an existing date and time")
        case .excelSerial: return Self.readExcel(bytes)
        }
    }

    /// Whether the bytes have the shape of `format` (digits and separators in place), so a mismatch is detected.
    static func looksLike(_ bytes: [UInt8], _ format: TimestampFormat) -> Bool {
        switch format {
        case .isoDate, .iso8601DateTime: return bytes.count >= 10 && bytes[4] == UInt8(ascii: "-")
        case .usDate, .dayFirstDate, .usDateTime: return bytes.contains(UInt8(ascii: "/"))
        case .excelSerial: return !bytes.isEmpty && bytes.allSatisfy { Text.isDigit($0) || $0 == UInt8(ascii: ".") }
        }
    }

    static func hasTwoDigitYear(_ bytes: [UInt8]) -> Bool {
        let parts = bytes.split(separator: UInt8(ascii: "/"))
        return parts.count == 3 && parts[2].prefix { Text.isDigit($0) }.count == 2
    }

    private static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 9, bytes.allSatisfy(Text.isDigit) else { return nil }
        return bytes.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    /// `YYYY-MM-DD[(T| )hh:mm[:ss[.fff...]]][Z|±hh[:mm]]`
    static func readISO(_ b: [UInt8]) -> Reading? {
        guard b.count >= 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"), let year = number(b[0..<4]),
            let month = number(b[5..<7]), let day = number(b[8..<10]), let date = CivilDate(year: year, month: month, day: day)
        else { return nil }
        var reading = Reading(date: date)
        guard b.count > 10 else { return reading }
        guard b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: " "), b.count >= 16, b[13] == UInt8(ascii: ":"),
            let hour = number(b[11..<13]), let minute = number(b[14..<16]), hour < 24, minute < 60
        else { return nil }
        var index = 16
        var second = 0
        if index < b.count, b[index] == UInt8(ascii: ":") {
            guard b.count >= index + 3, let s = number(b[(index + 1)..<(index + 3)]), s < 60 else { return nil }
            second = s
            index += 3
            if index < b.count, b[index] == UInt8(ascii: ".") || b[index] == UInt8(ascii: ",") {
                index += 1
                let start = index
                while index < b.count, Text.isDigit(b[index]) { index += 1 }
                guard index > start else { return nil }
                let digits = Array(b[start..<min(index, start + 3)]) + Array(repeating: UInt8(ascii: "0"), count: max(0, 3 - (index - start)))
                reading.millisecond = number(digits[...]) ?? 0
            }
        }
        reading.secondOfDay = hour * 3600 + minute * 60 + second
        guard index < b.count else { return reading }
        if b[index] == UInt8(ascii: "Z"), index == b.count - 1 {
            reading.offsetSeconds = 0
            return reading
        }
        guard b[index] == UInt8(ascii: "+") || b[index] == UInt8(ascii: "-") else { return nil }
        let sign = b[index] == UInt8(ascii: "-") ? -1 : 1
        let rest = b[(index + 1)...].filter { $0 != UInt8(ascii: ":") }
        guard rest.count == 2 || rest.count == 4, let hh = number(rest.prefix(2)), hh <= 14 else { return nil }
        let mm = rest.count == 4 ? (number(rest.suffix(2)) ?? 60) : 0
        guard mm < 60 else { return nil }
        reading.offsetSeconds = sign * (hh * 3600 + mm * 60)
        return reading
    }

    /// `M/D/YYYY`, `D/M/YYYY` or `M/D/YYYY h:mm[:ss] AM`
    static func readSlashed(_ b: [UInt8], dayFirst: Bool) -> Reading? {
        let space = b.firstIndex(of: UInt8(ascii: " ")) ?? b.count
        let parts = b[..<space].split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4,
            let first = number(parts[0]), let second = number(parts[1]), let year = number(parts[2]),
            let date = CivilDate(year: year, month: dayFirst ? second : first, day: dayFirst ? first : second)
        else { return nil }
        var reading = Reading(date: date)
        guard space < b.count else { return reading }
        let time = String(decoding: b[(space + 1)...], as: UTF8.self).uppercased()
        let meridiem = time.hasSuffix("AM") ? 0 : time.hasSuffix("PM") ? 12 : -1
        let clock = (meridiem >= 0 ? String(time.dropLast(2)) : time).trimmingCharacters(in: .whitespaces)
        let fields = clock.split(separator: ":", omittingEmptySubsequences: false).map { number(Array($0.utf8)[...]) }
        guard (2...3).contains(fields.count), let hour = fields[0], let minute = fields[1], minute < 60 else { return nil }
        let seconds = fields.count == 3 ? fields[2] : 0
        guard let seconds, seconds < 60 else { return nil }
        if meridiem >= 0 {
            guard (1...12).contains(hour) else { return nil }
            reading.secondOfDay = ((hour % 12) + meridiem) * 3600 + minute * 60 + seconds
        } else {
            guard hour < 24 else { return nil }
            reading.secondOfDay = hour * 3600 + minute * 60 + seconds
        }
        return reading
    }

    static func readExcel(_ b: [UInt8]) -> Result<Reading, ValueRejection> {
        let raw = String(decoding: b, as: UTF8.self)
        let parts = b.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let serial = number(parts[0]), parts.count == 1 || parts[1].allSatisfy(Text.isDigit)
        else { return .failure(ValueRejection(.invalidDate, "\(Text.quoted(raw)) is not an Excel serial date")) }
        guard serial >= 1, serial <= 2_958_465 else {
            return .failure(ValueRejection(.invalidDate, "\(Text.quoted(raw)) is outside Excel's dates (1 to 2958465)"))
        }
        guard serial != 60 else {
            return .failure(ValueRejection(.invalidDate, "\(Text.quoted(raw)) is Excel's 1900-02-29, a day that does not exist"))
        }
        let days = serial - 25_569 + (serial < 60 ? 1 : 0)
        var reading = Reading(date: CivilDate(daysSinceEpoch: days))
        if parts.count == 2, !parts[1].isEmpty {
            // The fraction of a day to the nearest millisecond, in integers: digits beyond the ninth cannot matter.
            let digits = parts[1].prefix(9)
            var scale = 1
            for _ in digits { scale *= 10 }
            let fraction = number(digits) ?? 0
            let millis = (fraction * 86_400_000 + scale / 2) / scale
            reading.secondOfDay = millis / 1000
            reading.millisecond = millis % 1000
            // Six decimals resolve 86 ms: round to the second when the fraction is that coarse, as Excel displays it.
            if digits.count <= 6 {
                let seconds = (fraction * 86_400 + scale / 2) / scale
                reading.secondOfDay = seconds
                reading.millisecond = 0
            }
            if reading.secondOfDay >= 86_400 {
                reading.date = CivilDate(daysSinceEpoch: days + 1)
                reading.secondOfDay -= 86_400
            }
        }
        return .success(reading)
    }
}
