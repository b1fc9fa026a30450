import Foundation

/// Countries as Twenty's `addressCountry` and phone country codes hold them: ISO 3166-1 alpha-2.
///
/// Read from an alpha-2 or alpha-3 code, or a name in English, German, French, Spanish, Italian, Dutch or
/// Portuguese (CLDR's names, as Foundation's locale data carries them: `Deutschland`, `Allemagne`, `Duitsland`),
/// or a common form (`USA`, `U.S.`, `UK`, `Great Britain`, `Holland`, CountryAliases). Case, accents, dots,
/// apostrophes, hyphens and a leading `the` do not matter (`Österreich` and `osterreich` are one country);
/// transliterations do (`Oesterreich` is not read).
public enum CountryRule {
    /// The languages of the names, in the order a name found in two of them is kept (the first wins).
    public static let languages = ["en", "de", "fr", "es", "it", "nl", "pt"]

    /// The alpha-2 code of a country written as a code or a name, or nil.
    public static func code(_ text: String) -> String? {
        let trimmed = ASCII.trimmed(text)
        if trimmed.utf8.count == 2 || trimmed.utf8.count == 3 {
            let upper = trimmed.uppercased()
            if alpha2.contains(upper) { return upper }
            if let code = byAlpha3[upper] { return code }
        }
        return byName[key(trimmed)]
    }

    /// Every alpha-2 code.
    public static let alpha2: Set<String> = Set(CountryCodes.pairs.map(\.alpha2))

    static let byAlpha3: [String: String] = Dictionary(
        CountryCodes.pairs.map { ($0.alpha3, $0.alpha2) }, uniquingKeysWith: { first, _ in first })

    /// Normalised names to codes, built once from CLDR's names and the aliases.
    static let byName: [String: String] = {
        var result: [String: String] = [:]
        for (code, aliases) in CountryAliases.byCode {
            for alias in aliases { result[alias] = code }
        }
        for language in languages {
            let locale = Locale(identifier: language)
            for (code, _) in CountryCodes.pairs {
                guard let name = locale.localizedString(forRegionCode: code) else { continue }
                let normalised = key(name)
                if result[normalised] == nil { result[normalised] = code }
                // CLDR writes some names with a qualifier (`Myanmar (Burma)`, `Hong Kong SAR China`): the bare
                // name before it is what exports write.
                if let open = name.firstIndex(of: "(") {
                    let bare = key(String(name[..<open]))
                    if result[bare] == nil { result[bare] = code }
                }
            }
        }
        return result
    }()

    /// The comparable form of a name: lower-case, without accents, `&` as `and`, `st.` as `saint`, dots,
    /// apostrophes and brackets dropped, hyphens and runs of spaces as one space, without a leading `the`.
    static func key(_ text: String) -> String {
        var folded = text
        if text.utf8.contains(where: { $0 >= 0x80 }) {
            folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
                .replacingOccurrences(of: "ß", with: "ss").replacingOccurrences(of: "\u{2019}", with: " ")
        }
        var words: [String] = []
        var word: [UInt8] = []
        func endWord() {
            if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
            word.removeAll(keepingCapacity: true)
        }
        for byte in folded.utf8 {
            switch byte {
            case UInt8(ascii: "."):
                continue
            case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "\t"), UInt8(ascii: "/"), UInt8(ascii: "'"),
                UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ","):
                endWord()
            case UInt8(ascii: "&"):
                endWord()
                words.append("and")
            default:
                word.append(ASCII.lowercased(byte))
            }
        }
        endWord()
        if words.first == "the", words.count > 1 { words.removeFirst() }
        words = words.map { $0 == "st" ? "saint" : $0 }
        return words.joined(separator: " ")
    }
}
