import ValueRules

/// The sandbox's stand-in for libphonenumber, which Twenty uses to check every phone
/// (`S/engine/core-modules/record-transformer/utils/transform-phones-value.util.ts`; an invalid number fails the
/// whole request, TWENTY_API.md sections 1, 10 and 11): ValueRules' PhoneRule at the strictness of Twenty's own
/// parse. A stated country or calling code must exist and agree with each other and with the number; the
/// national number comes back without its calling code and national prefix, and empty subfields are inferred.
/// An extension is dropped, as Twenty's parse drops it.
enum PhoneNumberRule {
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
        let calling = rawCalling.isEmpty || rawCalling.hasPrefix("+") ? rawCalling : "+" + rawCalling
        guard !rawNumber.allSatisfy(isFormatting) else {
            // Only formatting (or nothing): no number to parse, the codes are kept as sent.
            return .success(Phone(number: "", countryCode: rawCountry.uppercased(), callingCode: calling))
        }
        switch PhoneRule.structure(
            number: rawNumber, statedRegion: rawCountry, statedCallingCode: calling, strictness: .parses)
        {
        case .success(let phone):
            return .success(
                Phone(number: phone.nationalNumber, countryCode: phone.region, callingCode: phone.callingCode))
        case .failure(let rejection):
            return .failure(Rejection(reason: rejection.description))
        }
    }

    private static func isFormatting(_ character: Character) -> Bool { " -.()\t".contains(character) }
}
