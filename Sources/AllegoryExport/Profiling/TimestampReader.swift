/// A value read in a date layout: its calendar date and time of day, the UTC offset when the value states one
/// (`Z`, `+02:00`, and every Unix time), and how its clock was noted.
package struct TimestampReading: Sendable, Equatable {
    package var date: CivilDate
    package var secondOfDay = 0
    package var millisecond = 0
    package var offsetSeconds: Int?
    /// nil when no time of day was written after the date.
    package var clock: ClockNotation?

    package init(date: CivilDate) { self.date = date }
}

/// Why a value does not read in a layout. `shape` means it is written some other way; the others mean it has the
/// layout's shape but names no real moment, which the transforms report as such.
package enum TimestampFailure: Error, Equatable {
    case shape
    case noSuchDay
    case noSuchTime
    /// Excel's serial 60, the 1900-02-29 that never was (the Lotus 1-2-3 leap-year bug).
    case excelLeapDay
    case outOfRange
}

extension DateLayout {
    /// Reads the whole of `bytes` (already trimmed) in this layout, with any time of day that follows a written date.
    /// The profile and the transforms share this reader, so a column is detected exactly as it will be read.
    package func read(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<TimestampReading, TimestampFailure> {
        var cursor = ByteCursor(bytes)
        let date: CivilDate
        switch self {
        case .excelSerial: return Self.readExcel(&cursor)
        case .unixSeconds: return Self.readUnix(&cursor, perSecond: 1)
        case .unixMilliseconds: return Self.readUnix(&cursor, perSecond: 1000)
        case .compact:
            guard bytes.count == 8, let year = cursor.fixed(4), let month = cursor.fixed(2), let day = cursor.fixed(2)
            else { return .failure(.shape) }
            guard (1900...2100).contains(year), let valid = CivilDate(year: year, month: month, day: day) else {
                return .failure(.noSuchDay)
            }
            return .success(TimestampReading(date: valid))
        case .iso, .yearSlashMonthDay:
            let separator = UInt8(ascii: self == .iso ? "-" : "/")
            let width = self == .iso ? 2...2 : 1...2
            guard let year = cursor.number(4...4), cursor.take(separator), let month = cursor.number(width),
                cursor.take(separator), let day = cursor.number(width)
            else { return .failure(.shape) }
            guard let valid = CivilDate(year: year, month: month, day: day) else { return .failure(.noSuchDay) }
            date = valid
        case .monthSlashDay, .daySlashMonth, .monthDashDay, .dayDashMonth, .dayDotMonth:
            let separator: UInt8 =
                switch self {
                case .monthSlashDay, .daySlashMonth: UInt8(ascii: "/")
                case .monthDashDay, .dayDashMonth: UInt8(ascii: "-")
                default: UInt8(ascii: ".")
                }
            guard let first = cursor.number(1...2), cursor.take(separator), let second = cursor.number(1...2),
                cursor.take(separator), let year = cursor.number(4...4)
            else { return .failure(.shape) }
            let dayFirst = self.dayFirst ?? false
            guard let valid = CivilDate(year: year, month: dayFirst ? second : first, day: dayFirst ? first : second)
            else { return .failure(.noSuchDay) }
            date = valid
        case .dayMonthName:
            // `30 Jun 2026`, `30-Jun-2026`, `30. Juni 2026`, `1 juil. 2026`
            guard let day = cursor.number(1...2) else { return .failure(.shape) }
            _ = cursor.take(UInt8(ascii: "."))
            guard cursor.skipSeparators(), let month = cursor.monthName(), cursor.skipSeparators(),
                let year = cursor.number(4...4)
            else { return .failure(.shape) }
            guard let valid = CivilDate(year: year, month: month, day: day) else { return .failure(.noSuchDay) }
            date = valid
        case .monthNameDay:
            // `Jun 30, 2026`, `June 30 2026`
            guard let month = cursor.monthName(), cursor.skipSeparators(), let day = cursor.number(1...2) else {
                return .failure(.shape)
            }
            _ = cursor.take(UInt8(ascii: ","))
            guard cursor.skipSeparators(), let year = cursor.number(4...4) else { return .failure(.shape) }
            guard let valid = CivilDate(year: year, month: month, day: day) else { return .failure(.noSuchDay) }
            date = valid
        }
        var reading = TimestampReading(date: date)
        guard !cursor.atEnd else { return .success(reading) }
        return Self.readTime(&cursor, into: &reading)
    }

    /// `[T| |, ]H:mm[:ss[.fff]][ AM|PM][Z|±hh[:mm]| UTC]` to the end of the value.
    private static func readTime(_ cursor: inout ByteCursor, into reading: inout TimestampReading)
        -> Result<TimestampReading, TimestampFailure>
    {
        if !cursor.take(UInt8(ascii: "T")) {
            _ = cursor.take(UInt8(ascii: ","))
            guard cursor.skipSpaces() else { return .failure(.shape) }
        }
        guard let hour = cursor.number(1...2), cursor.take(UInt8(ascii: ":")), let minute = cursor.number(2...2) else {
            return .failure(.shape)
        }
        var second = 0
        if cursor.take(UInt8(ascii: ":")) {
            guard let value = cursor.number(2...2) else { return .failure(.shape) }
            second = value
            if cursor.take(UInt8(ascii: ".")) || cursor.take(UInt8(ascii: ",")) {
                guard let (fraction, digits) = cursor.fraction() else { return .failure(.shape) }
                reading.millisecond = digits >= 3 ? fraction : fraction * (digits == 1 ? 100 : 10)
            }
        }
        let spaced = cursor.skipSpaces()
        var meridiem: Int?
        if let marker = cursor.meridiem() {
            meridiem = marker
        } else if spaced && cursor.atEnd {
            return .failure(.shape)
        }
        if !cursor.atEnd {
            guard let offset = cursor.offset() else { return .failure(.shape) }
            reading.offsetSeconds = offset
        }
        guard minute < 60, second < 60 else { return .failure(.noSuchTime) }
        if let meridiem {
            guard (1...12).contains(hour) else { return .failure(.noSuchTime) }
            reading.secondOfDay = (hour % 12 + meridiem) * 3600 + minute * 60 + second
            reading.clock = .twelveHour
        } else {
            guard hour < 24 else { return .failure(.noSuchTime) }
            reading.secondOfDay = hour * 3600 + minute * 60 + second
            reading.clock = .twentyFourHour
        }
        return .success(reading)
    }

    /// Days since 1899-12-30 with the time as the fraction, in the map's time zone. Serials 1 to 59 are one day later
    /// than that epoch gives, since Excel counts its false 1900-02-29 (serial 60, refused) after them.
    private static func readExcel(_ cursor: inout ByteCursor) -> Result<TimestampReading, TimestampFailure> {
        guard let serial = cursor.number(1...7) else { return .failure(.shape) }
        var fraction = 0
        var scale = 1
        if cursor.take(UInt8(ascii: ".")) || cursor.take(UInt8(ascii: ",")) {
            // Digits beyond the ninth cannot change the millisecond; they are read and dropped.
            let start = cursor.index
            while let digit = cursor.digit() {
                if cursor.index - start <= 9 {
                    fraction = fraction * 10 + digit
                    scale *= 10
                }
            }
        }
        guard cursor.atEnd else { return .failure(.shape) }
        guard serial >= 1, serial <= 2_958_465 else { return .failure(.outOfRange) }
        guard serial != 60 else { return .failure(.excelLeapDay) }
        let days = serial - 25_569 + (serial < 60 ? 1 : 0)
        var reading = TimestampReading(date: CivilDate(daysSinceEpoch: days))
        guard scale > 1 else { return .success(reading) }
        // Six decimals resolve 86 ms: round to the second when the fraction is that coarse, as Excel displays it.
        if scale <= 1_000_000 {
            reading.secondOfDay = (fraction * 86_400 + scale / 2) / scale
        } else {
            let millis = (fraction * 86_400_000 + scale / 2) / scale
            reading.secondOfDay = millis / 1000
            reading.millisecond = millis % 1000
        }
        if reading.secondOfDay >= 86_400 {
            reading.date = CivilDate(daysSinceEpoch: days + 1)
            reading.secondOfDay -= 86_400
        }
        return .success(reading)
    }

    /// Seconds or milliseconds since 1970-01-01 UTC: an instant, so its offset is zero.
    private static func readUnix(_ cursor: inout ByteCursor, perSecond: Int) -> Result<
        TimestampReading, TimestampFailure
    > {
        guard let count = cursor.number(1...15), cursor.atEnd else { return .failure(.shape) }
        let seconds = count / perSecond
        guard seconds <= 253_402_300_799 else { return .failure(.outOfRange) }  // 9999-12-31T23:59:59Z
        let days = seconds / 86_400
        var reading = TimestampReading(date: CivilDate(daysSinceEpoch: days))
        reading.secondOfDay = seconds - days * 86_400
        reading.millisecond = count % perSecond * (1000 / perSecond)
        reading.offsetSeconds = 0
        return .success(reading)
    }
}
