extension TimestampFormat {
    /// The formats `value` could be written in, as the column profile detects them: for the transforms, which
    /// read a value whose column has no recorded format with the same rules the audit used.
    public static func formats(of value: String) -> [TimestampFormat] { candidates(value) }

    /// The format a field map names: the detector's own names (`MM/DD/YYYY`, `Excel serial`) or the names the
    /// export generator's answer key uses (`iso8601`, `excel-serial`).
    public init?(mapName name: String) {
        if let format = TimestampFormat(rawValue: name) {
            self = format
            return
        }
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "iso8601", "iso-8601", "iso 8601", "iso8601-date-time", "iso 8601 date-time": self = .iso8601DateTime
        case "excel-serial", "excel serial", "excel": self = .excelSerial
        case "yyyy-mm-dd", "iso-date": self = .isoDate
        case "mm/dd/yyyy": self = .usDate
        case "dd/mm/yyyy": self = .dayFirstDate
        case "mm/dd/yyyy hh:mm am", "mm/dd/yyyy hh:mm a": self = .usDateTime
        default: return nil
        }
    }
}
