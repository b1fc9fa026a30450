/// The regions of PhoneMetadataTable, decoded once on first use, and looked up by code and by calling code.
public enum PhoneMetadata {
    /// Every region, in the table's (alphabetical) order.
    public static let regions: [PhoneRegion] = PhoneMetadataTable.regions.split(separator: "\n").map {
        PhoneRegion(line: $0.drop(while: { $0 == " " }))
    }

    /// Geographic regions by ISO code.
    static let byCode: [String: PhoneRegion] = Dictionary(
        regions.filter(\.isGeographic).map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })

    /// The regions of each calling code, main country first and the others in table order, as libphonenumber
    /// lists them when it picks a region for a number.
    static let byCallingCode: [String: [PhoneRegion]] = {
        var result: [String: [PhoneRegion]] = [:]
        for region in regions { result[region.callingCode, default: []].append(region) }
        return result.mapValues { list in list.filter(\.isMainCountryForCode) + list.filter { !$0.isMainCountryForCode }
        }
    }()

    /// The region of an ISO 3166-1 alpha-2 code (any case), if libphonenumber knows it.
    public static func region(_ code: String) -> PhoneRegion? { byCode[code.uppercased()] }

    /// The regions sharing a calling code (digits, with or without `+`), main country first.
    public static func regions(callingCode: String) -> [PhoneRegion] {
        byCallingCode[callingCode.hasPrefix("+") ? String(callingCode.dropFirst()) : callingCode] ?? []
    }
}
