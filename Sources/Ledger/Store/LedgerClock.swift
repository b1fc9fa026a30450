import CanonicalJSON
import Foundation

/// Timestamps as the ledger writes them: ISO 8601, UTC, milliseconds, `Z` (`2026-11-29T15:18:26.123Z`).
/// Fixed width, so text order is time order and `--since` can compare strings.
public enum LedgerClock {
    public static func now() -> String { format(Date()) }

    public static func format(_ date: Date) -> String { CanonicalJSON.format(date) }

    /// Parses what a user may type for `--since`: a full timestamp, a date, or a date and time without zone
    /// (read as UTC), and returns it in the ledger's form for string comparison.
    public static func normalise(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let formats = [
            "yyyy-MM-dd'T'HH:mm:ss.SSSXXXXX", "yyyy-MM-dd'T'HH:mm:ssXXXXX", "yyyy-MM-dd'T'HH:mm:ss",
            "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm", "yyyy-MM-dd",
        ]
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        for format in formats {
            formatter.dateFormat = format
            if let date = formatter.date(from: trimmed) { return self.format(date) }
        }
        return nil
    }
}
