import Foundation
import Testing

/// `crm-migrate twenty check` against a sandbox process, as an operator runs it before a migration.
@Suite("twenty check")
struct TwentyCheckTests {
    let crmMigrate = Tool("crm-migrate")

    @Test("twenty check prints what discovery found and never the key")
    func checkPrintsDiscovery() async throws {
        let work = TemporaryDirectory()
        let sandbox = try SandboxRehearsalTests.RunningSandbox(
            tool: crmMigrate, data: work.url.appendingPathComponent("sandbox"))
        defer { _ = sandbox.stop() }
        let (status, _) = try await sandbox.send(
            "POST", "_sandbox/members", json: #"[{"name":"Ada Lovelace","userEmail":"ada@example.com"}]"#)
        #expect(status == 201 || status == 200)
        let keyFile = work.url.appendingPathComponent("api-key")
        try Data(sandbox.key.utf8).write(to: keyFile)

        let checked = try crmMigrate.run([
            "twenty", "check", "--twenty", sandbox.url.absoluteString, "--api-key-file", keyFile.path,
        ])
        #expect(checked.status == 0, "\(checked.stderr)")
        #expect(checked.stdout.contains("(from /rest/open-api/core)"))
        #expect(checked.stdout.contains("targetPersonId"))
        #expect(checked.stdout.contains("attachment file field: file"))
        #expect(checked.stdout.contains("ada@example.com"))
        #expect(!checked.stdout.contains(sandbox.key) && !checked.stderr.contains(sandbox.key))
        #expect(checked.stdout.contains("client pace: 100 requests per 60 s"), "\(checked.stdout)")
        // A workspace stated to allow more is paced to it from the first request.
        let faster = try crmMigrate.run([
            "twenty", "check", "--twenty", sandbox.url.absoluteString, "--api-key-file", keyFile.path,
            "--rate-limit", "600",
        ])
        #expect(faster.stdout.contains("client pace: 600 requests per 60 s"), "\(faster.stdout)\(faster.stderr)")

        try Data("wrong-key".utf8).write(to: keyFile)
        let refused = try crmMigrate.run([
            "twenty", "check", "--twenty", sandbox.url.absoluteString, "--api-key-file", keyFile.path,
        ])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("refused the API key"))
        #expect(!refused.stderr.contains("wrong-key"))
    }
}
