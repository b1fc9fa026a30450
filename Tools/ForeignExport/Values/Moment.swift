/// A point in time, to the second, in UTC: what every date and timestamp of the export is written from. Counted
/// from 1970-01-01 with the proleptic Gregorian calendar, computed by hand (Hinnant's civil-from-days) so no
/// Foundation calendar or time zone can change a value.
public struct Moment: Sendable, Comparable {
    public let secondsSinceEpoch: Int64

    public init(secondsSinceEpoch: Int64) { self.secondsSinceEpoch = secondsSinceEpoch }

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        let days = Moment.days(year: year, month: month, day: day)
        secondsSinceEpoch = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    public static func < (lhs: Moment, rhs: Moment) -> Bool { lhs.secondsSinceEpoch < rhs.secondsSinceEpoch }

    public var daysSinceEpoch: Int { Int(secondsSinceEpoch.floorDivided(by: 86_400)) }
    public var secondOfDay: Int { Int(secondsSinceEpoch - Int64(daysSinceEpoch) * 86_400) }
    public var hour: Int { secondOfDay / 3600 }
    public var minute: Int { secondOfDay / 60 % 60 }
    public var second: Int { secondOfDay % 60 }

    public var civil: (year: Int, month: Int, day: Int) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func days(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    public func adding(days: Int = 0, seconds: Int = 0) -> Moment {
        Moment(secondsSinceEpoch: secondsSinceEpoch + Int64(days) * 86_400 + Int64(seconds))
    }

    /// A moment drawn evenly between two others, on a working-hours time of day (08:00-18:59) as CRM entries are.
    static func during(_ start: Moment, _ end: Moment, _ dice: inout Dice) -> Moment {
        let day = start.daysSinceEpoch + dice.below(max(end.daysSinceEpoch - start.daysSinceEpoch, 1))
        let time = dice.within(8...18) * 3600 + dice.below(60) * 60 + dice.below(60)
        return Moment(secondsSinceEpoch: Int64(day) * 86_400 + Int64(time))
    }
}

extension Int64 {
    fileprivate func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
