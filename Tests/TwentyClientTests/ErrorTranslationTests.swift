import Testing
import TwentyClient

@Suite("Error translation")
struct ErrorTranslationTests {
    @Test("a duplicate email refused by the sandbox becomes 'another person already has email ...'")
    func duplicateEmailFromSandbox() async throws {
        let sandbox = try InProcessSandbox(version: .v2)
        let person = try JSONValueText.parse(
            #"{"name":{"firstName":"Ada","lastName":"Lovelace"},"emails":{"primaryEmail":"ada@example.com"}}"#)
        let context = RequestContext(object: "person", values: ["emails.primaryEmail": "ada@example.com"])
        _ = try await sandbox.client.send("POST", "rest/people", body: person, context: context)
        let error = await #expect(throws: TwentyError.self) {
            try await sandbox.client.send("POST", "rest/people", body: person, context: context)
        }
        #expect(error?.kind == .duplicate)
        #expect(error?.status == 400)
        #expect(error?.summary == "another person already has email ada@example.com")
    }

    @Test("a raw IDX_UNIQUE message names the field the request says it is about")
    func rawIndexName() async throws {
        let transport = ScriptedTransport([
            .answer(
                400,
                body:
                    #"{"statusCode":400,"error":"BadRequestException","messages":["duplicate key value violates unique constraint \"IDX_UNIQUE_87914cd3ce963115f8cb943e2ac_domainNamePrimaryLinkUrl\""]}"#
            )
        ])
        let context = RequestContext(
            object: "company", values: ["name": "Acme", "domainName.primaryLinkUrl": "https://acme.com"])
        let error = await #expect(throws: TwentyError.self) {
            try await scriptedClient(transport).send("POST", "rest/companies", body: [:], context: context)
        }
        #expect(error?.summary == "another company already has domain https://acme.com")
    }

    @Test("an unknown field from the sandbox names the object and the field")
    func unknownFieldFromSandbox() async throws {
        let sandbox = try InProcessSandbox(version: .v2)
        let error = await #expect(throws: TwentyError.self) {
            try await sandbox.client.send(
                "POST", "rest/companies", body: try JSONValueText.parse(#"{"name":"Acme","shoeSize":3}"#),
                context: RequestContext(object: "company"))
        }
        #expect(error?.kind == .unknownField)
        #expect(error?.summary.contains("company has no field \"shoeSize\"") == true)
    }

    @Test("a batch larger than the workspace takes is told as such")
    func batchTooLarge() async throws {
        let sandbox = try InProcessSandbox(version: .v2, batchMax: 2)
        let batch = try JSONValueText.parse(#"[{"name":"A"},{"name":"B"},{"name":"C"}]"#)
        let error = await #expect(throws: TwentyError.self) {
            try await sandbox.client.send("POST", "rest/batch/companies", body: batch)
        }
        #expect(error?.kind == .batchTooLarge)
    }

    @Test("a missing record is notFound")
    func notFound() async throws {
        let sandbox = try InProcessSandbox(version: .v2)
        let error = await #expect(throws: TwentyError.self) {
            try await sandbox.client.get("rest/companies/6f1c8a4e-0d7b-4c55-9d2e-5a0b6c1f2e3d")
        }
        #expect(error?.kind == .notFound)
    }
}
