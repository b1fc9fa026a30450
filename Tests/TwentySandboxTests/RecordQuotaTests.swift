import CanonicalJSON
import Testing

@Suite struct RecordQuotaTests {
    @Test func creatingRecordsUpToTheQuotaSucceedsAndOneMoreAnswers402WithTwentysBody() async throws {
        let sandbox = try Sandbox(recordQuota: 2)
        #expect(
            try await sandbox.send("POST", "/rest/batch/companies", json: #"[{"name":"a"},{"name":"b"}]"#).status == 201
        )
        let (status, body) = try await sandbox.send("POST", "/rest/people", json: "{}")
        #expect(status == 402)
        #expect(body["statusCode"] == 402)
        #expect(body["error"] == "QUOTA_EXHAUSTED")
        #expect(body.firstMessage == "RECORD limit reached for this workspace")
        #expect(body["limitKind"] == "stock")
        #expect(body["limit"] == 2)
        #expect(body["remaining"] == 0)
        #expect(try await sandbox.send("GET", "/rest/people").body["totalCount"] == 0)
    }

    @Test func aBatchThatWouldPassTheQuotaIsRefusedWhole() async throws {
        let sandbox = try Sandbox(recordQuota: 3)
        #expect(try await sandbox.send("POST", "/rest/companies", json: #"{"name":"first"}"#).status == 201)
        let (status, body) = try await sandbox.send(
            "POST", "/rest/batch/companies", json: #"[{"name":"a"},{"name":"b"},{"name":"c"}]"#)
        #expect(status == 402)
        #expect(body["remaining"] == 2)
        #expect(try await sandbox.send("GET", "/rest/companies").body["totalCount"] == 1)
    }

    @Test func softDeletedRecordsStillCountAgainstTheQuota() async throws {
        let sandbox = try Sandbox(recordQuota: 1)
        let created = try await sandbox.send("POST", "/rest/companies", json: #"{"name":"gone"}"#)
        let id = try #require(created.body["data", "createCompany", "id"]?.stringValue)
        #expect(try await sandbox.send("DELETE", "/rest/companies/\(id)?soft_delete=true").status == 200)
        #expect(try await sandbox.send("POST", "/rest/companies", json: #"{"name":"next"}"#).status == 402)
        #expect(try await sandbox.send("DELETE", "/rest/companies/\(id)").status == 200)
        #expect(try await sandbox.send("POST", "/rest/companies", json: #"{"name":"next"}"#).status == 201)
    }

    @Test func anUpsertThatOnlyUpdatesPassesAFullQuota() async throws {
        let sandbox = try Sandbox(recordQuota: 1)
        #expect(
            try await sandbox.send("POST", "/rest/people", json: #"{"emails":{"primaryEmail":"ada@example.com"}}"#)
                .status == 201)
        let (status, body) = try await sandbox.send(
            "POST", "/rest/people?upsert=true",
            json: #"{"emails":{"primaryEmail":"ada@example.com"},"jobTitle":"Countess"}"#)
        #expect(status == 201)
        #expect(body["data", "createPerson", "jobTitle"] == "Countess")
    }

    @Test func withoutAQuotaNothingIsRefused() async throws {
        let sandbox = try Sandbox()
        let batch = "[" + (0..<200).map { #"{"name":"c\#($0)"}"# }.joined(separator: ",") + "]"
        #expect(try await sandbox.send("POST", "/rest/batch/companies", json: batch).status == 201)
    }
}
