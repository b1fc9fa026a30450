import Foundation
import Testing

@testable import AllegoryExport

@Suite("Field dictionaries")
struct FieldDefinitionsTests {
    @Test("custom_fields.csv gives each standard object its custom fields with type and pick-list values")
    func customFields() throws {
        let fixture = try CSVFixture(
            "Object,Field,Label,Type,Picklist Values\ncontacts,Lead Source,Lead Source,picklist,Web; Referral ;Partner\nCompanies,Tier,,Picklist,Gold;Silver\ncontacts,Newsletter,Newsletter Subscriber,boolean,\n",
            name: "custom_fields.csv")
        let (fields, findings) = try FieldDefinitions.customFields(at: fixture.url.path)
        #expect(findings.isEmpty)
        #expect(fields["contacts"]?.map(\.name) == ["Lead Source", "Newsletter"])
        #expect(fields["contacts"]?.first?.picklistValues == ["Web", "Referral", "Partner"])
        #expect(fields["contacts"]?.last?.label == "Newsletter Subscriber")
        #expect(
            fields["companies"]?.first
                == FieldDefinition(
                    name: "Tier", label: "Tier", type: "picklist", picklistValues: ["Gold", "Silver"], required: false,
                    lookupObject: nil))
    }

    @Test("a custom object's schema gives its labels, key column and fields, lookups with their target")
    func customObjectSchema() throws {
        let fixture = try CSVFixture(
            #"{"label": "Project", "pluralLabel": "Projects", "keyColumn": "Project ID", "fields": [{"name": "Project ID", "type": "text", "required": true}, {"name": "Status", "type": "picklist", "picklistValues": ["Active", "Done"]}, {"name": "Client", "label": "Client", "type": "lookup", "lookup": {"object": "companies"}}]}"#,
            name: "projects.schema.json")
        let schema = try FieldDefinitions.customObjectSchema(object: "projects", at: fixture.url.path)
        #expect(schema.label == "Project")
        #expect(schema.pluralLabel == "Projects")
        #expect(schema.keyColumn == "Project ID")
        #expect(schema.fields.map(\.name) == ["Project ID", "Status", "Client"])
        #expect(schema.fields[0].required)
        #expect(schema.fields[1].picklistValues == ["Active", "Done"])
        #expect(schema.fields[2].lookupObject == "companies")
    }
}
