/// What libphonenumber's metadata says about one region's numbers (PhoneMetadataTable.swift, generated).
///
/// A class, not a struct: a region holds a dozen strings, sets and patterns, and the parse walks the regions that
/// share a calling code (25 for +1) for every number, so each copy of a struct cost a dozen reference counts.
public final class PhoneRegion: Sendable {
    /// ISO 3166-1 alpha-2, or `001` for the non-geographic entities (+800, +882...), which have no country.
    public let code: String
    /// Digits, without `+`.
    public let callingCode: String
    /// The region a calling code shared by several stands for when nothing tells them apart (US for +1).
    public let isMainCountryForCode: Bool
    /// The prefix dialled before a national number inside the region (`0` in most of Europe, `1` in the NANP).
    public let nationalPrefix: String
    /// National significant number lengths of every number type, and those only diallable locally.
    public let lengths: Set<Int>
    public let localOnlyLengths: Set<Int>
    public let fixedLineLengths: Set<Int>
    public let mobileLengths: Set<Int>

    let internationalPrefix: DigitPattern?
    let nationalPrefixForParsing: DigitPattern?
    let nationalPrefixTransformRule: String
    /// The start of the national numbers of this region among those sharing its calling code.
    let leadingDigits: DigitPattern?
    let generalPattern: DigitPattern?
    /// The number types' patterns, kept only where they tell apart regions sharing a calling code.
    let typePattern: DigitPattern?

    public var isGeographic: Bool { code != "001" }

    /// One line of the table: fields in the order the generator writes them.
    init(line: Substring) {
        let fields = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        precondition(fields.count == 14, "a phone table line has 14 fields: \(line)")
        func pattern(_ text: String) -> DigitPattern? { text.isEmpty ? nil : DigitPattern(text) }
        code = fields[0]
        callingCode = fields[1]
        isMainCountryForCode = fields[2] == "1"
        internationalPrefix = pattern(fields[3])
        nationalPrefix = fields[4]
        nationalPrefixForParsing = pattern(fields[5])
        nationalPrefixTransformRule = fields[6]
        leadingDigits = pattern(fields[7])
        lengths = PhoneRegion.lengths(fields[8])
        localOnlyLengths = PhoneRegion.lengths(fields[9])
        fixedLineLengths = PhoneRegion.lengths(fields[10])
        mobileLengths = PhoneRegion.lengths(fields[11])
        generalPattern = pattern(fields[12])
        typePattern = pattern(fields[13])
    }

    /// `6-9,11` -> {6, 7, 8, 9, 11}.
    private static func lengths(_ text: String) -> Set<Int> {
        var result = Set<Int>()
        for part in text.split(separator: ",") {
            let bounds = part.split(separator: "-").compactMap { Int($0) }
            if let low = bounds.first, let high = bounds.last { result.formUnion(low...high) }
        }
        return result
    }

    /// Whether the national number fits the region's general pattern (libphonenumber's "viable" number).
    func fitsGeneralPattern(_ digits: ArraySlice<UInt8>) -> Bool {
        generalPattern?.matchesWhole(digits) ?? true
    }
}
