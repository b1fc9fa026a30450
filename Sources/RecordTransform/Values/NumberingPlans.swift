/// The countries whose phone numbers the tool can normalise: calling code, trunk prefix and the lengths of a
/// national significant number (the digits after the calling code, without the trunk prefix).
///
/// The lengths are those of the ITU-T E.164 national numbering plans, as libphonenumber's metadata lists them for
/// fixed and mobile numbers; a number whose digit count falls outside them is one Twenty's libphonenumber check
/// refuses. Finer rules (which leading digits are allocated) are checked only for the North American plan, where
/// an area code or exchange starting with 0 or 1 is a common typo. A number from a country not listed here cannot
/// be checked, so it is treated as invalid and the map's `invalidPhone` policy decides.
public struct NumberingPlan: Sendable {
    /// ISO 3166-1 alpha-2.
    public let country: String
    /// Digits, without `+`.
    public let callingCode: String
    /// The prefix dialled before a national number inside the country (`0` in most of Europe, `1` in North America).
    public let trunkPrefix: String
    public let lengths: ClosedRange<Int>
    /// Names and codes an export writes in a Country column for this country, lower-cased.
    public let names: [String]

    public static let all: [NumberingPlan] = [
        .init("US", "1", "1", 10...10, ["united states", "united states of america", "usa", "us", "u.s.", "u.s.a.", "america"]),
        .init("CA", "1", "1", 10...10, ["canada", "ca", "can"]),
        .init("GB", "44", "0", 9...10, ["united kingdom", "uk", "gb", "gbr", "great britain", "england", "scotland", "wales", "northern ireland"]),
        .init("IE", "353", "0", 7...10, ["ireland", "ie", "irl", "republic of ireland"]),
        .init("DE", "49", "0", 6...13, ["germany", "de", "deu", "deutschland"]),
        .init("FR", "33", "0", 9...9, ["france", "fr", "fra"]),
        .init("NL", "31", "0", 9...9, ["netherlands", "the netherlands", "nl", "nld", "holland"]),
        .init("BE", "32", "0", 8...9, ["belgium", "be", "bel", "belgique", "belgië"]),
        .init("LU", "352", "", 4...11, ["luxembourg", "lu", "lux"]),
        .init("ES", "34", "", 9...9, ["spain", "es", "esp", "españa"]),
        .init("PT", "351", "", 9...9, ["portugal", "pt", "prt"]),
        .init("IT", "39", "", 6...11, ["italy", "it", "ita", "italia"]),
        .init("CH", "41", "0", 9...9, ["switzerland", "ch", "che", "schweiz", "suisse"]),
        .init("AT", "43", "0", 4...13, ["austria", "at", "aut", "österreich"]),
        .init("DK", "45", "", 8...8, ["denmark", "dk", "dnk", "danmark"]),
        .init("SE", "46", "0", 7...10, ["sweden", "se", "swe", "sverige"]),
        .init("NO", "47", "", 8...8, ["norway", "no", "nor", "norge"]),
        .init("FI", "358", "0", 5...12, ["finland", "fi", "fin", "suomi"]),
        .init("PL", "48", "", 9...9, ["poland", "pl", "pol", "polska"]),
        .init("CZ", "420", "", 9...9, ["czech republic", "czechia", "cz", "cze"]),
        .init("GR", "30", "", 10...10, ["greece", "gr", "grc"]),
        .init("AU", "61", "0", 9...9, ["australia", "au", "aus"]),
        .init("NZ", "64", "0", 8...10, ["new zealand", "nz", "nzl"]),
        .init("JP", "81", "0", 9...10, ["japan", "jp", "jpn"]),
        .init("SG", "65", "", 8...8, ["singapore", "sg", "sgp"]),
        .init("IN", "91", "0", 10...10, ["india", "in", "ind"]),
        .init("IL", "972", "0", 8...9, ["israel", "il", "isr"]),
        .init("AE", "971", "0", 8...9, ["united arab emirates", "uae", "ae", "are"]),
        .init("ZA", "27", "0", 9...9, ["south africa", "za", "zaf"]),
        .init("BR", "55", "0", 10...11, ["brazil", "br", "bra", "brasil"]),
        .init("MX", "52", "", 10...10, ["mexico", "mx", "mex", "méxico"]),
    ]

    init(_ country: String, _ callingCode: String, _ trunkPrefix: String, _ lengths: ClosedRange<Int>, _ names: [String]) {
        self.country = country
        self.callingCode = callingCode
        self.trunkPrefix = trunkPrefix
        self.lengths = lengths
        self.names = names
    }

    static let byCountry: [String: NumberingPlan] = Dictionary(uniqueKeysWithValues: all.map { ($0.country, $0) })
    static let byName: [String: NumberingPlan] = {
        var result: [String: NumberingPlan] = [:]
        for plan in all { for name in plan.names { result[name] = plan } }
        return result
    }()
    /// Calling codes to plans; `1` goes to the United States unless the record's country says Canada.
    static let byCallingCode: [String: NumberingPlan] = {
        var result: [String: NumberingPlan] = [:]
        for plan in all where result[plan.callingCode] == nil { result[plan.callingCode] = plan }
        return result
    }()

    /// The plan for an alpha-2 code or a country name as exports write them (`Germany`, `DE`, `United Kingdom`).
    public static func plan(forCountry text: String) -> NumberingPlan? {
        let key = Text.trimmed(text).lowercased()
        return byCountry[key.uppercased()] ?? byName[key]
    }
}
