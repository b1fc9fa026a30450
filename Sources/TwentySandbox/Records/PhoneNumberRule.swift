/// The sandbox's stand-in for libphonenumber, which Twenty uses to check every phone
/// (`S/engine/core-modules/record-transformer/utils/transform-phones-value.util.ts`; an invalid number fails the
/// whole request, TWENTY_API.md sections 1 and 10).
///
/// The rule, simple enough to predict from a test: strip spaces, dashes, dots and parentheses; what is left must
/// be digits, optionally after a leading `+` that starts with a known calling code (split off into the calling
/// code); the national number must have 4 to 14 digits; a calling code must be one of the table below; a country
/// code must be in the table and agree with the calling code.
enum PhoneNumberRule {
    /// ISO 3166 country -> calling code.
    static let callingCodes: [String: String] = [
        "US": "+1", "CA": "+1", "GB": "+44", "FR": "+33", "DE": "+49", "ES": "+34", "IT": "+39", "NL": "+31",
        "BE": "+32", "CH": "+41", "AT": "+43", "SE": "+46", "NO": "+47", "DK": "+45", "FI": "+358", "IE": "+353",
        "PT": "+351", "PL": "+48", "CZ": "+420", "GR": "+30", "RU": "+7", "TR": "+90", "IL": "+972", "AE": "+971",
        "SA": "+966", "IN": "+91", "CN": "+86", "JP": "+81", "KR": "+82", "SG": "+65", "HK": "+852", "AU": "+61",
        "NZ": "+64", "BR": "+55", "MX": "+52", "AR": "+54", "CL": "+56", "CO": "+57", "ZA": "+27", "NG": "+234",
        "EG": "+20", "KE": "+254", "MA": "+212", "LU": "+352",
    ]
    static let knownCallingCodes = Set(callingCodes.values)

    struct Rejection: Error { let reason: String }

    struct Phone: Equatable {
        var number: String
        var countryCode: String
        var callingCode: String
    }

    /// The phone as stored, or the reason it is refused.
    static func validate(number rawNumber: String, countryCode rawCountry: String, callingCode rawCalling: String)
        -> Result<Phone, Rejection>
    {
        let country = rawCountry.uppercased()
        var calling = rawCalling.isEmpty || rawCalling.hasPrefix("+") ? rawCalling : "+" + rawCalling
        let stripped = withoutFormatting(rawNumber)
        if stripped.isEmpty {
            return .success(Phone(number: "", countryCode: country, callingCode: calling))
        }
        var national = stripped
        if stripped.hasPrefix("+") {
            let digits = stripped.dropFirst()
            guard let code = (1...3).lazy.map({ "+" + digits.prefix($0) }).first(where: knownCallingCodes.contains)
            else { return .failure(Rejection(reason: "no known calling code starts \(rawNumber)")) }
            if !calling.isEmpty && calling != code {
                return .failure(Rejection(reason: "calling code \(calling) conflicts with the number's \(code)"))
            }
            calling = code
            national = String(digits.dropFirst(code.count - 1))
        }
        guard national.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return .failure(Rejection(reason: "only digits are allowed after formatting is removed"))
        }
        guard (4...14).contains(national.count) else {
            return .failure(Rejection(reason: "a number has 4 to 14 digits, this one \(national.count)"))
        }
        if !calling.isEmpty && !knownCallingCodes.contains(calling) {
            return .failure(Rejection(reason: "unknown calling code \(calling)"))
        }
        if !country.isEmpty {
            guard let expected = callingCodes[country] else { return .failure(Rejection(reason: "unknown country code \(country)")) }
            if calling.isEmpty {
                calling = expected
            } else if calling != expected {
                return .failure(Rejection(reason: "country \(country) has calling code \(expected), not \(calling)"))
            }
        }
        return .success(Phone(number: national, countryCode: country, callingCode: calling))
    }

    /// The number with spaces, dashes, dots, parentheses and tabs removed. By bytes when the text is ASCII (one
    /// byte per character, as phone numbers nearly always are): filtering `Character`s was most of a phone's cost.
    private static func withoutFormatting(_ text: String) -> String {
        var text = text
        let ascii: String? = text.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return String(decoding: bytes.filter { !formatting.contains($0) }, as: UTF8.self)
        }
        return ascii ?? text.filter { !" -.()\t".contains($0) }
    }

    private static let formatting: [UInt8] = Array(" -.()\t".utf8)
}
