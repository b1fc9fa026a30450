import CanonicalJSON
import FieldMap
import Testing
import TwentyClient
import TwentyModel

@testable import RecordTransform

/// The transform against the workspace it writes for, read through the client from an in-process sandbox: owners
/// resolve to the members the workspace really has, and each field is transformed for the type it really holds.
@Suite("Transform against a workspace")
struct WorkspaceTransformTests {
    static func field(_ column: String, _ target: String, _ transform: Transform, newField: NewField? = nil)
        -> FieldMapping
    {
        FieldMapping(
            column: column, target: target, transform: transform, confidence: 1, reasons: [], newField: newField)
    }

    static func companies(_ fields: [FieldMapping]) -> ObjectMap {
        ObjectMap(
            source: "companies", file: "companies.csv", key: "Company ID", target: "company", confidence: 1,
            reasons: [], fields: [field("Name", "name", .text)] + fields)
    }

    static let owned = companies([field("Owner", "accountOwnerId", .owner)])

    static func transform(
        _ object: ObjectMap, _ values: [String: String], context: TransformContext
    ) -> TransformOutcome {
        RecordTransformer(objectMap: object, context: context).transform(
            sourceId: "CO1", file: object.file, line: 2, values: ["Name": "Acme"].merging(values) { $1 })
    }

    @Test("owners resolve to the member ids the workspace gives, and an owner with no member goes to the fallback")
    func ownersResolveToMembers() async throws {
        let sandbox = try SandboxWorkspace()
        try await sandbox.addMembers(["ada@ours.io", "bob@ours.io"])
        let ids = Dictionary(
            uniqueKeysWithValues: try await sandbox.client.members().compactMap { member in
                member.userEmail.map { ($0, member.id) }
            })
        let map = FieldMap(
            twenty: TwentyTarget(),
            owners: OwnerMap(members: [.init(source: "ada@old.io", target: "ada@ours.io")], fallback: "bob@ours.io"),
            objects: [Self.owned])
        let workspace = try await TransformWorkspace.read(sandbox.client)
        let context = try TransformContext(projectId: "p", map: map, workspace: workspace)

        let mapped = Self.transform(Self.owned, ["Owner": "ADA@old.io"], context: context)
        #expect(mapped.payload?["accountOwnerId"] == .string(try #require(ids["ada@ours.io"])))
        let former = Self.transform(Self.owned, ["Owner": "former@old.io"], context: context)
        #expect(former.payload?["accountOwnerId"] == .string(try #require(ids["bob@ours.io"])))
        let member = Self.transform(Self.owned, ["Owner": "bob@ours.io"], context: context)
        #expect(member.payload?["accountOwnerId"] == .string(try #require(ids["bob@ours.io"])))
    }

