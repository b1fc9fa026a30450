import Testing
import TwentyClient
import TwentyModel

@Suite("Discovery")
struct DiscoveryTests {
    @Test("discovery reads objects, members, the batch maximum and v2 naming from a v2 sandbox")
    func discoversV2() async throws {
        let sandbox = try InProcessSandbox(version: .v2, batchMax: 200)
        try await sandbox.addMembers(["ada@example.com", "grace@example.com"])
        let workspace = try await sandbox.client.describeWorkspace()
        #expect(workspace.batchMaximum == 200)
        #expect(workspace.batchMaximumStated)
        #expect(workspace.naming.targetJoin == .targetPrefixed)
        #expect(workspace.naming.joinColumn(to: "person") == "targetPersonId")
        #expect(workspace.naming.attachmentFileField == "file")
        #expect(workspace.naming.richTextType == "RICH_TEXT_V2")
        #expect(workspace.version == .v2)
        #expect(workspace.object("person")?.field(named: "emails")?.type == .emails)
        #expect(workspace.object("company")?.field(named: "accountOwner")?.relation?.joinColumn == "accountOwnerId")
        let emails = workspace.members.compactMap(\.userEmail)
        #expect(emails.contains("ada@example.com") && emails.contains("grace@example.com"))
        #expect(workspace.members.allSatisfy { !$0.id.isEmpty })
    }

    @Test("fields the workspace marks custom are listed per object")
    func customFields() async throws {
        let sandbox = try InProcessSandbox(version: .v2)
        let metadata = try await sandbox.client.get("rest/metadata/objects")
        let company = metadata["data"]?["objects"].flatMap { objects -> String? in
            guard case .array(let items) = objects else { return nil }
            return items.first { $0["nameSingular"]?.stringValue == "company" }?["id"]?.stringValue
        }
        let field = try JSONValueText.parse(
            #"{"objectMetadataId":"\#(company ?? "")","type":"TEXT","name":"allegoryId","label":"Allegory id"}"#)
        _ = try await sandbox.client.send("POST", "rest/metadata/fields", body: field)
        let workspace = try await sandbox.client.describeWorkspace()
        #expect(workspace.customFields["company"] == ["allegoryId"])
        #expect(workspace.customFields["person"] == nil)
    }

    @Test("discovery reads v1 naming and a batch maximum of 60 from a v1 sandbox")
    func discoversV1() async throws {
        let sandbox = try InProcessSandbox(version: .v1, batchMax: 60)
        let workspace = try await sandbox.client.describeWorkspace()
        #expect(workspace.batchMaximum == 60)
        #expect(workspace.naming.targetJoin == .plain)
        #expect(workspace.naming.joinColumn(to: "person") == "personId")
        #expect(workspace.naming.attachmentFileField == "fullPath")
        #expect(workspace.version == .v1)
    }

    @Test("the batch maximum defaults to 60 when the OpenAPI document states none")
    func batchMaximumDefault() async throws {
        let transport = ScriptedTransport([
            .answer(200, body: #"{"data":{"objects":[{"nameSingular":"person","namePlural":"people","fields":[]}]}}"#),
            .answer(200, body: #"{"openapi":"3.0.3","paths":{}}"#),
            .answer(200, body: #"{"data":{"workspaceMembers":[]},"pageInfo":{"hasNextPage":false}}"#),
        ])
        let workspace = try await scriptedClient(transport).describeWorkspace()
        #expect(workspace.batchMaximum == 60)
        #expect(!workspace.batchMaximumStated)
        #expect(workspace.naming.targetJoin == .absent)
    }

    @Test("members are read page by page, following the cursor")
    func membersPaginated() async throws {
        let transport = ScriptedTransport([
            .answer(
                200,
                body:
                    #"{"data":{"workspaceMembers":[{"id":"m1","userEmail":"a@x.io"}]},"pageInfo":{"hasNextPage":true,"endCursor":"c1"}}"#
            ),
            .answer(
                200,
                body:
                    #"{"data":{"workspaceMembers":[{"id":"m2","userEmail":"b@x.io"}]},"pageInfo":{"hasNextPage":false}}"#
            ),
        ])
        let members = try await scriptedClient(transport).members()
        #expect(
            members == [WorkspaceMember(id: "m1", userEmail: "a@x.io"), WorkspaceMember(id: "m2", userEmail: "b@x.io")])
        #expect(transport.requests.last?.url.query?.contains("starting_after=c1") == true)
    }

    @Test("RICH_TEXT (Twenty 1.20 on) is kept as the rich-text shape and named as the workspace names it")
    func richTextNaming() throws {
        let json = try JSONValueText.parse(
            #"{"data":{"objects":[{"nameSingular":"note","namePlural":"notes","fields":[{"name":"bodyV2","type":"RICH_TEXT"}]}]}}"#
        )
        let reading = try MetadataReader.read(json)
        #expect(reading.objects.first?.field(named: "bodyV2")?.type == .richTextV2)
        #expect(reading.rawTypes["note"]?["bodyV2"] == "RICH_TEXT")
    }
}
