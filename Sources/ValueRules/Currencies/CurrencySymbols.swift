/// Currency symbols as amounts and currency columns write them (CLDR's symbols and the narrow ones beside the
/// code-like `US$`), each with the currencies that use it, the most common first: `$` is US dollars unless the
/// map's default currency is another dollar.
enum CurrencySymbols {
    static let byText: [String: [String]] = [
        "$": ["USD", "CAD", "AUD", "NZD", "SGD", "HKD", "MXN", "TWD", "ARS", "CLP", "COP"],
        "US$": ["USD"], "U$S": ["USD"], "CA$": ["CAD"], "C$": ["CAD", "NIO"], "A$": ["AUD"], "AU$": ["AUD"],
        "NZ$": ["NZD"], "HK$": ["HKD"], "S$": ["SGD"], "MX$": ["MXN"], "R$": ["BRL"], "NT$": ["TWD"],
        "€": ["EUR"], "£": ["GBP", "EGP", "GIP", "FKP", "SHP"], "¥": ["JPY", "CNY"], "JP¥": ["JPY"],
        "CN¥": ["CNY"], "元": ["CNY"], "RMB": ["CNY"], "₹": ["INR"], "₩": ["KRW"], "₽": ["RUB"], "₺": ["TRY"],
        "₪": ["ILS"], "₫": ["VND"], "₱": ["PHP"], "₦": ["NGN"], "₴": ["UAH"], "₸": ["KZT"], "₼": ["AZN"],
        "₾": ["GEL"], "₡": ["CRC"], "₲": ["PYG"], "₵": ["GHS"], "฿": ["THB"], "₭": ["LAK"], "₮": ["MNT"],
        "៛": ["KHR"], "zł": ["PLN"], "Kč": ["CZK"], "Ft": ["HUF"], "kr": ["SEK", "NOK", "DKK", "ISK"],
        "kr.": ["DKK", "ISK"], "Fr.": ["CHF"], "R": ["ZAR"], "RM": ["MYR"], "Rp": ["IDR"],
        "Rs": ["INR", "PKR", "LKR", "NPR"], "Rs.": ["INR", "PKR", "LKR", "NPR"], "KSh": ["KES"], "лв": ["BGN"],
    ]

    /// The symbols longest first, so that `US$` is found before `$` at the start of `US$5`.
    static let longestFirst: [String] = byText.keys.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
}
