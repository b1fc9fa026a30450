import FieldMap
import Ledger
import Testing

@testable import RecordTransform

@Suite("The record's country for phone numbers")
struct CountryColumnTests {
    static func field(_ column: String, _ target: String?, _ transform: Transform) -> FieldMapping {
        FieldMapping(column: column, target: target, transform: transform, confidence: 1, reasons: [])
    }

    static func map(_ fields: [FieldMapping]) -> FieldMap {
        FieldMap(
            twenty: TwentyTarget(), defaults: MapDefaults(timeZone: "America/New_York", country: "US", currency: "USD"),
            owners: OwnerMap(fallback: "sofia@meridian.io"),
            objects: [
                ObjectMap(
                    source: "contacts", file: "contacts.csv", key: "Contact ID", target: "person", confidence: 1,
                    reasons: [], fields: fields)
            ])
    }

    @Test("any address field's addressCountry gives the country, whatever its column is called")
    func anyAddressCountry() throws {
        let map = Self.map([
            Self.field("First Name", "name.firstName", .text), Self.field("Phone", "phones.primaryPhoneNumber", .phone),
            Self.field("Land", "workAddress.addressCountry", .text),
        ])
        let objectMap = try #require(map.object(source: "contacts"))
        #expect(RecordTransformer.countryField(of: objectMap)?.column == "Land")
        let transformer = RecordTransformer(
            objectMap: objectMap, context: try TransformContext(projectId: "p", map: map))
        let outcome = transformer.transform(
            sourceId: "C1", file: "contacts.csv", line: 2,
            values: [
                "First Name": "Jonas", "Phone": "030 12345678", "Land": "Germany",
            ])
        let phones = try #require(outcome.payload?["phones"])
        #expect(
            phones["primaryPhoneCallingCode"] == .string("+49") && phones["primaryPhoneCountryCode"] == .string("DE"))
        #expect(phones["primaryPhoneNumber"] == .string("3012345678"))
    }

    @Test("an address country is preferred to a column named Country, which counts when no address country is mapped")
    func addressCountryBeforeCountryColumn() throws {
        let withAddress = Self.map([
            Self.field("Country", nil, .skip), Self.field("Office Country", "officeAddress.addressCountry", .text),
        ])
        #expect(
            RecordTransformer.countryField(of: try #require(withAddress.object(source: "contacts")))?.column
                == "Office Country")
        let withoutAddress = Self.map([
            Self.field("Office City", "officeAddress.addressCity", .text), Self.field("country", nil, .skip),
        ])
        #expect(
            RecordTransformer.countryField(of: try #require(withoutAddress.object(source: "contacts")))?.column
                == "country")
        let neither = Self.map([Self.field("Countryside", "jobTitle", .text)])
        #expect(RecordTransformer.countryField(of: try #require(neither.object(source: "contacts"))) == nil)
    }
}
