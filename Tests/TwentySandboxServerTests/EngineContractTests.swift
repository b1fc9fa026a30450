import CanonicalJSON
import Testing
import TwentySandbox

/// The server in front of the real engine.
@Suite("Server over the engine")
struct EngineContractTests {
    private static let companies = """
        [{"name":"Acme","domainName":{"primaryLinkUrl":"https://acme.example"},\
        "annualRecurringRevenue":{"amountMicros":5000000000,"currencyCode":"EUR"},"employees":40},\
        {"name":"Globex","domainName":{"primaryLinkUrl":"https://globex.example"},\
        "address":{"addressCity":"Lyon","addressCountry":"France"}}]
        """

    @Test("Companies batch-created over HTTP are found again over HTTP")
    func batchCreateThenFind() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let engine = try SandboxEngine(dataDirectory: directory.path, options: SandboxOptions())
        let (created, found) = try await LiveSandbox.with(engine: engine) { sandbox in
            (
                try await sandbox.send(.post, "/rest/batch/companies", body: Self.companies),
                try await sandbox.send(.get, "/rest/companies?filter=name%5Beq%5D%3AGlobex")
            )
        }
        #expect(created.status == 201)
        #expect(created.json?["data"]?["createCompanies"]?.arrayCount == 2)
        #expect(found.status == 200)
        #expect(found.json?["totalCount"] == 1)
        let company = try #require(
            found.json?["data"]?["companies"].flatMap { if case .array(let items) = $0 { items.first } else { nil } })
        #expect(company["name"] == "Globex")
        #expect(company["address"]?["addressCity"] == "Lyon")
    }

    @Test("The state digest is identical after restarting the server on the same directory")
    func digestSurvivesRestart() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let before = try await LiveSandbox.with(
            engine: try SandboxEngine(dataDirectory: directory.path, options: SandboxOptions())
        ) {
            sandbox in
            #expect(try await sandbox.send(.post, "/rest/batch/companies", body: Self.companies).status == 201)
            return try await sandbox.send(.get, "/_sandbox/digest").json?["digest"]
        }
        let (after, count) = try await LiveSandbox.with(
            engine: try SandboxEngine(dataDirectory: directory.path, options: SandboxOptions())
        ) {
            sandbox in
            (
                try await sandbox.send(.get, "/_sandbox/digest").json?["digest"],
                try await sandbox.send(.get, "/rest/companies").json?["totalCount"]
            )
        }
        #expect(before != nil)
        #expect(after == before)
        #expect(count == 2)
    }
}
