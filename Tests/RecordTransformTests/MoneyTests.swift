import Testing

@testable import RecordTransform

@Suite("Currency amounts")
struct MoneyTests {
    @Test("19.99 becomes exactly 19990000 micros")
    func decimalAmount() throws { #expect(try Money.micros("19.99").get() == 19_990_000) }

    @Test("a float-printed 0.1+0.2 rounds to 300000 micros at the micro, changing no cent")
    func floatArtifactsRound() throws {
        #expect(try Money.micros("0.30000000000000004").get() == 300_000)
        #expect(try Money.micros("19.989999999999998").get() == 19_990_000)
    }

    @Test("digits beyond the sixth decimal round half to even")
    func halfEven() throws {
        #expect(try Money.micros("0.0000005").get() == 0)
        #expect(try Money.micros("0.0000015").get() == 2)
        #expect(try Money.micros("0.00000051").get() == 1)
    }

    @Test("thousands commas are read; commas that are not thousands groups are refused")
    func thousands() throws {
        #expect(try Money.micros("1,234.5").get() == 1_234_500_000)
        #expect(try Money.micros("1,234,567").get() == 1_234_567_000_000)
        #expect(Money.micros("1,23").failureCode == .invalidAmount)
        #expect(Money.micros("12,34.5").failureCode == .invalidAmount)
    }

    @Test("negative amounts: a minus sign or accounting brackets")
    func negatives() throws {
        #expect(try Money.micros("-5").get() == -5_000_000)
        #expect(try Money.micros("(12.00)").get() == -12_000_000)
        #expect(Money.micros("(-12.00)").failureCode == .invalidAmount)
    }

    @Test("currency symbols and codes around the number are ignored")
    func symbols() throws {
        #expect(try Money.micros("$19.99").get() == 19_990_000)
        #expect(try Money.micros("1200 EUR").get() == 1_200_000_000)
        #expect(try Money.micros("€ 5").get() == 5_000_000)
    }

    @Test("exponents like 1e3 are refused as invalid-amount")
    func exponents() throws { #expect(Money.micros("1e3").failureCode == .invalidAmount) }

    @Test("garbage and empty amounts are refused")
    func garbage() throws {
        #expect(Money.micros("abc").failureCode == .invalidAmount)
        #expect(Money.micros("1.2.3").failureCode == .invalidAmount)
        #expect(Money.micros("").failureCode == .invalidAmount)
    }

    @Test("amounts a JSON number cannot hold exactly, or beyond Int64, are refused as amount-out-of-range")
    func overflow() throws {
        #expect(try Money.micros("9007199254.740992").get() == Money.exactMicros)
        #expect(try Money.micros("10258826256.31").get() == 10_258_826_256_310_000)
        #expect(Money.micros("9007199254.740993").failureCode == .amountOutOfRange)
        #expect(Money.micros("99999999999999999999999").failureCode == .amountOutOfRange)
    }

    @Test("currency codes are upper-cased and checked against ISO 4217")
    func currencyCodes() throws {
        #expect(try CurrencyCodes.normalize(" usd ").get() == "USD")
        #expect(CurrencyCodes.normalize("DEM").failureCode == .unknownCurrency)
        #expect(CurrencyCodes.normalize("XYZ").failureCode == .unknownCurrency)
    }

    @Test("a currency column may hold a symbol or a name, and a shared symbol is the map's default when it can be")
    func currencySymbolsAndNames() throws {
        #expect(try CurrencyCodes.normalize("€").get() == "EUR")
        #expect(try CurrencyCodes.normalize("Euro").get() == "EUR")
        #expect(try CurrencyCodes.normalize("$", preferring: "CAD").get() == "CAD")
        #expect(try Money.micros("R$ 19.99").get() == 19_990_000)
    }
}

extension Result where Failure == ValueRejection {
    var failureCode: RejectionCode? {
        if case .failure(let rejection) = self { return rejection.code }
        return nil
    }
}
