import Foundation
import SQLite
import Testing

/// `crm-migrate sample` against a sandbox process: refused before confirmation, writes and diffs a slice, and
/// approval refused until a sample of the map has run.
@Suite("sample")
struct SampleCommandTests {
    let crmMigrate = Tool("crm-migrate")

    @Test("sample refuses an unconfirmed map, writes and diffs a slice with its reports, and approval follows a sample")
    func sampleThenApprove() async throws {
        let work = TemporaryDirectory()
        let export = work.url.appendingPathComponent("export")
        let generated = try Tool("generate-export").run(["--out", export.path, "--contacts", "120", "--seed", "5"])
        #expect(generated.status == 0, "\(generated.stderr)")
        let project = work.url.appendingPathComponent("project")
        #expect(try crmMigrate.run(["init", project.path]).status == 0)
        #expect(try crmMigrate.run(["snapshot", "--project", project.path, "--export", export.path]).status == 0)
        #expect(try crmMigrate.run(["map", "propose", "--project", project.path]).status == 0)
        let sandbox = try SandboxRehearsalTests.RunningSandbox(
            tool: crmMigrate, data: work.url.appendingPathComponent("sbx"))
        defer { _ = sandbox.stop() }
        // The export's active users are invited first, as an administrator would before migrating.
        let users = try String(contentsOf: export.appendingPathComponent("users.csv"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",").map(String.init) }
        let invited = users.filter { $0.last == "true" }.map { #"{"name":"\#($0[1])","userEmail":"\#($0[2])"}"# }
        let (membersStatus, _) = try await sandbox.send(
            "POST", "_sandbox/members", json: "[" + invited.joined(separator: ",") + "]")
        #expect(membersStatus == 200 || membersStatus == 201)
        let twenty = ["--project", project.path, "--twenty", sandbox.url.absoluteString]
        let key = ["TWENTY_API_KEY": sandbox.key]

        let unconfirmed = try crmMigrate.run(["sample"] + twenty, environment: key)
        #expect(unconfirmed.status != 0)
        #expect(unconfirmed.stderr.contains("confirm"), "\(unconfirmed.stderr)")

        #expect(try crmMigrate.run(["map", "confirm", "--project", project.path, "--by", "ana"]).status == 0)
        #expect(try crmMigrate.run(["prepare"] + twenty, environment: key).status == 0)
        let transformed = try crmMigrate.run(["transform"] + twenty, environment: key)
        #expect(transformed.status == 0, "\(transformed.stderr)")

        let early = try crmMigrate.run(["sample", "--project", project.path, "--approve", "--by", "ana"])
        #expect(early.status != 0)
        #expect(early.stderr.contains("no sample of map"), "\(early.stderr)")

        let sample = try crmMigrate.run(["sample", "--per-object", "5"] + twenty, environment: key)
        #expect(sample.status == 0, "\(sample.stdout)\(sample.stderr)")
        #expect(sample.stdout.contains("OBJECT") && sample.stdout.contains("contacts"), "\(sample.stdout)")
        // A clean sample agrees everywhere.
        let disagreeing = sample.stdout.split(separator: "\n").filter { $0.hasPrefix("  ") && $0.contains(" / ") }
        #expect(disagreeing.isEmpty, "\(sample.stdout)")
        #expect(sample.stdout.contains("attachments"), "\(sample.stdout)")
        for name in ["sample-diff.csv", "sample-diff.html"] {
            let path = project.appendingPathComponent("reports/\(name)").path
            #expect(FileManager.default.fileExists(atPath: path), "\(name)")
        }

        let approved = try crmMigrate.run(["sample", "--project", project.path, "--approve", "--by", "ana"])
        #expect(approved.status == 0, "\(approved.stderr)")
        #expect(approved.stdout.contains("approved by ana"))
        let ledger = try Database(path: project.appendingPathComponent("ledger.sqlite").path, mode: .readOnly)
        #expect(try ledger.scalar("SELECT count(*) FROM events WHERE type = 'sample.approved'") == .integer(1))
        #expect(
            try ledger.scalar(
                "SELECT count(*) FROM events WHERE type = 'run.started' AND json_extract(payload, '$.mode') = 'sample'")
                == .integer(1))
    }
}
