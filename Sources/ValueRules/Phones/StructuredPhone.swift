/// A phone number as Twenty's PHONES field holds it: the national significant number, the calling code with its
/// `+`, and the region (ISO 3166-1 alpha-2; empty for the non-geographic +800, +882... numbers, which have none).
public struct StructuredPhone: Sendable, Equatable {
    public let nationalNumber: String
    public let callingCode: String
    public let region: String
    /// Digits written after `x`, `ext.` or `;ext=`. Twenty's field has no place for them: a caller that writes
    /// the number decides what happens to them (PhoneRule's documentation says why they are kept apart).
    public let extensionNumber: String?

    public init(nationalNumber: String, callingCode: String, region: String, extensionNumber: String? = nil) {
        self.nationalNumber = nationalNumber
        self.callingCode = callingCode
        self.region = region
        self.extensionNumber = extensionNumber
    }
}

/// How strictly a number is checked once read: what Twenty accepts, or also what can be dialled.
public enum PhoneStrictness: Sendable {
    /// What Twenty's parse accepts (libphonenumber-js `parsePhoneNumberWithError` with its default minimal
    /// metadata): a national number of 2 to 17 digits, whatever the region's lengths. The sandbox plays this.
    case parses
    /// Also a national number libphonenumber calls viable for the region: a length it lists as possible (not
    /// only diallable locally) and digits that fit the region's general pattern (a North American area code
    /// never starts with 0 or 1; a UK number never with its trunk 0). What a migration writes, so that every
    /// number it structures can be dialled. Number-type validity is not asked for: new ranges reach exports
    /// before they reach the metadata.
    case viable
}

/// Why a text is not a phone number, as one sentence.
public enum PhoneRejection: Error, Sendable, Equatable, CustomStringConvertible {
    case characters
    case plusInside
    case tooFewDigits
    case noCallingCode
    case unknownCallingCode(String)
    case unknownRegion(String)
    case impossibleLength(digits: Int, region: String, callingCode: String, lengths: [Int])
    case localOnly(digits: Int, region: String)
    case notViable(region: String)
    case tooLong(digits: Int)
    case regionConflict(stated: String, callingCode: String)
    case callingCodeConflict(stated: String, number: String)
    case inferredRegionConflict(stated: String, number: String)

    public var description: String {
        switch self {
        case .characters: "it holds characters other than digits, separators and an extension"
        case .plusInside: "a + inside the number"
        case .tooFewDigits: "too few digits"
        case .noCallingCode: "written without a calling code, and no country is known to read it by"
        case .unknownCallingCode(let code): "no country has the calling code +\(code)"
        case .unknownRegion(let region): "\(region) is not a country code libphonenumber knows"
        case .impossibleLength(let digits, let region, let code, let lengths):
            "\(digits) digits after +\(code); \(region) numbers have \(Self.describe(lengths))"
        case .localOnly(let digits, let region):
            "\(digits) digits is a local \(region) number without its area code"
        case .notViable(let region): "its digits are not those of a \(region) number"
        case .tooLong(let digits): "\(digits) digits is longer than any phone number"
        case .regionConflict(let stated, let code): "\(stated)'s calling code is not \(code)"
        case .callingCodeConflict(let stated, let number):
            "the calling code \(stated) conflicts with the number's \(number)"
        case .inferredRegionConflict(let stated, let number):
            "the country \(stated) conflicts with the number's \(number)"
        }
    }

    /// `[9, 10]` -> `9 or 10 digits`, `[5, 6, 7, 8]` -> `5 to 8 digits`.
    private static func describe(_ lengths: [Int]) -> String {
        guard let low = lengths.first, let high = lengths.last else { return "no length" }
        if low == high { return "\(low) digits" }
        if high - low + 1 == lengths.count {
            return lengths.count == 2 ? "\(low) or \(high) digits" : "\(low) to \(high) digits"
        }
        return lengths.dropLast().map(String.init).joined(separator: ", ") + " or \(high) digits"
    }
}
