/// A phone number as Twenty's PHONES field holds it: `primaryPhoneNumber` the national significant digits,
/// `primaryPhoneCallingCode` `+1`, `primaryPhoneCountryCode` `US`.
public struct PhoneNumber: Sendable, Equatable {
    public let nationalNumber: String
    public let callingCode: String
    public let country: String

    public init(nationalNumber: String, callingCode: String, country: String) {
        self.nationalNumber = nationalNumber
        self.callingCode = callingCode
        self.country = country
    }
}

/// Reads phone numbers in the forms exports mix: E.164 (`+14155550123`), international with spaces or an `00`
/// prefix (`+44 (0)20 7946 0123`, `0049 30 1234567`), and national (`(415) 555-0123`, `030 12345678`), the
/// latter in the record's country or else the map's default country. Only digits, spaces and `+ ( ) - . /` are
/// accepted; letters and extensions make a number invalid rather than silently shortened.
public enum Phones {
    public static func parse(_ raw: String, defaultCountry: String) -> Result<PhoneNumber, ValueRejection> {
        let value = Text.trimmed(raw)
        func invalid(_ why: String) -> Result<PhoneNumber, ValueRejection> {
            .failure(ValueRejection(.invalidPhone, "\(Text.quoted(raw)) is not a valid phone number: \(why)"))
        }
        var digits: [UInt8] = []
        var international = false
        for (offset, byte) in value.utf8.enumerated() {
            if Text.isDigit(byte) {
                digits.append(byte)
            } else if byte == UInt8(ascii: "+") {
                guard offset == 0 else { return invalid("a + inside the number") }
                international = true
            } else if !" ()-./".utf8.contains(byte) {
                return invalid("it holds characters other than digits and separators")
            }
        }
        // `+44 (0)20 ...`: the trunk prefix in brackets after the calling code is written but not dialled.
        // The value is ASCII by now (any other byte was refused), so the byte search finds what `contains` would.
        if international, let range = findBracketedZero(value) { digits.remove(at: range) }
        if !international, digits.starts(with: [0x30, 0x30]) {
            international = true
            digits.removeFirst(2)
        }
        guard digits.count >= 4 else { return invalid("too few digits") }

        let plan: NumberingPlan
        var national: ArraySlice<UInt8>
        if international {
            guard let (found, rest) = matchCallingCode(digits, defaultCountry: defaultCountry) else {
                return invalid("its calling code is not one of the supported countries'")
            }
            plan = found
            national = rest
        } else {
            guard let found = NumberingPlan.byCountry[defaultCountry.uppercased()] else {
                return invalid("written without a calling code, and the country \(defaultCountry) is not supported")
            }
            plan = found
            national = digits[...]
            let trunk = Array(plan.trunkPrefix.utf8)
            // A `0` trunk prefix never begins a national significant number; a North American `1` does only as the
            // eleventh digit in front (`1 415 555 0123`).
            if !trunk.isEmpty, national.starts(with: trunk), plan.callingCode != "1" || national.count == 11 {
                national = national.dropFirst(trunk.count)
            }
        }
        guard plan.lengths.contains(national.count) else {
            return invalid("\(national.count) digits after the calling code; \(plan.country) numbers have \(describe(plan.lengths))")
        }
        if plan.callingCode == "1" {
            // North American plan: NXX NXX XXXX, area code and exchange never starting with 0 or 1.
            let n = Array(national)
            guard n[0] >= UInt8(ascii: "2"), n[3] >= UInt8(ascii: "2") else {
                return invalid("a North American area code or exchange cannot start with 0 or 1")
            }
        } else if plan.country != "IT", national.first == UInt8(ascii: "0") {
            return invalid("a national number in \(plan.country) does not start with 0 after the calling code")
        }
        return .success(
            PhoneNumber(nationalNumber: String(decoding: national, as: UTF8.self), callingCode: "+" + plan.callingCode, country: plan.country))
    }

    private static func describe(_ lengths: ClosedRange<Int>) -> String {
        lengths.count == 1 ? "\(lengths.lowerBound)" : "\(lengths.lowerBound) to \(lengths.upperBound)"
    }

    /// The index, among the digits, of the `0` written as `(0)`.
    private static func findBracketedZero(_ value: String) -> Int? {
        var digitIndex = 0
        let bytes = Array(value.utf8)
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "("), index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "0"), bytes[index + 2] == UInt8(ascii: ")") {
                return digitIndex
            }
            if Text.isDigit(byte) { digitIndex += 1 }
        }
        return nil
    }

    /// Calling codes are prefix-free, so trying 1, 2 then 3 digits finds the one that applies.
    private static func matchCallingCode(_ digits: [UInt8], defaultCountry: String) -> (NumberingPlan, ArraySlice<UInt8>)? {
        for length in 1...3 where digits.count > length {
            let code = String(decoding: digits[..<length], as: UTF8.self)
            guard var plan = NumberingPlan.byCallingCode[code] else { continue }
            if let preferred = NumberingPlan.byCountry[defaultCountry.uppercased()], preferred.callingCode == code {
                plan = preferred
            }
            return (plan, digits[length...])
        }
        return nil
    }
}
