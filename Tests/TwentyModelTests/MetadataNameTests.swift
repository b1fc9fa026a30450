import Testing
import TwentyModel

@Suite struct MetadataNameTests {
    @Test func aLabelBecomesACamelCaseName() {
        #expect(MetadataName.camelCase(fromLabel: "Annual Revenue (EUR)") == "annualRevenueEur")
        #expect(MetadataName.camelCase(fromLabel: "Lead Source") == "leadSource")
        #expect(MetadataName.camelCase(fromLabel: "NPS score") == "npsScore")
        #expect(MetadataName.camelCase(fromLabel: "3rd party id") == "field3rdPartyId")
    }

    @Test func aReservedLabelGetsCustomAppended() {
        #expect(MetadataName.camelCase(fromLabel: "Type") == "typeCustom")
        #expect(MetadataName.camelCase(fromLabel: "Address") == "addressCustom")
        #expect(MetadataName.problem(with: "typeCustom") == nil)
    }

    @Test func namesTwentyRefusesAreNamedWithTheirProblem() {
        #expect(MetadataName.problem(with: "") == .empty)
        #expect(MetadataName.problem(with: "Industry") == .notCamelCase)
        #expect(MetadataName.problem(with: "lead_source") == .notCamelCase)
        #expect(MetadataName.problem(with: "events") == .reserved)
        #expect(MetadataName.problem(with: String(repeating: "a", count: 64)) == .tooLong(64))
        #expect(MetadataName.problem(with: "leadSource") == nil)
    }

    @Test func optionValuesFollowTwentysPattern() {
        #expect(SelectOption.value(forLabel: "Closed Won") == "CLOSED_WON")
        #expect(SelectOption.value(forLabel: "2nd call") == "_2ND_CALL")
        #expect(SelectOption.isValidValue("CLOSED_WON"))
        #expect(!SelectOption.isValidValue("Closed Won"))
        #expect(!SelectOption.isValidValue("9LIVES"))
    }
}

@Suite struct StandardObjectsTests {
    @Test func taskTargetsNameTheirParentsByVersion() {
        let v1 = StandardObjects.object(named: "taskTarget", .v1)!
        let v2 = StandardObjects.object(named: "taskTarget", .v2)!
        #expect(v1.relation(joinColumn: "personId") != nil)
        #expect(v2.relation(joinColumn: "targetPersonId") != nil)
        #expect(v2.relation(joinColumn: "personId") == nil)
    }

    @Test func uniqueFieldsAreTheOnesTwentyEnforces() {
        let unique = StandardObjects.catalog().flatMap { object in
            object.fields.filter(\.isUnique).map { "\(object.nameSingular).\($0.name)" }
        }
        #expect(unique == ["company.domainName", "person.emails"])
    }

    @Test func stageIsARequiredSelectWithADefault() {
        let stage = StandardObjects.object(named: "opportunity")!.field(named: "stage")!
        #expect(stage.type == .select)
        #expect(stage.defaultValue == "'NEW'")
        #expect(!stage.isRequired)
        #expect(stage.options?.map(\.value) == ["NEW", "SCREENING", "MEETING", "PROPOSAL", "CUSTOMER"])
    }
}
