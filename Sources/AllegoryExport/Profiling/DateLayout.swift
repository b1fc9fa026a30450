/// How a value writes the calendar date: the order of day, month and year, and what separates them. A time of day
/// may follow any written layout (see `ClockNotation`); the numeric layouts carry the time in the number itself.
public enum DateLayout: String, Sendable, Hashable, CaseIterable {
    /// `2026-06-30`, the date of ISO 8601 (and of its date-times, `2026-06-30T09:15:00Z`).
    case iso = "YYYY-MM-DD"
    /// `2026/06/30`, as East Asian and some spreadsheet locales write it.
    case yearSlashMonthDay = "YYYY/MM/DD"
    /// `06/30/2026`, the US order.
    case monthSlashDay = "MM/DD/YYYY"
    /// `30/06/2026`, the order of most of the world.
    case daySlashMonth = "DD/MM/YYYY"
    /// `06-30-2026`
    case monthDashDay = "MM-DD-YYYY"
    /// `30-06-2026`
    case dayDashMonth = "DD-MM-YYYY"
    /// `30.06.2026` and `1.7.2026`, as German-speaking and other European locales write it.
    case dayDotMonth = "DD.MM.YYYY"
    /// `20260630`: eight digits, as databases and file names write dates.
    case compact = "YYYYMMDD"
    /// `30 Jun 2026`, `30-Jun-2026`, `30. Juni 2026`.
    case dayMonthName = "DD MMM YYYY"
    /// `Jun 30, 2026`, `June 30 2026`.
    case monthNameDay = "MMM DD, YYYY"
    /// `46203.385417`: days since 1899-12-30 (with Excel's false 1900-02-29), the time of day as the fraction.
    case excelSerial = "Excel serial"
    /// `1782810900`: seconds since 1970-01-01 UTC.
    case unixSeconds = "Unix seconds"
    /// `1782810900000`: milliseconds since 1970-01-01 UTC.
    case unixMilliseconds = "Unix milliseconds"

    /// A bare number, which other columns (amounts, counts, identifiers) hold just as well: taken for a date only
    /// when the header names a time, or at a low confidence when the values alone suggest it.
    public var isNumeric: Bool {
        switch self {
        case .compact, .excelSerial, .unixSeconds, .unixMilliseconds: true
        default: false
        }
    }

    /// Whether the layout puts the day before the month when both are numbers (nil: no such choice).
    var dayFirst: Bool? {
        switch self {
        case .monthSlashDay, .monthDashDay: false
        case .daySlashMonth, .dayDashMonth, .dayDotMonth: true
        default: nil
        }
    }

    /// The layout with day and month the other way round (`MM/DD/YYYY` for `DD/MM/YYYY`).
    var swapped: DateLayout? {
        switch self {
        case .monthSlashDay: .daySlashMonth
        case .daySlashMonth: .monthSlashDay
        case .monthDashDay: .dayDashMonth
        case .dayDashMonth: .monthDashDay
        default: nil
        }
    }

    /// The layout's place in a `DateLayoutSet` and in per-layout counts.
    var index: Int {
        switch self {
        case .iso: 0
        case .yearSlashMonthDay: 1
        case .monthSlashDay: 2
        case .daySlashMonth: 3
        case .monthDashDay: 4
        case .dayDashMonth: 5
        case .dayDotMonth: 6
        case .compact: 7
        case .dayMonthName: 8
        case .monthNameDay: 9
        case .excelSerial: 10
        case .unixSeconds: 11
        case .unixMilliseconds: 12
        }
    }

    var bit: UInt16 { 1 << UInt16(index) }

    /// The layouts by `index`, built once: `allCases` makes a new array on every use.
    static let byIndex = allCases.sorted { $0.index < $1.index }
}

/// How a time of day after a written date is noted.
public enum ClockNotation: String, Sendable, Hashable, CaseIterable {
    /// `14:30`, `14:30:15`, `9:05`.
    case twentyFourHour = "HH:mm"
    /// `02:30 PM`, `2:30 pm`.
    case twelveHour = "hh:mm AM"
}

/// A set of layouts, as one value or a whole column fits them; a bit field so that the per-value check allocates
/// nothing.
struct DateLayoutSet: Equatable {
    var bits: UInt16 = 0

    mutating func insert(_ layout: DateLayout) { bits |= layout.bit }
    func contains(_ layout: DateLayout) -> Bool { bits & layout.bit != 0 }
    var isEmpty: Bool { bits == 0 }
    var count: Int { bits.nonzeroBitCount }
}
