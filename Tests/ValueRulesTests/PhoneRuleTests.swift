import Testing
import ValueRules

@Suite("The phone rule")
struct PhoneRuleTests {
    private func structured(_ text: String, _ region: String?) -> StructuredPhone? {
        try? PhoneRule.structure(text, defaultRegion: region).get()
    }

    @Test(
        "numbers are read in the forms exports mix",
        arguments: [
            ("(415) 555-0123", "US", "4155550123", "+1", "US"),
            ("+1 415 555 0123", "GB", "4155550123", "+1", "US"),
            ("1-604-555-0199", "CA", "6045550199", "+1", "CA"),
            ("+44 (0)20 7946 0123", "US", "2079460123", "+44", "GB"),
            ("0049 151 23456789", "US", "15123456789", "+49", "DE"),
            ("011 44 20 7946 0123", "US", "2079460123", "+44", "GB"),
            ("44 20 7946 0123", "GB", "2079460123", "+44", "GB"),
            ("tel:+33-6-12-34-56-78", "US", "612345678", "+33", "FR"),
            ("+39 06 1234 5678", "US", "0612345678", "+39", "IT"),
            ("8 (912) 345-67-89", "RU", "9123456789", "+7", "RU"),
            ("011 15-2345-6789", "AR", "91123456789", "+54", "AR"),
            ("+1 268 464 1234", "US", "2684641234", "+1", "AG"),
            ("(268) 464-1234", "US", "2684641234", "+1", "AG"),
            ("+254 712 123456", "DE", "712123456", "+254", "KE"),
            ("+800 1234 5678", "US", "12345678", "+800", ""),
        ])
    func reads(text: String, region: String, number: String, callingCode: String, country: String) {
        #expect(
            structured(text, region)
                == StructuredPhone(nationalNumber: number, callingCode: callingCode, region: country))
    }

    @Test("a local number of a small island gets its area code, as libphonenumber's transform rule gives it")
    func localIslandNumber() {
        #expect(
            structured("464-1234", "AG")
                == StructuredPhone(nationalNumber: "2684641234", callingCode: "+1", region: "AG"))
    }

    @Test(
        "an extension is read apart, never into the digits",
        arguments: [
            "+1 201 555 0123 x45", "+1 201 555 0123 ext. 45", "+1 201 555 0123;ext=45", "(201) 555-0123 extension 45",
        ])
    func extensions(text: String) {
        #expect(
            structured(text, "US")
                == StructuredPhone(nationalNumber: "2015550123", callingCode: "+1", region: "US", extensionNumber: "45")
        )
    }

    @Test(
        "numbers that cannot be dialled are refused with a reason",
        arguments: [
            ("12", "US"), ("555-CALL-NOW", "US"), ("n/a", "US"), ("+1 555", "US"), ("(015) 555-0123", "US"),
            ("+999 1234 5678", "US"), ("020 3525 35", "GB"), ("030 12345678", nil), ("+49 30 1+2", "DE"),
        ])
    func refused(text: String, region: String?) {
        #expect(structured(text, region) == nil)
    }

    @Test("a local number without its area code says so")
    func localOnly() {
        #expect(PhoneRule.structure("555 0123", defaultRegion: "US") == .failure(.localOnly(digits: 7, region: "US")))
    }

    @Test("an impossible length names the region's lengths")
    func impossibleLength() {
        let result = PhoneRule.structure("+44 20 7946 01234", defaultRegion: nil)
        #expect(
            result == .failure(.impossibleLength(digits: 11, region: "GB", callingCode: "44", lengths: [7, 9, 10])))
    }

    @Test("Twenty's own strictness accepts any 2 to 17 digit national number of a known calling code")
    func twentyStrictness() {
        let short = PhoneRule.structure(number: "+1 555", statedRegion: "", statedCallingCode: "", strictness: .parses)
        #expect(short == .success(StructuredPhone(nationalNumber: "555", callingCode: "+1", region: "US")))
    }

    @Test("a stated country must agree with the stated calling code and with the number")
    func statedConflicts() {
        #expect(
            PhoneRule.structure(number: "612345678", statedRegion: "FR", statedCallingCode: "+44", strictness: .parses)
                == .failure(.regionConflict(stated: "FR", callingCode: "+44")))
        #expect(
            PhoneRule.structure(
                number: "+33 6 12 34 56 78", statedRegion: "GB", statedCallingCode: "", strictness: .parses)
                == .failure(.regionConflict(stated: "GB", callingCode: "+33")))
        #expect(
            PhoneRule.structure(number: "612345678", statedRegion: "ZZ", statedCallingCode: "", strictness: .parses)
                == .failure(.unknownRegion("ZZ")))
    }

    @Test("a national number with neither a country nor a calling code cannot be read")
    func noCallingCode() {
        #expect(PhoneRule.structure("030 1234567", defaultRegion: nil) == .failure(.noCallingCode))
    }

    @Test("without a country, plausibility asks for a calling code or 7 to 17 digits")
    func plausibility() {
        #expect(PhoneRule.isPlausible("(020) 7946 0958"))
        #expect(PhoneRule.isPlausible("+33 6 12 34 56 78"))
        #expect(!PhoneRule.isPlausible("12345"))
        #expect(!PhoneRule.isPlausible("+1 555"))
        #expect(!PhoneRule.isPlausible("call me"))
    }
}
