/// The locale an export was written in, when a person or the export says it (`de`, `en-GB`, `en-US`, `fr_CH`): it
/// settles what the values leave open, the order of day and month in `03/04/2026` and the decimal mark in `1.234`.
/// A small table of the conventions of common locales, not a locale database: an unknown locale settles nothing.
public struct ExportLocale: Sendable, Equatable {
    public let identifier: String
    /// Whether numeric dates put the day first; nil when the locale writes both or is unknown.
    public let dayFirst: Bool?
    /// The decimal mark; nil when unknown.
    public let decimalConvention: DecimalConvention?

    public init(_ identifier: String) {
        self.identifier = identifier
        let parts = identifier.lowercased().replacingOccurrences(of: "_", with: "-").split(separator: "-")
        let language = parts.first.map(String.init) ?? ""
        let region = parts.dropFirst().first { $0.count == 2 }.map(String.init) ?? ""
        let tag = region.isEmpty ? language : language + "-" + region

        if Self.monthFirst.contains(tag) || (language == "en" && region.isEmpty) {
            dayFirst = false
        } else if Self.bothOrders.contains(tag) || Self.yearFirstLanguages.contains(language) {
            dayFirst = nil
        } else if Self.dayFirstLanguages.contains(language) {
            dayFirst = true
        } else {
            dayFirst = nil
        }

        if Self.pointRegions.contains(tag) {
            decimalConvention = .point
        } else if Self.commaLanguages.contains(language) {
            decimalConvention = .comma
        } else if Self.pointLanguages.contains(language) {
            decimalConvention = .point
        } else {
            decimalConvention = nil
        }
    }

    /// Locales that write the month first (`06/30/2026`); bare `en` is CLDR's `en-US`.
    private static let monthFirst: Set<String> = ["en-us", "en-ph", "en-pr", "en-gu", "en-as", "en-um", "es-us", "fil"]
    /// Locales where both orders are common.
    private static let bothOrders: Set<String> = ["en-ca", "fr-ca"]
    private static let yearFirstLanguages: Set<String> = ["ja", "zh", "ko", "hu", "lt", "mn"]
    private static let dayFirstLanguages: Set<String> = [
        "en", "de", "fr", "es", "it", "pt", "nl", "da", "sv", "nb", "nn", "no", "fi", "is", "pl", "cs", "sk", "sl",
        "hr",
        "sr", "bs", "ro", "bg", "ru", "uk", "be", "el", "tr", "et", "lv", "ga", "cy", "ca", "eu", "gl", "he", "ar",
        "hi",
        "id", "ms", "vi", "th",
    ]
    /// Languages whose numbers are written `1.234,56` (or `1 234,56`).
    private static let commaLanguages: Set<String> = [
        "de", "fr", "es", "it", "pt", "nl", "da", "sv", "nb", "nn", "no", "fi", "is", "pl", "cs", "sk", "sl", "hr",
        "sr", "bs", "ro", "bg", "ru", "uk", "be", "el", "tr", "et", "lv", "lt", "hu", "id", "vi", "ca", "eu", "gl",
    ]
    private static let pointLanguages: Set<String> = [
        "en", "ja", "zh", "ko", "he", "hi", "th", "ms", "ga", "cy", "fil",
    ]
    /// Regions of comma languages that write a decimal point: Switzerland and Liechtenstein (`1'234.56`), Mexico and
    /// the Spanish of the Americas that follow US usage.
    private static let pointRegions: Set<String> = [
        "de-ch", "de-li", "it-ch", "es-mx", "es-us", "es-pr", "es-do", "es-gt", "es-hn", "es-ni", "es-pa", "es-sv",
    ]
}
