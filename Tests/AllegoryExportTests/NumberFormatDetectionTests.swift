import Testing

@testable import AllegoryExport

@Suite("Number conventions and meanings decided from all sampled values")
struct NumberFormatDetectionTests {
    private func profile(_ name: String, _ values: [String], locale: String? = nil) -> ColumnProfile {
        var profiler = ColumnProfiler(name: name, locale: locale)
        for value in values { profiler.add(value) }
        return profiler.profile()
    }

    @Test("a column of 1.234,56 amounts reads with a decimal comma")
    func decimalComma() throws {
        let result = profile("Umsatz", ["1.234,56", "12,5", "1.234.567,00", "-3,10"])
        #expect(result.type == .currency)
        let decision = try #require(result.number)
        #expect(decision.convention == .comma)
        #expect(!decision.isAmbiguous)
        #expect(decision.meaning == .money)
    }

    @Test("a column of 1,234.56 amounts reads with a decimal point")
    func decimalPoint() throws {
        let result = profile("Amount", ["1,234.56", "12.5", "(12.00)", "1,000"])
        #expect(result.type == .currency)
        #expect(result.number?.convention == .point)
        #expect(result.number?.isAmbiguous == false)
    }

    @Test(
        "1.234 alone is ambiguous, and is decided by another value of the column",
        arguments: [
            ["1.234", "2.500", "12,5"], ["1.234", "1.234.567"], ["1.234", "0,75"],
        ])
    func decidedByOthers(values: [String]) {
        let result = profile("Menge", values)
        #expect(result.number?.convention == .comma)
        #expect(result.number?.isAmbiguous == false)
    }

    @Test("a column whose every value reads both ways is reported ambiguous, with both conventions, read as thousands")
    func ambiguousConvention() throws {
        let result = profile("Weight", ["1.234", "5.678", "12"])
        let decision = try #require(result.number)
        #expect(decision.isAmbiguous)
        #expect(decision.conventionCandidates == [.comma, .point])
        #expect(decision.reason.contains("\"1.234\""))
        #expect(result.type == .integer)
        #expect(result.isAmbiguous)
    }

    @Test("US headcounts such as 1,200 are ambiguous alone, and read as thousands")
    func usThousands() {
        let result = profile("Employees", ["1,200", "25,000", "500"])
        #expect(result.type == .integer)
        #expect(result.meaning == .count)
        #expect(result.number?.convention == .point)
        #expect(result.number?.isAmbiguous == true)
    }

    @Test("a zero before a group separator is a fraction, not thousands")
    func zeroIsNoThousandsGroup() {
        #expect(profile("Weight", ["0.125", "1.234"]).number?.convention == .point)
    }

    @Test("the export's locale settles a decimal mark the values leave open")
    func localeSettlesConvention() throws {
        let decision = try #require(profile("Weight", ["1.234", "5.678"], locale: "de-DE").number)
        #expect(decision.convention == .comma)
        #expect(!decision.isAmbiguous)
        #expect(profile("Weight", ["1.234", "5.678"], locale: "de-CH").number?.convention == .point)
    }

    @Test("spaces, no-break spaces, narrow no-break spaces and apostrophes group thousands")
    func groupSeparators() {
        #expect(profile("Betrag", ["1 234,56", "1\u{00A0}234,50", "1\u{202F}000,00"]).number?.convention == .comma)
        #expect(profile("Betrag", ["1'234.56", "12'000.00", "CHF 1'234.50"]).number?.convention == .point)
    }

    @Test("negative numbers: a minus before or after, the minus sign, or accounting brackets")
    func negatives() {
        let result = profile("Balance", ["-12", "(12.00)", "12.00-", "\u{2212}5.5"])
        #expect(result.type == .decimal)
        #expect(result.number?.convention == .point)
    }

    @Test("percentages are told by their % or by a header naming a percentage or a probability")
    func percentages() {
        #expect(profile("Discount", ["12%", "12 %", "7,5 %"]).meaning == .percent)
        #expect(profile("Discount", ["12%", "12 %", "7,5 %"]).number?.convention == .comma)
        #expect(profile("Probability", ["0.12", "0.5", "1"]).meaning == .percent)
        #expect(profile("Probability (%)", ["10", "50", "90"]).meaning == .percent)
    }

    @Test(
        "four-digit years under a founding header are years", arguments: ["Founded", "Year Founded", "Gründungsjahr"])
    func years(header: String) {
        let result = profile(header, ["1998", "2005", "1887"])
        #expect(result.type == .integer)
        #expect(result.meaning == .year)
    }

    @Test(
        "a headcount under Mitarbeiter is a count, not money",
        arguments: ["Mitarbeiter", "Anzahl Mitarbeiter", "Employees"])
    func headcount(header: String) {
        let result = profile(header, ["12", "250", "1200"])
        #expect(result.type == .integer)
        #expect(result.meaning == .count)
        let german = profile(header, ["12", "1.200", "250"], locale: "de")
        #expect(german.type == .integer)
        #expect(german.meaning == .count)
    }

    @Test("amounts with a currency are money under any header; decimals under a money header are money")
    func money() {
        let marked = profile("Field 3", ["€ 1.234,56", "€ 12,00", "3,50 €"])
        #expect(marked.type == .currency)
        #expect(marked.meaning == .money)
        #expect(marked.number?.convention == .comma)
        #expect(profile("Jahresumsatz", ["1200000", "350000"]).meaning == .money)
        #expect(profile("Annual Revenue", ["1200000.00", "350000.50"]).type == .currency)
    }

    @Test("identifiers are told by their header or their leading zeros")
    func identifiers() {
        #expect(profile("Employee ID", ["12", "250", "1200"]).meaning == .identifier)
        #expect(profile("Field 2", ["00123", "00456", "01789"]).meaning == .identifier)
        #expect(profile("Postleitzahl", ["10115", "80331"]).meaning == .identifier)
    }

    @Test("codes glued to digits are identifiers, not amounts in a currency")
    func gluedCodes() {
        #expect(profile("Invoice", ["INV001", "INV002", "INV003", "INV004"]).type != .currency)
    }
}
