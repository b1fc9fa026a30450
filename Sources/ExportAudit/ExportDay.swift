import AllegoryExport
import Foundation

/// The day a timestamp names, read by the reader the profile and the transforms share (`DateLayout.read`), in the
/// format the export's understanding detected for its column: the audit dates staleness exactly as the migration
/// will read the value.
enum ExportDay {
    static func day(_ text: String, format: TimestampFormat) -> Date? {
        let result = text.trimmingWhitespace.withUTF8Bytes { format.layout.read($0) }
        guard case .success(let reading) = result else { return nil }
        return Date(timeIntervalSince1970: Double(reading.date.daysSinceEpoch) * 86_400)
    }

    /// The day of an ISO `YYYY-MM-DD` (the understanding's export date).
    static func day(iso text: String) -> Date? { day(text, format: .isoDate) }
}
