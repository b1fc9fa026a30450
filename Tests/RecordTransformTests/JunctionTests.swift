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
                FieldMapping(
                    column: "Project ID", target: "projectId", transform: .reference, confidence: 1, reasons: [],
                    references: "projects"),
                FieldMapping(
                    column: "Contact ID", target: "personId", transform: .reference, confidence: 1, reasons: [],
                    references: "contacts"),
                FieldMapping(
                    column: "Role", target: "roleCustom", transform: .select, confidence: 1, reasons: [],
                    newField: role,
                    values: [ValueMapping(source: "Sponsor", target: "SPONSOR")]),
            ])
    }()

    static let projectId = "6ba7b810-9dad-11d1-80b4-00c04fd430c8"

    @Test func aJunctionRecordCarriesTheLinksOwnAttributesBesideItsTwoEnds() throws {
        let map = FieldMap(twenty: TwentyTarget(), objects: [Self.linkMap])
        let transformer = RecordTransformer(
            objectMap: Self.linkMap, context: try TransformContext(projectId: Self.projectId, map: map))
        let outcome = transformer.transform(
            sourceId: "P1|C1", file: "relationships/projects__contacts.csv", line: 2,
            values: ["Project ID": "P1", "Contact ID": "C1", "Role": "Sponsor"])
        let payload = try #require(outcome.payload)
        #expect(payload["roleCustom"] == .string("SPONSOR"))
    }

    @Test func eachJoinColumnOfAJunctionRecordHoldsTheIdTheIdentityGivesItsOwnParent() throws {
        let map = FieldMap(twenty: TwentyTarget(), objects: [Self.linkMap])
        let transformer = RecordTransformer(
            objectMap: Self.linkMap, context: try TransformContext(projectId: Self.projectId, map: map))
        let identity = RecordIdentity(projectId: Self.projectId)
        // Two rows sharing a project and two sharing a contact: each end must follow its own column, per row.
        let rows = [("P1", "C1"), ("P1", "C2"), ("P2", "C1")]
        var seen: Set<[String]> = []
        for (line, (project, contact)) in rows.enumerated() {
            let sourceId = "\(project)|\(contact)"
            let outcome = transformer.transform(
                sourceId: sourceId, file: "relationships/projects__contacts.csv", line: line + 2,
                values: ["Project ID": project, "Contact ID": contact, "Role": "Sponsor"])
            guard case .transformed(let record) = outcome else {
                Issue.record("\(sourceId) was rejected: \(outcome)")
                continue
            }
            let projectTwentyId = identity.id(object: "projects", sourceId: project)
            let personTwentyId = identity.id(object: "contacts", sourceId: contact)
            #expect(record.payload["projectId"] == .string(projectTwentyId), "row \(sourceId)")
            #expect(record.payload["personId"] == .string(personTwentyId), "row \(sourceId)")
            // The junction record's own id is its own source id's, and validation is told of both parents.
            #expect(record.twentyId == identity.id(object: "projects__contacts", sourceId: sourceId))
            #expect(record.payload["id"] == .string(record.twentyId))
            #expect(record.targetObject == "projectContact")
            #expect(
                Set(record.references.map { [$0.joinColumn, $0.object, $0.sourceId] })
                    == [["projectId", "projects", project], ["personId", "contacts", contact]])
            seen.insert([projectTwentyId, personTwentyId])
        }
        #expect(seen.count == rows.count)
    }

    @Test func anUnknownAttributeValueOnAJunctionRecordIsRejectedWithItsColumn() throws {
        let map = FieldMap(twenty: TwentyTarget(), objects: [Self.linkMap])
        let transformer = RecordTransformer(
            objectMap: Self.linkMap, context: try TransformContext(projectId: "p", map: map))
        let outcome = transformer.transform(
            sourceId: "P1|C2", file: "relationships/projects__contacts.csv", line: 3,
            values: ["Project ID": "P1", "Contact ID": "C2", "Role": "Janitor"])
        #expect(outcome.payload == nil)
        #expect(outcome.codes == [.unknownOption])
    }
}
