import Foundation

/// Instants and calendar dates as Twenty returns them: DATE_TIME normalised to UTC ISO 8601 with milliseconds
/// (Postgres `timestamptz` rendered by the API), DATE as `YYYY-MM-DD` (TWENTY_API.md section 10).
struct Timestamp: Comparable {
    let seconds: Int
    let milliseconds: Int

    static func now() -> Timestamp {
        let interval = Date().timeIntervalSince1970
        let millis = Int((interval * 1000).rounded(.down))
        return Timestamp(seconds: millis.floorDivided(by: 1000), milliseconds: millis.floorModulo(1000))
    }

    static func < (a: Timestamp, b: Timestamp) -> Bool {
        (a.seconds, a.milliseconds) < (b.seconds, b.milliseconds)
    }

    /// `2026-11-29T15:18:26.123Z`; formatted from whole numbers, so no float rounding can lose a millisecond.
    var iso8601: String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        return "\(pad(Int(parts.tm_year) + 1900, 4))-\(pad(Int(parts.tm_mon) + 1, 2))-\(pad(Int(parts.tm_mday), 2))T"
            + "\(pad(Int(parts.tm_hour), 2)):\(pad(Int(parts.tm_min), 2)):\(pad(Int(parts.tm_sec), 2))."
            + "\(pad(milliseconds, 3))Z"
    }

    var calendarDate: String { String(iso8601.prefix(10)) }

    /// Parses `YYYY-MM-DD`, optionally followed by `T` or a space, `HH:MM[:SS[.fraction]]` and `Z`, `±HH:MM` or
    /// `±HHMM`; no zone means UTC, as Postgres reads a bare timestamp into `timestamptz` on a UTC server.
    static func parse(_ text: String) -> Timestamp? {
        let b = Array(text.utf8)
        var i = 0
        func number(_ count: Int) -> Int? {
            guard i + count <= b.count else { return nil }
            var value = 0
            for k in 0..<count {
                let c = b[i + k]
                guard c >= 0x30 && c <= 0x39 else { return nil }
                value = value * 10 + Int(c - 0x30)
            }
            i += count
            return value
        }
        func expect(_ c: Character) -> Bool {
            guard i < b.count, b[i] == c.asciiValue! else { return false }
            i += 1
            return true
        }
        guard let year = number(4), expect("-"), let month = number(2), expect("-"), let day = number(2),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var hour = 0, minute = 0, second = 0, millis = 0, offset = 0
        if i < b.count {
            guard b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: " ") else { return nil }
            i += 1
            guard let h = number(2), expect(":"), let m = number(2), h < 24, m < 60 else { return nil }
            hour = h
            minute = m
            if expect(":") {
                guard let s = number(2), s < 61 else { return nil }
                second = s
                if expect(".") {
                    var digits = 0
                    while i < b.count, b[i] >= 0x30 && b[i] <= 0x39 {
                        if digits < 3 { millis = millis * 10 + Int(b[i] - 0x30) }
                        digits += 1
                        i += 1
                    }
                    guard digits > 0 else { return nil }
                    for _ in digits..<3 where digits < 3 { millis *= 10 }
                }
            }
            if i < b.count {
                if expect("Z") || expect("z") {
                } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
                    let sign = b[i] == UInt8(ascii: "-") ? -1 : 1
                    i += 1
                    guard let oh = number(2) else { return nil }
                    _ = expect(":")
                    let om = number(2) ?? 0
                    offset = sign * (oh * 3600 + om * 60)
                } else {
                    return nil
                }
            }
            guard i == b.count else { return nil }
        }
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        parts.tm_sec = Int32(second)
        let epoch = Int(timegm(&parts))
        return Timestamp(seconds: epoch - offset, milliseconds: millis)
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

extension Int {
    func floorDivided(by divisor: Int) -> Int { (self - floorModulo(divisor)) / divisor }
    func floorModulo(_ divisor: Int) -> Int { ((self % divisor) + divisor) % divisor }
}
