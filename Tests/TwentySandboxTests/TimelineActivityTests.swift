import CanonicalJSON
import Testing

@Suite struct TimelineActivityTests {
    let typeId = "55555555-5555-4555-8555-555555555555"

    func person(_ sandbox: Sandbox) async throws -> String {
        try #require(
            try await sandbox.send("POST", "/rest/people", json: "{}").body["data", "createPerson", "id"]?.stringValue)
    }

    @Test func aTimelineActivityWithATypeAndOneTargetIsCreatedAtItsSourceDate() async throws {
        let sandbox = try Sandbox()
        let personId = try await person(sandbox)
        let (status, body) = try await sandbox.send(
            "POST", "/rest/timelineActivities",
            json:
                #"{"timelineActivityTypeId":"\#(typeId)","targetPersonId":"\#(personId)","name":"call.logged","properties":{"minutes":12},"createdAt":"2021-03-04T05:06:07Z"}"#
        )
        #expect(status == 201)
        let activity = try #require(body["data", "createTimelineActivity"])
        #expect(activity["targetPersonId"] == .string(personId))
        #expect(activity["happensAt"] == "2021-03-04T05:06:07.000Z")
        #expect(activity["properties", "minutes"] == 12)
    }

    @Test func aTimelineActivityWithoutATargetIsRefused() async throws {
        let (status, body) = try await Sandbox().send(
            "POST", "/rest/timelineActivities", json: #"{"timelineActivityTypeId":"\#(typeId)"}"#)
        #expect(status == 400)
        #expect(body.firstMessage.contains("exactly one target"))
    }

    @Test func aTimelineActivityWithTwoTargetsIsRefused() async throws {
        let sandbox = try Sandbox()
        let personId = try await person(sandbox)
        let company = try await sandbox.send("POST", "/rest/companies", json: #"{"name":"Acme"}"#)
        let companyId = try #require(company.body["data", "createCompany", "id"]?.stringValue)
        let (status, _) = try await sandbox.send(
            "POST", "/rest/timelineActivities",
            json:
                #"{"timelineActivityTypeId":"\#(typeId)","targetPersonId":"\#(personId)","targetCompanyId":"\#(companyId)"}"#
        )
        #expect(status == 400)
    }

    @Test func aTimelineActivityWithoutATypeIsRefused() async throws {
        let sandbox = try Sandbox()
        let personId = try await person(sandbox)
        let (status, body) = try await sandbox.send(
            "POST", "/rest/timelineActivities", json: #"{"targetPersonId":"\#(personId)"}"#)
        #expect(status == 400)
        #expect(body.firstMessage.contains("timelineActivityTypeId"))
    }

    @Test func upsertingATimelineActivityIsRefused() async throws {
        let sandbox = try Sandbox()
        let personId = try await person(sandbox)
        let (status, _) = try await sandbox.send(
            "POST", "/rest/batch/timelineActivities?upsert=true",
            json: #"[{"timelineActivityTypeId":"\#(typeId)","targetPersonId":"\#(personId)"}]"#)
        #expect(status == 400)
        #expect(try await sandbox.send("GET", "/rest/timelineActivities").body["totalCount"] == 0)
    }

    @Test func aCustomObjectCanCarryTimelineActivities() async throws {
        let sandbox = try Sandbox()
        _ = try await sandbox.send(
            "POST", "/rest/metadata/objects",
            json:
                #"{"nameSingular":"project","namePlural":"projects","labelSingular":"Project","labelPlural":"Projects"}"#
        )
        let project = try await sandbox.send("POST", "/rest/projects", json: #"{"name":"Apollo"}"#)
        let projectId = try #require(project.body["data", "createProject", "id"]?.stringValue)
        let (status, _) = try await sandbox.send(
            "POST", "/rest/timelineActivities",
            json: #"{"timelineActivityTypeId":"\#(typeId)","targetProjectId":"\#(projectId)"}"#)
        #expect(status == 201)
    }

    @Test func destroyingTheTargetDestroysItsTimelineActivities() async throws {
        let sandbox = try Sandbox()
        let personId = try await person(sandbox)
        _ = try await sandbox.send(
            "POST", "/rest/timelineActivities",
            json: #"{"timelineActivityTypeId":"\#(typeId)","targetPersonId":"\#(personId)"}"#)
        #expect(try await sandbox.send("DELETE", "/rest/people/\(personId)").status == 200)
        #expect(try await sandbox.send("GET", "/rest/timelineActivities").body["totalCount"] == 0)
    }

    @Test func aV1WorkspaceHasNoTimelineActivitiesThroughTheAPI() async throws {
        let (status, _) = try await Sandbox(version: .v1).send("GET", "/rest/timelineActivities")
        #expect(status == 400)
    }
}