    @Test("with no fallback an owner with no member is left without one, and a member the map names must exist")
    func missingMembers() async throws {
        let sandbox = try SandboxWorkspace()
        try await sandbox.addMembers(["ada@ours.io"])
        let workspace = try await TransformWorkspace.read(sandbox.client)

        let noFallback = FieldMap(twenty: TwentyTarget(), objects: [Self.owned])
        let context = try TransformContext(projectId: "p", map: noFallback, workspace: workspace)
        let former = Self.transform(Self.owned, ["Owner": "former@old.io"], context: context)
        #expect(former.payload != nil)
        #expect(former.payload?["accountOwnerId"] == nil)

        var wrong = noFallback
        wrong.owners = OwnerMap(members: [.init(source: "eve@old.io", target: "eve@ours.io")], fallback: "zed@ours.io")
        let error = try #require(throws: WorkspaceFitError.self) {
            try TransformContext(projectId: "p", map: wrong, workspace: workspace)
        }
        #expect(error.problems.map(\.object) == ["owners"])
        #expect(error.problems[0].message.contains("2 member(s) the workspace does not have: eve@ours.io, zed@ours.io"))
    }

    @Test("a field the map creates is transformed as declared until the workspace holds it, then for its real type")
    func createdFieldFollowsTheWorkspace() async throws {
        let sandbox = try SandboxWorkspace()
        let website = Self.field(
            "Second Website", "website2.primaryLinkUrl", .url,
            newField: NewField(name: "website2", label: "Second website", type: .links))
        let object = Self.companies([website])
        let map = FieldMap(twenty: TwentyTarget(), objects: [object])

        // Before prepare: not an error, and written as the LINKS field the map declares.
        let before = try TransformContext(
            projectId: "p", map: map, workspace: try await TransformWorkspace.read(sandbox.client))
        let declared = Self.transform(object, ["Second Website": "acme.io"], context: before)
        #expect(declared.payload?["website2"]?["primaryLinkUrl"]?.stringValue == "https://acme.io")

        // Someone created it as TEXT: the whole value goes to the text field.
        try await sandbox.createField(on: "company", name: "website2", type: .text)
        let after = try TransformContext(
            projectId: "p", map: map, workspace: try await TransformWorkspace.read(sandbox.client))
        let real = Self.transform(object, ["Second Website": "acme.io"], context: after)
        #expect(real.payload?["website2"] == .string("https://acme.io"))
    }

    @Test("a standard field the workspace holds as another type than the catalogue is transformed for that type")
    func standardFieldOfAnotherType() throws {
        var objects = StandardObjects.catalog(.v2)
        let person = try #require(objects.firstIndex { $0.nameSingular == "person" })
        let link = try #require(objects[person].fields.firstIndex { $0.name == "linkedinLink" })
        objects[person].fields[link].type = .text
        let workspace = TransformWorkspace(url: "http://127.0.0.1:3000", objects: objects, members: [:])
        let contacts = ObjectMap(
            source: "contacts", file: "contacts.csv", key: "Contact ID", target: "person", confidence: 1, reasons: [],
            fields: [
                Self.field("Name", "name", .fullName),
                Self.field("LinkedIn", "linkedinLink.primaryLinkUrl", .url),
            ])
        let map = FieldMap(twenty: TwentyTarget(), objects: [contacts])
        let values = ["Name": "Ada Lovelace", "LinkedIn": "linkedin.com/in/ada"]
        let catalogue = RecordTransformer(objectMap: contacts, context: try TransformContext(projectId: "p", map: map))
            .transform(sourceId: "C1", file: "contacts.csv", line: 2, values: values)
        #expect(catalogue.payload?["linkedinLink"]?["primaryLinkUrl"]?.stringValue == "https://linkedin.com/in/ada")
        let live = RecordTransformer(
            objectMap: contacts, context: try TransformContext(projectId: "p", map: map, workspace: workspace)
        ).transform(sourceId: "C1", file: "contacts.csv", line: 2, values: values)
        #expect(live.payload?["linkedinLink"] == .string("https://linkedin.com/in/ada"))
    }

    @Test("a target field the workspace lacks is an error naming the object, the column and the field, and prepare")
    func missingTargetField() async throws {
        // A map made against a v1 workspace (person.city) confirmed for a v2 one, which has no such field.
        let sandbox = try SandboxWorkspace(version: .v2)
        let contacts = ObjectMap(
            source: "contacts", file: "contacts.csv", key: "Contact ID", target: "person", confidence: 1, reasons: [],
            fields: [Self.field("Name", "name", .fullName), Self.field("City", "city", .text)])
        let map = FieldMap(twenty: TwentyTarget(version: .v1), objects: [contacts])
        let workspace = try await TransformWorkspace.read(sandbox.client)
        let error = try #require(throws: WorkspaceFitError.self) {
            try TransformContext(projectId: "p", map: map, workspace: workspace)
        }
        #expect(error.problems.count == 1)
        let problem = try #require(error.problems.first)
        #expect(problem.object == "contacts" && problem.column == "City")
        #expect(problem.description.hasPrefix("contacts.City: the workspace's person has no field city"))
        #expect(problem.kind == .missingTarget)
        #expect(error.description.contains("`crm-migrate prepare` creates"))
        #expect(error.description.contains(workspace.url))
    }

    @Test("a transform that cannot write the type the workspace holds is an error naming both types")
    func incompatibleRealType() async throws {
        let sandbox = try SandboxWorkspace()
        try await sandbox.createField(on: "company", name: "headcount", type: .boolean)
        let object = Self.companies([
            Self.field(
                "Headcount", "headcount", .number,
                newField: NewField(name: "headcount", label: "Headcount", type: .number))
        ])
        let map = FieldMap(twenty: TwentyTarget(), objects: [object])
        let workspace = try await TransformWorkspace.read(sandbox.client)
        let error = try #require(throws: WorkspaceFitError.self) {
            try TransformContext(projectId: "p", map: map, workspace: workspace)
        }
        #expect(
            error.problems.map(\.description) == [
                "companies.Headcount: transform number cannot write company.headcount: the workspace holds it as BOOLEAN (the map assumed NUMBER)"
            ])
    }
}
