import CanonicalJSON
import FieldMap
import RecordTransform
import Testing
import TwentyModel

@Suite struct JunctionTests {
    static let linkMap: ObjectMap = {
        let object = NewObject(
            nameSingular: "projectContact", namePlural: "projectContacts", labelSingular: "Project Contact",
            labelPlural: "Project Contacts")
        let junction = Junction(
            object: object, first: .init(column: "Project ID", sourceObject: "projects", field: "project"),
            second: .init(column: "Contact ID", sourceObject: "contacts", field: "person"))
        let role = NewField(
            name: "roleCustom", label: "Role", type: .select,
            options: [SelectOption(value: "SPONSOR", label: "Sponsor", position: 0)])
        return ObjectMap(
            source: "projects__contacts", file: "relationships/projects__contacts.csv", key: "Project ID",
            target: "projectContact", disposition: .junction(junction), confidence: 1, reasons: [],
            fields: [
                FieldMapping(column: "Project ID", target: "projectId", transform: .reference, confidence: 1, reasons: [], references: "projects"),
                FieldMapping(column: "Contact ID", target: "personId", transform: .reference, confidence: 1, reasons: [], references: "contacts"),
                FieldMapping(
                    column: "Role", target: "roleCustom", transform: .select, confidence: 1, reasons: [], newField: role,
                    values: [ValueMapping(source: "Sponsor", target: "SPONSOR")]),
            ])
    }()

    @Test func aJunctionRecordCarriesTheLinksOwnAttributesBesideItsTwoEnds() throws {
        let map = FieldMap(twenty: TwentyTarget(), objects: [Self.linkMap])
        let transformer = RecordTransformer(objectMap: Self.linkMap, context: try TransformContext(projectId: "p", map: map))
        let outcome = transformer.transform(
            sourceId: "P1|C1", file: "relationships/projects__contacts.csv", line: 2,
            values: ["Project ID": "P1", "Contact ID": "C1", "Role": "Sponsor"])
        let payload = try #require(outcome.payload)
        #expect(payload["roleCustom"] == .string("SPONSOR"))
        #expect(payload["projectId"] != nil)
        #expect(payload["personId"] != nil)
    }

    @Test func anUnknownAttributeValueOnAJunctionRecordIsRejectedWithItsColumn() throws {
        let map = FieldMap(twenty: TwentyTarget(), objects: [Self.linkMap])
        let transformer = RecordTransformer(objectMap: Self.linkMap, context: try TransformContext(projectId: "p", map: map))
        let outcome = transformer.transform(
            sourceId: "P1|C2", file: "relationships/projects__contacts.csv", line: 3,
            values: ["Project ID": "P1", "Contact ID": "C2", "Role": "Janitor"])
        #expect(outcome.payload == nil)
        #expect(outcome.codes == [.unknownOption])
    }
}
