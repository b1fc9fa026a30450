import Testing
import ValueRules

@Suite("libphonenumber's example numbers")
struct ExampleNumberTests {
    @Test("the fixture holds the fixed-line and mobile example numbers of every region")
    func fixtureIsComplete() {
        #expect(ExampleNumber.all.count == 492)
        // 245 countries and territories, and `001` for the non-geographic calling codes.
        #expect(Set(ExampleNumber.all.map(\.region)).count == 246)
    }

    @Test("every example number in E.164 structures to its calling code, national number and region")
    func e164() {
        var exact = 0
        for number in ExampleNumber.all {
            guard case .success(let phone) = PhoneRule.structure(number.e164, defaultRegion: nil) else {
                Issue.record("\(number) did not structure")
                continue
            }
            #expect(phone.callingCode == "+" + number.callingCode, "\(number)")
            #expect(phone.nationalNumber == number.nationalNumber, "\(number)")
            let expected = ExampleNumber.sharedInE164["\(number.region) \(number.type)"] ?? number.expectedRegion
            #expect(phone.region == expected, "\(number)")
            if phone.region == number.expectedRegion { exact += 1 }
        }
        // 481 of 492 to their own region; the 11 others to the region libphonenumber gives their shared range.
        #expect(exact == 481)
    }

    @Test("every example number in national format, with its region given, structures to its region")
    func national() {
        var exact = 0
        // The non-geographic entities (+800, +882...) have no national format and no country to give.
        for number in ExampleNumber.all where number.region != "001" {
            guard case .success(let phone) = PhoneRule.structure(number.national, defaultRegion: number.region) else {
                Issue.record("\(number) as \(number.national) did not structure")
                continue
            }
            #expect(phone.callingCode == "+" + number.callingCode, "\(number) as \(number.national)")
            #expect(phone.nationalNumber == number.nationalNumber, "\(number) as \(number.national)")
            let expected = ExampleNumber.sharedInNational["\(number.region) \(number.type)"] ?? number.region
            #expect(phone.region == expected, "\(number) as \(number.national)")
            if phone.region == number.region { exact += 1 }
        }
        // 485 of the 489 geographic numbers to their own region; the 4 others' leading digits are the main country's.
        #expect(exact == 485)
    }

    @Test(
        "a structured number sent back with its region and calling code is accepted unchanged, as Twenty re-reads a payload"
    )
    func roundTrip() {
        for number in ExampleNumber.all where ExampleNumber.sharedInNational["\(number.region) \(number.type)"] == nil {
            let result = PhoneRule.structure(
                number: number.nationalNumber, statedRegion: number.expectedRegion,
                statedCallingCode: "+" + number.callingCode, strictness: .parses)
            #expect(
                result
                    == .success(
                        StructuredPhone(
                            nationalNumber: number.nationalNumber, callingCode: "+" + number.callingCode,
                            region: number.expectedRegion)), "\(number)")
        }
    }

    @Test("a shared-range number stated as the dependency conflicts, as Twenty finds it conflicting")
    func sharedRangeConflicts() {
        let aland = PhoneRule.structure(
            number: "412345678", statedRegion: "AX", statedCallingCode: "+358", strictness: .parses)
        #expect(aland == .failure(.inferredRegionConflict(stated: "AX", number: "FI")))
    }
}
