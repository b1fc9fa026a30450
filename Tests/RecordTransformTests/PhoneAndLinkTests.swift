import Testing

@testable import RecordTransform

@Suite("Phones and links")
struct PhoneAndLinkTests {
    @Test(
        "phones are normalised per country",
        arguments: [
            ("(415) 555-0123", "US", "4155550123", "+1", "US"),
            ("+1 415 555 0123", "GB", "4155550123", "+1", "US"),
            ("1-604-555-0199", "CA", "6045550199", "+1", "CA"),
            ("020 3525 3562", "GB", "2035253562", "+44", "GB"),
            ("+44 (0)20 7946 0123", "US", "2079460123", "+44", "GB"),
            ("030 12345678", "DE", "3012345678", "+49", "DE"),
            ("0049 151 23456789", "US", "15123456789", "+49", "DE"),
            ("01 42 68 53 00", "FR", "142685300", "+33", "FR"),
            ("+34917086282", "US", "917086282", "+34", "ES"),
            ("+39 06 1234 5678", "US", "0612345678", "+39", "IT"),
            // Countries the transform's former 31-country table did not know: now every region of libphonenumber.
            ("+254 712 123456", "US", "712123456", "+254", "KE"),
            ("0712 123456", "KE", "712123456", "+254", "KE"),
            ("+880 1812-345678", "US", "1812345678", "+880", "BD"),
            ("8 (912) 345-67-89", "RU", "9123456789", "+7", "RU"),
            ("(268) 464-1234", "US", "2684641234", "+1", "AG"),
        ])
    func normalised(raw: String, country: String, number: String, callingCode: String, countryCode: String) throws {
        #expect(
            try Phones.parse(raw, defaultCountry: country).get()
                == PhoneNumber(nationalNumber: number, callingCode: callingCode, country: countryCode))
    }

    @Test(
        "numbers that cannot be dialled are invalid-phone",
        arguments: [
            "12", "555-CALL-NOW", "n/a", "+1 555", "call me", "(015) 555-0123", "+999 1234 5678", "020 3525 35",
            "555 0123 x12",
        ])
    func invalid(raw: String) throws { #expect(Phones.parse(raw, defaultCountry: "US").failureCode == .invalidPhone) }

    @Test("a number with an extension is invalid-phone, so the policy keeps the extension rather than drop it")
    func extensions() throws {
        let result = Phones.parse("+1 201 555 0123 ext. 45", defaultCountry: "US")
        #expect(result.failureCode == .invalidPhone)
        if case .failure(let rejection) = result { #expect(rejection.message.contains("extension (45)")) }
    }

    @Test("URLs get https, a lower-case host and no trailing slash")
    func urls() throws {
        #expect(try Links.url("www.Acme.com/").get() == "https://www.acme.com")
        #expect(try Links.url("HTTP://Acme.COM/About/").get() == "http://acme.com/About")
        #expect(try Links.url("acme.co.uk").get() == "https://acme.co.uk")
    }

    @Test(
        "garbage URLs are refused as invalid-url",
        arguments: ["n/a", "not a url", "javascript:alert(1)", "ftp://acme.com", "acme", "http://acme.c0m"])
    func invalidURLs(raw: String) throws { #expect(Links.url(raw).failureCode == .invalidURL) }

    @Test("a company's domain drops the scheme, www. and the path")
    func domains() throws {
        #expect(Links.domain(ofURL: "https://www.acme.com/about") == "acme.com")
        #expect(Links.domain(ofURL: "http://ACME.com") == "acme.com")
    }
}
