import CanonicalJSON
import Testing

@Suite struct MetadataTests {
    func objectId(_ sandbox: Sandbox, _ name: String) async throws -> String {
        let objects = try await sandbox.send("GET", "/rest/metadata/objects").body["data", "objects"]?.array ?? []
        return try #require(objects.first { $0["nameSingular"]?.stringValue == name }?["id"]?.stringValue)
    }

    func field(_ sandbox: Sandbox, _ object: String, _ name: String) async throws -> JSONValue {
        let objects = try await sandbox.send("GET", "/rest/metadata/objects").body["data", "objects"]?.array ?? []
        let fields = objects.first { $0["nameSingular"]?.stringValue == object }?["fields"]?.array ?? []
        return try #require(fields.first { $0["name"]?.stringValue == name })
    }

    func createProject(_ sandbox: Sandbox) async throws -> String {
        let (status, body) = try await sandbox.send(
            "POST", "/rest/metadata/objects",
            json:
                #"{"nameSingular":"project","namePlural":"projects","labelSingular":"Project","labelPlural":"Projects","icon":"IconBox"}"#
        )
        #expect(status == 201)
        return try #require(body["data", "createOneObject", "id"]?.stringValue)
    }

    @Test func aCustomObjectGetsRecordsAPIAndTargetRelations() async throws {
        let sandbox = try Sandbox()
        _ = try await createProject(sandbox)
        let created = try await sandbox.send("POST", "/rest/projects", json: #"{"name":"Apollo"}"#)
        #expect(created.status == 201)
        let projectId = try #require(created.body["data", "createProject", "id"]?.stringValue)
        let task = try await sandbox.send("POST", "/rest/tasks", json: #"{"title":"Launch"}"#)
        let taskId = try #require(task.body["data", "createTask", "id"]?.stringValue)
        let target = try await sandbox.send(
            "POST", "/rest/taskTargets", json: #"{"taskId":"\#(taskId)","targetProjectId":"\#(projectId)"}"#)
        #expect(target.status == 201)
        #expect(
            try await field(sandbox, "attachment", "targetProject")["settings", "joinColumnName"] == "targetProjectId")
    }

    @Test func reservedObjectNamesAreNotAvailable() async throws {
        let (status, body) = try await Sandbox().send(
            "POST", "/rest/metadata/objects",
            json: #"{"nameSingular":"event","namePlural":"events","labelSingular":"Event","labelPlural":"Events"}"#)
        #expect(status == 400)
        #expect(body.firstMessage == "The name is not available")
    }

    @Test func aCustomFieldIsWritableAndItsUniquenessEnforced() async throws {
        let sandbox = try Sandbox()
        let companyId = try await objectId(sandbox, "company")
        let (status, _) = try await sandbox.send(
            "POST", "/rest/metadata/fields",
            json:
                #"{"objectMetadataId":"\#(companyId)","type":"TEXT","name":"allegoryId","label":"Allegory id","isUnique":true}"#
        )
        #expect(status == 201)
        #expect(try await sandbox.send("POST", "/rest/companies", json: #"{"allegoryId":"A-1"}"#).status == 201)
        let duplicate = try await sandbox.send("POST", "/rest/companies", json: #"{"allegoryId":"A-1"}"#)
        #expect(duplicate.status == 400)
        let upsert = try await sandbox.send(
            "POST", "/rest/companies?upsert=true", json: #"{"allegoryId":"A-1","name":"Again"}"#)
        #expect(upsert.body["data", "createCompany", "name"] == "Again")
    }

    @Test func aManyToOneRelationFieldCreatesTheJoinColumnAndTheInverse() async throws {
        let sandbox = try Sandbox()
        let projectObject = try await createProject(sandbox)
        let companyObject = try await objectId(sandbox, "company")
        let (status, body) = try await sandbox.send(
            "POST", "/rest/metadata/fields",
            json:
                #"{"objectMetadataId":"\#(projectObject)","type":"RELATION","name":"client","label":"Client","relationCreationPayload":{"targetObjectMetadataId":"\#(companyObject)","targetFieldLabel":"Projects","targetFieldIcon":"IconBox","type":"MANY_TO_ONE"}}"#
        )
        #expect(status == 201)
        #expect(body["data", "createOneField", "relation", "targetFieldMetadata", "name"] == "projects")
        let company = try await sandbox.send("POST", "/rest/companies", json: #"{"name":"Acme"}"#)
        let companyId = try #require(company.body["data", "createCompany", "id"]?.stringValue)
        let project = try await sandbox.send(
            "POST", "/rest/projects", json: #"{"name":"X","clientId":"\#(companyId)"}"#)
        #expect(project.body["data", "createProject", "clientId"] == .string(companyId))
        #expect(try await field(sandbox, "company", "projects")["relation", "type"] == "ONE_TO_MANY")
    }

    @Test func removingAnOptionStripsItsValuesFromRecords() async throws {
        let sandbox = try Sandbox()
        let companyObject = try await objectId(sandbox, "company")
        let created = try await sandbox.send(
            "POST", "/rest/metadata/fields",
            json:
                #"{"objectMetadataId":"\#(companyObject)","type":"MULTI_SELECT","name":"tags","label":"Tags","options":[{"value":"RED","label":"Red","color":"red","position":0},{"value":"BLUE","label":"Blue","color":"blue","position":1}]}"#
        )
        let tagsId = try #require(created.body["data", "createOneField", "id"]?.stringValue)
        let tier = try await sandbox.send(
            "POST", "/rest/metadata/fields",
            json:
                #"{"objectMetadataId":"\#(companyObject)","type":"SELECT","name":"tier","label":"Tier","options":[{"value":"GOLD","label":"Gold"},{"value":"SILVER","label":"Silver"}]}"#
        )
        let tierId = try #require(tier.body["data", "createOneField", "id"]?.stringValue)
        let company = try await sandbox.send("POST", "/rest/companies", json: #"{"tags":["RED","BLUE"],"tier":"GOLD"}"#)
        let id = try #require(company.body["data", "createCompany", "id"]?.stringValue)

        let blue = try #require(
            created.body["data", "createOneField", "options"]?.array.first { $0["value"] == "BLUE" })
        #expect(
            try await sandbox.send(
                "PATCH", "/rest/metadata/fields/\(tagsId)", json: #"{"options":[\#(blue.canonicalText)]}"#
            ).status == 200)
        #expect(
            try await sandbox.send(
                "PATCH", "/rest/metadata/fields/\(tierId)", json: #"{"options":[{"value":"SILVER","label":"Silver"}]}"#
            ).status == 200)
        let after = try await sandbox.send("GET", "/rest/companies/\(id)").body["data", "company"]
        #expect(after?["tags"] == ["BLUE"])
        #expect(after?["tier"] == .null)
        #expect(try await sandbox.send("PATCH", "/rest/companies/\(id)", json: #"{"tier":"GOLD"}"#).status == 400)
    }

    @Test func removingAnOptionOfANonNullableSelectGivesItsRecordsTheDefault() async throws {
        let sandbox = try Sandbox()
        let stage = try await field(sandbox, "opportunity", "stage")
        let stageId = try #require(stage["id"]?.stringValue)
        let deal = try await sandbox.send("POST", "/rest/opportunities", json: #"{"name":"Deal","stage":"PROPOSAL"}"#)
        let id = try #require(deal.body["data", "createOpportunity", "id"]?.stringValue)
        let remaining = (stage["options"]?.array ?? []).filter { $0["value"] != "PROPOSAL" }
        let (status, _) = try await sandbox.send(
            "PATCH", "/rest/metadata/fields/\(stageId)",
            json: #"{"options":[\#(remaining.map(\.canonicalText).joined(separator: ","))]}"#)
        #expect(status == 200)
        let after = try await sandbox.send("GET", "/rest/opportunities/\(id)").body["data", "opportunity"]
        #expect(after?["stage"] == "NEW")
    }

    @Test func anObjectIsDeletedOnlyAfterDeactivation() async throws {
        let sandbox = try Sandbox()
        let projectObject = try await createProject(sandbox)
        #expect(try await sandbox.send("DELETE", "/rest/metadata/objects/\(projectObject)").status == 400)
        #expect(
            try await sandbox.send("PATCH", "/rest/metadata/objects/\(projectObject)", json: #"{"isActive":false}"#)
                .status == 200)
        #expect(try await sandbox.send("DELETE", "/rest/metadata/objects/\(projectObject)").status == 200)
        #expect(try await sandbox.send("GET", "/rest/projects").status == 400)
        let objects = try await sandbox.send("GET", "/rest/metadata/objects").body["data", "objects"]?.array ?? []
        let taskTarget = objects.first { $0["nameSingular"] == "taskTarget" }
        #expect(taskTarget?["fields"]?.array.contains { $0["name"] == "targetProject" } == false)
    }

    @Test func targetNamesFollowTheTwentyVersion() async throws {
        let v1 = try Sandbox(version: .v1)
        let v2 = try Sandbox(version: .v2)
        let person1 = try await v1.send("POST", "/rest/people", json: "{}").body["data", "createPerson", "id"]!
            .stringValue!
        let person2 = try await v2.send("POST", "/rest/people", json: "{}").body["data", "createPerson", "id"]!
            .stringValue!
        #expect(try await v1.send("POST", "/rest/noteTargets", json: #"{"personId":"\#(person1)"}"#).status == 201)
        #expect(
            try await v2.send("POST", "/rest/noteTargets", json: #"{"targetPersonId":"\#(person2)"}"#).status == 201)
        #expect(try await v2.send("POST", "/rest/noteTargets", json: #"{"personId":"\#(person2)"}"#).status == 400)
        #expect(
            try await v1.send("POST", "/rest/attachments", json: #"{"fullPath":"a/b.pdf","personId":"\#(person1)"}"#)
                .status == 201)
    }

    @Test func theOpenAPIDocumentAdvertisesTheBatchLimitOfTheVersion() async throws {
        let (status, body) = try await Sandbox().send("GET", "/rest/open-api/core")
        #expect(status == 200)
        let limit = body["paths", "/companies", "get", "parameters"]?.array.first { $0["name"] == "limit" }
        #expect(limit?["schema", "maximum"] == 200)
        #expect(limit?["schema", "default"] == 60)
        #expect(body["components", "schemas", "Person"] != nil)
        let old = try await Sandbox(version: .v1).send("GET", "/rest/open-api/core").body
        let oldLimit = old["paths", "/companies", "get", "parameters"]?.array.first { $0["name"] == "limit" }
        #expect(oldLimit?["schema", "maximum"] == 60)
    }

    @Test func aBatchOf200IsAcceptedOnV2And201IsRefused() async throws {
        let sandbox = try Sandbox()
        let batch = { (count: Int) in "[" + (0..<count).map { #"{"name":"c\#($0)"}"# }.joined(separator: ",") + "]" }
        #expect(try await sandbox.send("POST", "/rest/batch/companies", json: batch(200)).status == 201)
        let (status, body) = try await sandbox.send("POST", "/rest/batch/companies", json: batch(201))
        #expect(status == 400)
        #expect(body.firstMessage == "Maximum number of records to upsert is 200.")
    }

    @Test func aV1WorkspaceRefusesABatchOf61() async throws {
        let sandbox = try Sandbox(version: .v1)
        let batch = "[" + (0..<61).map { #"{"name":"c\#($0)"}"# }.joined(separator: ",") + "]"
        let (status, body) = try await sandbox.send("POST", "/rest/batch/companies", json: batch)
        #expect(status == 400)
        #expect(body.firstMessage == "Maximum number of records to upsert is 60.")
    }

    @Test func anExplicitBatchMaximumWinsOverTheVersion() async throws {
        let sandbox = try Sandbox(version: .v2, batchMax: 60)
        let batch = "[" + (0..<61).map { #"{"name":"c\#($0)"}"# }.joined(separator: ",") + "]"
        #expect(try await sandbox.send("POST", "/rest/batch/companies", json: batch).status == 400)
    }
}
