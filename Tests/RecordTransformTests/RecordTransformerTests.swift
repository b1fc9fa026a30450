import FieldMap
import Ledger
import Testing

@testable import RecordTransform

@Suite("Record transform")
struct RecordTransformerTests {
    let map = GeneratedExportMap.map()
    var context: TransformContext {
        get throws {
            try TransformContext(
                projectId: GeneratedProject.projectId, map: map,
                members: ["sofia@meridian.io": "m-sofia", "emily@meridian.io": "m-emily"])
        }
    }

    @Test("a contact becomes a person payload with its composites, deterministic id and allegoryId")
    func contactPayload() throws {
        let context = try self.context
        let transformer = RecordTransformer(objectMap: map.object(source: "contacts")!, context: context)
        let outcome = transformer.transform(
            sourceId: "C000002", file: "contacts.csv", line: 3,
            values: [
                "First Name": "Fatima", "Last Name": "Lee", "Email": " FatimaLee2@Cloudview.co.uk ",
                "Other Emails": "f.lee@home.org; fatimalee2@cloudview.co.uk",
                "Phone": "020 3525 3562", "Mobile": "", "Company ID": "CO00142", "Country": "United Kingdom",
                "Created": "2022-06-11T15:07:57Z",
            ])
        let payload = try #require(outcome.payload)
        #expect(payload["name"] == .object(["firstName": .string("Fatima"), "lastName": .string("Lee")]))
        #expect(
            payload["emails"]
                == .object([
                    "primaryEmail": .string("fatimalee2@cloudview.co.uk"),
                    "additionalEmails": .array([.string("f.lee@home.org")]),
                ]))
        #expect(
            payload["phones"]
                == .object([
                    "primaryPhoneNumber": .string("2035253562"), "primaryPhoneCallingCode": .string("+44"),
                    "primaryPhoneCountryCode": .string("GB"),
                ]))
        #expect(payload["companyId"] == .string(context.identity.id(object: "companies", sourceId: "CO00142")))
        #expect(payload["id"] == .string(context.identity.id(object: "contacts", sourceId: "C000002")))
        #expect(payload["allegoryId"] == .string("C000002"))
        #expect(payload["createdAt"] == .string("2022-06-11T15:07:57.000Z"))
    }

    @Test("a company's amount, currency, domain link, address and owner are assembled")
    func companyPayload() throws {
        let transformer = RecordTransformer(objectMap: map.object(source: "companies")!, context: try context)
        let payload = try #require(
            transformer.transform(
                sourceId: "CO00001", file: "companies.csv", line: 2,
                values: [
                    "Company Name": "Northworks S.L.", "Website": "www.Northworks1.es/", "Employees": "110",
                    "Annual Revenue": "9298080.79",
                    "Revenue Currency": "", "City": "Madrid", "Country": "Spain", "Owner Email": "emily@meridian.io",
                    "Created": "06/01/2020",
                ]
            ).payload)
        #expect(
            payload["annualRecurringRevenue"]
                == .object(["amountMicros": .integer(9_298_080_790_000), "currencyCode": .string("USD")]))
        #expect(payload["domainName"] == .object(["primaryLinkUrl": .string("https://www.northworks1.es")]))
        #expect(payload["address"] == .object(["addressCity": .string("Madrid"), "addressCountry": .string("Spain")]))
        #expect(payload["employees"] == .integer(110))
        #expect(payload["accountOwnerId"] == .string("m-emily"))
        #expect(payload["createdAt"] == .string("2020-06-01T04:00:00.000Z"))
    }

    @Test("a rejected record lists every refused value with its column, file and line")
    func everyReason() throws {
        let transformer = RecordTransformer(objectMap: map.object(source: "deals")!, context: try context)
        let rejection = try #require(
            transformer.transform(
                sourceId: "D000009", file: "deals.csv", line: 10,
                values: [
                    "Deal Name": "Big one", "Amount": "1e6", "Currency": "DEM", "Stage": "Stalled",
                    "Close Date": "02/30/2024",
                ]
            ).rejection)
        #expect(rejection.reasons.map(\.code) == [.invalidAmount, .unknownCurrency, .unknownOption, .invalidDate])
        #expect(rejection.reasons.map(\.field) == ["Amount", "Currency", "Stage", "Close Date"])
        #expect(rejection.event.reasons.allSatisfy { $0.message.hasPrefix("deals.csv:10 D000009: ") })
        #expect(rejection.event.file == "deals.csv" && rejection.event.line == 10)
    }

    @Test("an invalid phone is kept as text, dropped or rejected as the map's policy says")
    func invalidPhonePolicy() throws {
        let values = ["First Name": "Ada", "Phone": "555-CALL-NOW"]
        for (policy, expected) in [
            (MapPolicies.InvalidPhone.keepAsText, "kept"), (.drop, "dropped"), (.reject, "rejected"),
        ] {
            var map = self.map
            map.policies.invalidPhone = policy
            let transformer = RecordTransformer(
                objectMap: map.object(source: "contacts")!, context: try TransformContext(projectId: "p", map: map))
            let outcome = transformer.transform(sourceId: "C1", file: "contacts.csv", line: 2, values: values)
            switch expected {
            case "kept":
                #expect(outcome.payload?["phoneText"] == .string("555-CALL-NOW") && outcome.payload?["phones"] == nil)
            case "dropped": #expect(outcome.payload?["phoneText"] == nil && outcome.payload?["phones"] == nil)
            default: #expect(outcome.codes == [.invalidPhone])
            }
        }
    }
}
