import ValueRules

/// A country as the transforms use it for phone numbers: its ISO code and calling code, from ValueRules
/// (CountryRule reads the name or code an export writes; PhoneMetadata holds libphonenumber's facts).
public struct NumberingPlan: Sendable {
    /// ISO 3166-1 alpha-2.
    public let country: String
    /// Digits, without `+`.
    public let callingCode: String
    /// The prefix dialled before a national number inside the country (`0` in most of Europe, `1` in North America).
    public let trunkPrefix: String

    /// The plan of a country written as a code or a name in any of CountryRule's languages (`Germany`, `DE`,
    /// `DEU`, `Deutschland`, `United Kingdom`, `UK`), if libphonenumber has numbers for it.
    public static func plan(forCountry text: String) -> NumberingPlan? {
        guard let code = CountryRule.code(text), let region = PhoneMetadata.region(code) else { return nil }
        return NumberingPlan(country: region.code, callingCode: region.callingCode, trunkPrefix: region.nationalPrefix)
    }
}
