import Testing
import ValueRules

@Suite("Currencies")
struct CurrencyRuleTests {
    @Test(
        "codes, symbols and names are read as ISO 4217 codes",
        arguments: [
            ("usd", "USD"), (" EUR ", "EUR"), ("€", "EUR"), ("£", "GBP"), ("¥", "JPY"), ("CN¥", "CNY"), ("US$", "USD"),
            ("R$", "BRL"), ("₹", "INR"), ("zł", "PLN"), ("Euro", "EUR"), ("euros", "EUR"), ("US Dollar", "USD"),
            ("US-Dollar", "USD"), ("dollars", "USD"), ("pound sterling", "GBP"), ("Japanese Yen", "JPY"),
            ("Schweizer Franken", "CHF"), ("franc suisse", "CHF"), ("yuan", "CNY"),
        ])
    func reads(text: String, code: String) {
        #expect(CurrencyRule.code(text) == code)
    }

    @Test("a shared symbol is the preferred currency when it is one of those using it")
    func sharedSymbols() {
        #expect(CurrencyRule.code("$") == "USD")
        #expect(CurrencyRule.code("$", preferring: "CAD") == "CAD")
        #expect(CurrencyRule.code("kr", preferring: "NOK") == "NOK")
        #expect(CurrencyRule.code("¥", preferring: "CNY") == "CNY")
        #expect(CurrencyRule.code("$", preferring: "EUR") == "USD")
    }

    @Test("withdrawn and made-up codes are not currencies", arguments: ["DEM", "FRF", "XYZ", "n/a", ""])
    func unknown(text: String) {
        #expect(CurrencyRule.code(text) == nil)
    }

    @Test("minor units follow ISO 4217")
    func minorUnits() {
        #expect(CurrencyRule.minorUnits("EUR") == 2)
        #expect(CurrencyRule.minorUnits("jpy") == 0)
        #expect(CurrencyRule.minorUnits("KWD") == 3)
        #expect(CurrencyRule.minorUnits("CLF") == 4)
        #expect(CurrencyRule.minorUnits("XAU") == nil)
        #expect(CurrencyRule.minorUnits("DEM") == nil)
    }
}
