/// The timestamp formats an Allegory export has been seen to use, named as `planted-defects.json` names them.
public enum DateFormat: String, Sendable, CaseIterable, Codable {
    /// `2026-06-30T09:15:00Z`
    case iso8601 = "iso8601"
    /// `06/30/2026`
    case usDate = "MM/DD/YYYY"
    /// `06/30/2026 09:15 AM`
    case usDateTime = "MM/DD/YYYY hh:mm AM"
    /// `46203.385417`: days since 1899-12-30 with the time as a fraction, as spreadsheets store dates.
    case excelSerial = "excel-serial"
    /// `2026-06-30`
    case isoDate = "YYYY-MM-DD"
}

extension DateFormat {
    /// Excel's day 0 is 1899-12-30 (it counts the nonexistent 1900-02-29), i.e. 25,569 days before 1970-01-01.
    static let excelEpochOffsetDays = 25_569

    func append(_ instant: Instant, to bytes: inout [UInt8]) {
        let days =
            instant.seconds >= 0
            ? instant.seconds / Instant.secondsPerDay
            : (instant.seconds - Instant.secondsPerDay + 1) / Instant.secondsPerDay
        let secondOfDay = instant.seconds - days * Instant.secondsPerDay
        let (year, month, day) = CivilDate.date(fromDays: days)
        let hour = secondOfDay / 3600
        let minute = secondOfDay / 60 % 60
        let second = secondOfDay % 60
        switch self {
        case .iso8601:
            bytes.appendDecimal(year, digits: 4); bytes.append(0x2D)
            bytes.appendDecimal(month, digits: 2); bytes.append(0x2D)
            bytes.appendDecimal(day, digits: 2); bytes.append(0x54)
            bytes.appendDecimal(hour, digits: 2); bytes.append(0x3A)
            bytes.appendDecimal(minute, digits: 2); bytes.append(0x3A)
            bytes.appendDecimal(second, digits: 2); bytes.append(0x5A)
        case .usDate, .usDateTime:
            bytes.appendDecimal(month, digits: 2); bytes.append(0x2F)
            bytes.appendDecimal(day, digits: 2); bytes.append(0x2F)
            bytes.appendDecimal(year, digits: 4)
            if self == .usDateTime {
                bytes.append(0x20)
                bytes.appendDecimal(hour % 12 == 0 ? 12 : hour % 12, digits: 2); bytes.append(0x3A)
                bytes.appendDecimal(minute, digits: 2)
                bytes.append(contentsOf: hour < 12 ? " AM".utf8 : " PM".utf8)
            }
        case .excelSerial:
            bytes.appendDecimal(days + Self.excelEpochOffsetDays, digits: 1); bytes.append(0x2E)
            // Six decimals resolve 0.0864 s, so a reader rounding to the second gets the exact time back.
            bytes.appendDecimal(
                (secondOfDay * 1_000_000 + Instant.secondsPerDay / 2) / Instant.secondsPerDay, digits: 6)
        case .isoDate:
            bytes.appendDecimal(year, digits: 4); bytes.append(0x2D)
            bytes.appendDecimal(month, digits: 2); bytes.append(0x2D)
            bytes.appendDecimal(day, digits: 2)
        }
    }

    func string(_ instant: Instant) -> String {
        var bytes: [UInt8] = []
        append(instant, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
