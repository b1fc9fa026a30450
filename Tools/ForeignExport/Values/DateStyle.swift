/// The ways a date or timestamp is written in the exports, each named as the answer key's `format` names it.
public enum DateStyle: String, Sendable, CaseIterable {
    case iso = "YYYY-MM-DD"
    case isoDateTime = "YYYY-MM-DDTHH:MM:SSZ"
    case dotted = "DD.MM.YYYY"
    case dottedWithTime = "DD.MM.YYYY HH:MM"
    case daySlashMonth = "DD/MM/YYYY"
    case monthSlashDay = "MM/DD/YYYY"
    case monthSlashDayWithClock = "MM/DD/YYYY hh:mm AM"
    case compact = "YYYYMMDD"
    case excelSerial = "excel-serial"
    case unixSeconds = "unix-seconds"

    /// Whether the value carries a time of day (the answer key's kind `datetime`) or is a calendar day (`date`).
    public var hasTime: Bool {
        switch self {
        case .iso, .dotted, .daySlashMonth, .monthSlashDay, .compact: false
        case .isoDateTime, .dottedWithTime, .monthSlashDayWithClock, .excelSerial, .unixSeconds: true
        }
    }

    public func write(_ moment: Moment) -> String {
        let (year, month, day) = moment.civil
        let y = pad(year, 4)
        let m = pad(month, 2)
        let d = pad(day, 2)
        switch self {
        case .iso: return "\(y)-\(m)-\(d)"
        case .isoDateTime:
            return "\(y)-\(m)-\(d)T\(pad(moment.hour, 2)):\(pad(moment.minute, 2)):\(pad(moment.second, 2))Z"
        case .dotted: return "\(d).\(m).\(y)"
        case .dottedWithTime: return "\(d).\(m).\(y) \(pad(moment.hour, 2)):\(pad(moment.minute, 2))"
        case .daySlashMonth: return "\(d)/\(m)/\(y)"
        case .monthSlashDay: return "\(m)/\(d)/\(y)"
        case .monthSlashDayWithClock:
            let clockHour = moment.hour % 12 == 0 ? 12 : moment.hour % 12
            return "\(m)/\(d)/\(y) \(pad(clockHour, 2)):\(pad(moment.minute, 2)) \(moment.hour < 12 ? "AM" : "PM")"
        case .compact: return "\(y)\(m)\(d)"
        case .excelSerial:
            // Days since 1899-12-30 (Excel's day 0 once its 1900 leap-year bug is accounted for), the time as a
            // fraction of a day to five places: what a spreadsheet cell holds when its date format is lost.
            let serialDays = moment.daysSinceEpoch + 25_569
            let fraction = (moment.secondOfDay * 100_000 + 43_200) / 86_400
            return fraction == 0 ? "\(serialDays)" : "\(serialDays).\(pad(fraction, 5))"
        case .unixSeconds: return "\(moment.secondsSinceEpoch)"
        }
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
