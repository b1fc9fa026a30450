/// A moment as seconds since 1970-01-01T00:00:00Z. Every date of an export derives from the fixed export
/// instant, never from the clock, so the same seed writes the same bytes on any day.
struct Instant: Sendable {
    var seconds: Int

    static let secondsPerDay = 86_400

    /// 2026-06-30T09:15:00Z: when the synthetic administrator pressed "Export".
    static let exportedAt = Instant(seconds: CivilDate.days(year: 2026, month: 6, day: 30) * secondsPerDay + 33_300)

    func adding(days: Int) -> Instant { Instant(seconds: seconds + days * Self.secondsPerDay) }

    /// A quarter-hour between 08:00 and 17:45 on the day `day` days after the export day (negative: before).
    static func workingTime(day: Int, _ rng: inout SplitMix64) -> Instant {
        let exportDay = exportedAt.seconds / secondsPerDay
        return Instant(seconds: (exportDay + day) * secondsPerDay + rng.within(8...17) * 3600 + rng.below(4) * 900)
    }

    /// A moment `daysAgo` days before the export, at a random daytime moment (07:00-19:00 UTC) of that day.
    static func daysBeforeExport(_ daysAgo: Int, _ rng: inout SplitMix64) -> Instant {
        let day = exportedAt.seconds / secondsPerDay - daysAgo
        return Instant(seconds: day * secondsPerDay + rng.within(7 * 3600..<19 * 3600))
    }
}

/// Proleptic Gregorian calendar arithmetic (Howard Hinnant's algorithms), so no Foundation calendar or time
/// zone can change the output.
enum CivilDate {
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func date(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
