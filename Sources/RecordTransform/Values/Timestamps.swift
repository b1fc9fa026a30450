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
/// - Unix seconds and milliseconds are instants: a DATE is their day in the map's time zone.
/// - A value written otherwise than its column's format is read when its own form is unambiguous (an ISO date in a
///   `MM/DD/YYYY` column), except a bare number, which is a date only in a column whose format says so.
/// - Impossible dates (`02/30/2024`, `2023-02-29`, month 13) and times (`25:00`) are refused.
public struct Timestamps: Sendable {
    public let timeZone: TimeZone

    public init(timeZone: TimeZone) { self.timeZone = timeZone }

    /// A value read in a format: its calendar date and time of day, and the UTC offset when the value states one.
    typealias Reading = TimestampReading

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
        return value.withUTF8Bytes { bytes in
            func invalid(_ why: String) -> Result<Reading, ValueRejection> {
                .failure(ValueRejection(.invalidDate, "\(Text.quoted(raw)) is not a valid date: \(why)"))
            }
            if let declared {
                switch declared.layout.read(bytes) {
                case .success(let reading): return .success(reading)
                case .failure(.shape): break
                case .failure(let failure): return invalid(Self.words(failure, declared.layout))
                }
            }
            // A value written otherwise than its column: read it only when its own form is unambiguous. A bare
            // number is a date only where the column says so.
            let candidates = DateLayout.layouts(of: bytes).filter { declared == nil || !$0.isNumeric }
            if candidates.count > 1 {
                let names = candidates.map(\.rawValue).joined(separator: " and ")
                let column =
                    declared.map { "its column's \($0.rawValue) does not fit it" } ?? "the column has no format"
                return .failure(ValueRejection(.ambiguousDate, "\(Text.quoted(raw)) fits both \(names) and \(column)"))
            }
            guard let only = candidates.first else {
                if Self.hasTwoDigitYear(bytes) { return invalid("a two-digit year leaves the century to guess") }
                return invalid(declared.map { "expected \($0.rawValue)" } ?? "no known date format")
            }
            switch only.read(bytes) {
            case .success(let reading): return .success(reading)
            case .failure(let failure): return invalid(Self.words(failure, only))
            }
        }
    }

    static func words(_ failure: TimestampFailure, _ layout: DateLayout) -> String {
        switch failure {
        case .shape: "expected \(layout.rawValue)"
        case .noSuchDay, .noSuchTime: "not an existing date and time"
        case .excelLeapDay: "Excel's 1900-02-29, a day that does not exist"
        case .outOfRange:
            layout == .excelSerial ? "outside Excel's dates (1 to 2958465)" : "beyond the year 9999"
        }
    }

    /// `03/04/24`: a numeric date whose year has two digits.
    static func hasTwoDigitYear(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let date = bytes.prefix { $0 != UInt8(ascii: " ") }
        let parts = date.split { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }
        return parts.count == 3 && parts[2].count == 2 && parts.allSatisfy { $0.allSatisfy(\.isASCIIDigitByte) }
    }
}

extension UInt8 {
    fileprivate var isASCIIDigitByte: Bool { self >= 0x30 && self <= 0x39 }
}
