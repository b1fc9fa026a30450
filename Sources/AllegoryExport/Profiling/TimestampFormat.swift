/// The way a column writes dates and times: a date layout and, when a time of day follows the date, how the clock
/// is noted. Detected per column from its values and recorded in the field map by `rawValue`
/// (`DD.MM.YYYY HH:mm`, `MM/DD/YYYY hh:mm AM`, `ISO 8601 date-time`, `Excel serial`).
///
/// A reading is tolerant where the value is self-describing: a date-time format reads a value with no time as
/// midnight, either clock notation reads `AM`/`PM`, seconds and fractions are optional. What a format fixes is what
/// a value alone cannot say: the order of day and month, and that a bare number is a date.
public struct TimestampFormat: Sendable, Hashable, CaseIterable, RawRepresentable, Codable, CustomStringConvertible {
    public let layout: DateLayout
    /// How the time of day after the date is noted; nil for a date alone, and for the numeric layouts.
    public let clock: ClockNotation?

    /// nil for a combination no export writes: a clock after a bare number, or ISO 8601 with `AM`/`PM`.
    public init?(layout: DateLayout, clock: ClockNotation?) {
        if clock != nil, layout.isNumeric { return nil }
        if layout == .iso, clock == .twelveHour { return nil }
        self.layout = layout
        self.clock = clock
    }

    private init(_ layout: DateLayout, _ clock: ClockNotation?) {
        self.layout = layout
        self.clock = clock
    }

    /// `2026-06-30T09:15:00Z`, with or without seconds, fraction, `Z` or an offset, or a space for the `T`.
    public static let iso8601DateTime = TimestampFormat(.iso, .twentyFourHour)
    /// `2026-06-30`
    public static let isoDate = TimestampFormat(.iso, nil)
    /// `06/30/2026`
    public static let usDate = TimestampFormat(.monthSlashDay, nil)
    /// `06/30/2026 09:15 AM`
    public static let usDateTime = TimestampFormat(.monthSlashDay, .twelveHour)
    /// `30/06/2026`
    public static let dayFirstDate = TimestampFormat(.daySlashMonth, nil)
    /// `30.06.2026`
    public static let dottedDate = TimestampFormat(.dayDotMonth, nil)
    /// `46203.385417`
    public static let excelSerial = TimestampFormat(.excelSerial, nil)
    public static let unixSeconds = TimestampFormat(.unixSeconds, nil)
    public static let unixMilliseconds = TimestampFormat(.unixMilliseconds, nil)

    public static let allCases: [TimestampFormat] = DateLayout.allCases.flatMap { layout in
        ([nil] + ClockNotation.allCases).compactMap { TimestampFormat(layout: layout, clock: $0) }
    }

    /// Whether values carry a time of day: a clock after the date, or a number that counts time.
    public var hasTime: Bool {
        clock != nil || layout == .excelSerial || layout == .unixSeconds || layout == .unixMilliseconds
    }

    /// The name the field map records: the layout's pattern, then the clock's (`DD.MM.YYYY HH:mm`).
    public var rawValue: String {
        if layout == .iso, clock != nil { return "ISO 8601 date-time" }
        guard let clock else { return layout.rawValue }
        return layout.rawValue + " " + clock.rawValue
    }

    public init?(rawValue: String) {
        guard let format = Self.allCases.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = format
    }

    public var description: String { rawValue }

    /// The format a field map names: the detector's own names (`MM/DD/YYYY`, `Excel serial`) in any case, or the
    /// names the export generator's answer key and people use (`iso8601`, `excel-serial`, `epoch-ms`).
    public init?(mapName name: String) {
        if let format = TimestampFormat(rawValue: name) {
            self = format
            return
        }
        let folded = name.lowercased().replacingOccurrences(of: "_", with: "-")
        if let format = Self.allCases.first(where: { $0.rawValue.lowercased() == folded }) {
            self = format
            return
        }
        switch folded {
        case "iso8601", "iso-8601", "iso 8601", "iso8601-date-time": self = .iso8601DateTime
        case "excel-serial", "excel": self = .excelSerial
        case "iso-date": self = .isoDate
        case "mm/dd/yyyy hh:mm a": self = .usDateTime
        case "unix", "epoch", "unix-seconds", "epoch-seconds": self = .unixSeconds
        case "unix-ms", "epoch-ms", "unix-milliseconds", "epoch-milliseconds": self = .unixMilliseconds
        default: return nil
        }
    }
}
