import CanonicalJSON
import Testing

@Suite struct PhoneAcceptanceTests {
    func create(_ phones: String) async throws -> (status: Int, body: JSONValue) {
        try await Sandbox().send("POST", "/rest/people", json: #"{"phones":\#(phones)}"#)
    }

    @Test(arguments: [
        ("+254 712 345678", "KE", "+254"), ("+81 3-1234-5678", "JP", "+81"), ("+55 11 91234-5678", "BR", "+55"),
        ("+358 40 1234567", "FI", "+358"),
    ])
    func aNumberFromAnyRegionParsesAndIsStoredNationallyWithItsCodes(number: String, country: String, calling: String)
        async throws
    {
        let (status, body) = try await create(#"{"primaryPhoneNumber":"\#(number)"}"#)
        #expect(status == 201)
        let phones = body["data", "createPerson", "phones"]
        #expect(phones?["primaryPhoneCountryCode"] == .string(country))
        #expect(phones?["primaryPhoneCallingCode"] == .string(calling))
        #expect(phones?["primaryPhoneNumber"]?.stringValue?.hasPrefix("+") == false)
    }

    @Test func aNationalNumberTakesItsRegionFromTheStatedCountry() async throws {
        let (status, body) = try await create(#"{"primaryPhoneNumber":"0712 345678","primaryPhoneCountryCode":"KE"}"#)
        #expect(status == 201)
        #expect(body["data", "createPerson", "phones", "primaryPhoneCallingCode"] == "+254")
        #expect(body["data", "createPerson", "phones", "primaryPhoneNumber"] == "712345678")
    }

    @Test func aCallingCodeConflictingWithTheNumberIsRefused() async throws {
        let (status, _) = try await create(#"{"primaryPhoneNumber":"+254 712 345678","primaryPhoneCallingCode":"+44"}"#)
        #expect(status == 400)
    }

    @Test func aCountryConflictingWithTheNumberIsRefused() async throws {
        let (status, _) = try await create(#"{"primaryPhoneNumber":"+81 3-1234-5678","primaryPhoneCountryCode":"BR"}"#)
        #expect(status == 400)
    }

    @Test func anAdditionalPhoneWithAConflictingCallingCodeFailsTheRecord() async throws {
        let (status, _) = try await create(
            #"{"primaryPhoneNumber":"+33 6 12 34 56 78","additionalPhones":[{"number":"+254 712 345678","callingCode":"+33"}]}"#
        )
        #expect(status == 400)
    }
}
