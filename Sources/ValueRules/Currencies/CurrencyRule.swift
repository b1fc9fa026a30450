import Foundation

/// Currencies as Twenty's CURRENCY field holds them: an active ISO 4217 code (CurrencyCodes), with its minor
/// units. Read from the code (any case), a symbol (`€`, `US$`, CurrencySymbols) or a name in the seven languages
/// of CountryRule (CLDR's display names through Foundation: `euro`, `US-Dollar`, `livre sterling`), with the
/// everyday singulars and plurals (`dollars`, `pounds`, `yen`). A symbol or name several currencies share
/// (`$`, `kr`, `dollar`) is the preferred currency when it is one of them (the map's default), else the most
/// common one; one that names none of them for certain (`kr` without a Nordic default) is the first listed.
public enum CurrencyRule {
    /// Every active code.
    public static let codes: Set<String> = Set(CurrencyCodes.minorUnits.keys)

    /// Digits after the decimal point (2 for EUR, 0 for JPY, 3 for KWD); nil for a code that is not active, or
    /// one with no minor unit (gold, the SDR).
    public static func minorUnits(_ code: String) -> Int? { CurrencyCodes.minorUnits[code.uppercased()] ?? nil }

    /// The code of a currency written as a code, a symbol or a name, or nil.
    public static func code(_ text: String, preferring preferred: String? = nil) -> String? {
        let trimmed = ASCII.trimmed(text)
        let upper = trimmed.uppercased()
        if upper.utf8.count == 3, codes.contains(upper) { return upper }
        let candidates = CurrencySymbols.byText[trimmed] ?? byName[CountryRule.key(trimmed)]
        guard let candidates, let first = candidates.first else { return nil }
        if let preferred = preferred?.uppercased(), candidates.contains(preferred) { return preferred }
        return first
    }

    /// The symbols an amount may carry before or after its digits, longest first.
    public static var symbols: [String] { CurrencySymbols.longestFirst }

    /// The text without a currency symbol at its start or end (`US$5`, `5 €`, `R 100`): the rest and the symbol.
    /// A symbol of letters must not run into other letters, so `EUR` is not `EU` and the rand's `R`.
    public static func splitSymbol(_ text: String) -> (rest: Substring, symbol: String)? {
        for symbol in CurrencySymbols.longestFirst {
            let isWord = symbol.last?.isLetter ?? false
            if text.hasPrefix(symbol) {
                let rest = text.dropFirst(symbol.count)
                if !isWord || !(rest.first?.isLetter ?? false) { return (rest, symbol) }
            }
            if text.hasSuffix(symbol) {
                let rest = text.dropLast(symbol.count)
                if !(symbol.first?.isLetter ?? false) || !(rest.last?.isLetter ?? false) { return (rest, symbol) }
            }
        }
        return nil
    }

    /// Everyday names CLDR's display names (`US Dollar`, `Euro`) leave out, normalised as CountryRule.key does.
    private static let everydayNames: [String: [String]] = [
        "dollar": ["USD", "CAD", "AUD", "NZD", "SGD", "HKD"], "dollars": ["USD", "CAD", "AUD", "NZD", "SGD", "HKD"],
        "us dollars": ["USD"], "euros": ["EUR"], "pound": ["GBP"], "pounds": ["GBP"], "pound sterling": ["GBP"],
        "pounds sterling": ["GBP"], "sterling": ["GBP"], "yen": ["JPY"], "yuan": ["CNY"], "renminbi": ["CNY"],
        "rupee": ["INR"], "rupees": ["INR"], "real": ["BRL"], "reais": ["BRL"], "franc": ["CHF"], "francs": ["CHF"],
        "franken": ["CHF"], "rand": ["ZAR"], "zloty": ["PLN"], "forint": ["HUF"], "rouble": ["RUB"], "ruble": ["RUB"],
        "lira": ["TRY"], "krona": ["SEK"], "kronor": ["SEK"], "krone": ["NOK", "DKK"], "kroner": ["NOK", "DKK"],
    ]

    /// Normalised names to candidate codes: the everyday names, then CLDR's in each language (first kept).
    static let byName: [String: [String]] = {
        var result = everydayNames
        for language in CountryRule.languages {
            let locale = Locale(identifier: language)
            for code in codes.sorted() {
                guard let name = locale.localizedString(forCurrencyCode: code) else { continue }
                let key = CountryRule.key(name)
                if result[key] == nil { result[key] = [code] }
            }
        }
        return result
    }()
}
