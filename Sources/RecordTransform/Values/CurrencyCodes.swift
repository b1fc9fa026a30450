import ValueRules

/// Currency codes for `currencyCode` subfields by ValueRules' CurrencyRule: an active ISO 4217 code, written as
/// the code (any case), a symbol (`€`, `US$`) or a name (`euro`, `US-Dollar`), so a typo or a withdrawn currency
/// (`DEM`, `FRF`) is caught before Twenty shows an amount nobody can read. A symbol several currencies share
/// (`$`) is the map's default currency when that is one of them.
public enum CurrencyCodes {
    public static var active: Set<String> { CurrencyRule.codes }

    public static func normalize(_ raw: String, preferring preferred: String? = nil) -> Result<String, ValueRejection> {
        guard let code = CurrencyRule.code(raw, preferring: preferred) else {
            return .failure(ValueRejection(.unknownCurrency, "\(Text.quoted(raw)) is not an active ISO 4217 currency"))
        }
        return .success(code)
    }
}
