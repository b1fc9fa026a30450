import ValueRules

/// A phone number as Twenty's PHONES field holds it: `primaryPhoneNumber` the national significant digits,
/// `primaryPhoneCallingCode` `+1`, `primaryPhoneCountryCode` `US` (empty for the non-geographic +800, +882...).
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

/// Phone numbers by ValueRules' PhoneRule (every region of libphonenumber, read as Twenty's parse reads them),
/// national ones in the record's country or else the map's default country, and only numbers that are viable
/// for their region. A number with an extension is refused, so the map's `invalidPhone` policy decides (its
/// default keeps the whole text): Twenty's field has no place for an extension, and dropping it would lose the
/// digits that reach the person.
public enum Phones {
    public static func parse(_ raw: String, defaultCountry: String) -> Result<PhoneNumber, ValueRejection> {
        switch PhoneRule.structure(raw, defaultRegion: defaultCountry) {
        case .success(let phone):
            if let extensionNumber = phone.extensionNumber {
                return .failure(
                    ValueRejection(
                        .invalidPhone,
                        "\(Text.quoted(raw)) has an extension (\(extensionNumber)) that Twenty's phone field cannot hold"
                    ))
            }
            return .success(
                PhoneNumber(nationalNumber: phone.nationalNumber, callingCode: phone.callingCode, country: phone.region)
            )
        case .failure(let rejection):
            return .failure(
                ValueRejection(.invalidPhone, "\(Text.quoted(raw)) is not a valid phone number: \(rejection)"))
        }
    }
}
