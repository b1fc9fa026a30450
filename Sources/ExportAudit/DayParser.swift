import Foundation

/// The day of a timestamp in the shapes exports write it (ISO `2026-06-30`, `2026-06-30T10:00:00Z`, `30.06.2026`,
/// and slashed dates, read as the column reads: day first when the first part exceeds 12): enough to tell whether a
/// contact has been quiet for two years.
enum DayParser {
    static func day(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let datePart = trimmed.split(whereSeparator: { $0 == " " || $0 == "T" }).first.map(String.init) ?? trimmed
        var parts: [Int]
        var year: Int, month: Int, day: Int
        if datePart.contains("-") {
            parts = datePart.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 3, parts[0] > 31 else { return nil }
            (year, month, day) = (parts[0], parts[1], parts[2])
        } else if datePart.contains(".") {
            parts = datePart.split(separator: ".").compactMap { Int($0) }
            guard parts.count == 3 else { return nil }
            (year, month, day) = (parts[2], parts[1], parts[0])
        } else if datePart.contains("/") {
            parts = datePart.split(separator: "/").compactMap { Int($0) }
            guard parts.count == 3 else { return nil }
            (year, month, day) = parts[0] > 12 ? (parts[2], parts[1], parts[0]) : (parts[2], parts[0], parts[1])
        } else {
            return nil
        }
        guard (1...12).contains(month), (1...31).contains(day), year > 1000 else { return nil }
        var components = DateComponents()
        components.year = year
        components.month = month
        components.day = day
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: components)
    }
}
