import Foundation
import SQLite
import Testing

/// `crm-migrate run` against sandbox processes, killed at a write and resumed.
@Suite("run")
struct RunTests {
    let crmMigrate = Tool("crm-migrate")

    /// A project over the same generated export, prepared and transformed against `sandbox` (the reconcile tests
    /// start from it too).
    func readyProject(
        _ work: TemporaryDirectory, _ name: String, _ sandbox: SandboxRehearsalTests.RunningSandbox
    )
        async throws -> URL
    {
        let export = work.url.appendingPathComponent("export")
        if !FileManager.default.fileExists(atPath: export.path) {
            #expect(
                try Tool("generate-export").run(["--out", export.path, "--contacts", "150", "--seed", "11"]).status == 0
            )
        }
        let users = try String(contentsOf: export.appendingPathComponent("users.csv"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",").map(String.init) }
        let invited = users.filter { $0.last == "true" }.map { #"{"name":"\#($0[1])","userEmail":"\#($0[2])"}"# }
        _ = try await sandbox.send("POST", "_sandbox/members", json: "[" + invited.joined(separator: ",") + "]")
        let project = work.url.appendingPathComponent(name)
        let key = ["TWENTY_API_KEY": sandbox.key]
        let twenty = ["--twenty", sandbox.url.absoluteString]
        #expect(try crmMigrate.run(["init", project.path]).status == 0)
        #expect(try crmMigrate.run(["snapshot", "--project", project.path, "--export", export.path]).status == 0)
        #expect(try crmMigrate.run(["map", "propose", "--project", project.path]).status == 0)
        #expect(try crmMigrate.run(["map", "confirm", "--project", project.path, "--by", "ana"]).status == 0)
        #expect(try crmMigrate.run(["prepare", "--project", project.path] + twenty, environment: key).status == 0)
        let transformed = try crmMigrate.run(["transform", "--project", project.path] + twenty, environment: key)
        #expect(transformed.status == 0, "\(transformed.stderr)")
        return project
    }

    /// Every record's id and `allegoryId` per object, as the workspace holds them.
    private func records(_ sandbox: SandboxRehearsalTests.RunningSandbox) async throws -> [String: [String]] {
        var result: [String: [String]] = [:]
        for plural in ["companies", "people", "opportunities", "tasks", "notes", "noteTargets", "attachments"] {
            let (_, data) = try await sandbox.send("GET", "rest/\(plural)?limit=200")
            let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            let items = ((json?["data"] as? [String: Any])?[plural] as? [[String: Any]]) ?? []
            result[plural] = items.map { "\($0["id"] ?? "")" }.sorted()
        }
        return result
    }

    @Test(
        "run killed between a write and its outcome, run again, ends with the same records as an uninterrupted run, none twice"
    )
    func killedRunResumes() async throws {
        let work = TemporaryDirectory()
        let cleanSandbox = try SandboxRehearsalTests.RunningSandbox(
            tool: crmMigrate, data: work.url.appendingPathComponent("a"))
        defer { _ = cleanSandbox.stop() }
        let crashSandbox = try SandboxRehearsalTests.RunningSandbox(
            tool: crmMigrate, data: work.url.appendingPathComponent("b"))
        defer { _ = crashSandbox.stop() }
        let clean = try await readyProject(work, "clean", cleanSandbox)
        let crashed = try await readyProject(work, "crashed", crashSandbox)

        // Without an approved sample the run refuses, before anything is written.
        let refused = try crmMigrate.run(
            ["run", "--project", clean.path, "--twenty", cleanSandbox.url.absoluteString],
            environment: ["TWENTY_API_KEY": cleanSandbox.key])
        #expect(refused.status != 0 && refused.stderr.contains("no approved sample"), "\(refused.stderr)")
        let uninterrupted = try crmMigrate.run(
            ["run", "--project", clean.path, "--twenty", cleanSandbox.url.absoluteString, "--skip-sample"],
            environment: ["TWENTY_API_KEY": cleanSandbox.key])
        #expect(uninterrupted.status == 0 || uninterrupted.status == 2, "\(uninterrupted.stderr)")

        let arguments = [
            "run", "--project", crashed.path, "--twenty", crashSandbox.url.absoluteString, "--skip-sample",
        ]
        let killed = try crmMigrate.run(
            arguments, environment: ["TWENTY_API_KEY": crashSandbox.key, "CRM_MIGRATE_KILL_AFTER_WRITE_CALLS": "3"])
        #expect(killed.status == 9, "expected SIGKILL, got \(killed.status): \(killed.stderr)")
        do {
            let ledger = try Database(path: crashed.appendingPathComponent("ledger.sqlite").path, mode: .readOnly)
            #expect(try ledger.scalar("SELECT count(*) FROM intents_in_doubt") == .integer(1))
        }
        let resumed = try crmMigrate.run(arguments, environment: ["TWENTY_API_KEY": crashSandbox.key])
        #expect(resumed.status == uninterrupted.status, "\(resumed.stdout)\(resumed.stderr)")
        #expect(resumed.stdout.contains("settled 1 batch(es) an interrupted run left in doubt"))

        // The ids are deterministic per project, so the two workspaces are compared by counts and uniqueness.
        let expected = try await records(cleanSandbox)
        let got = try await records(crashSandbox)
        for (plural, ids) in expected {
            #expect(got[plural]?.count == ids.count, "\(plural)")
            #expect(Set(got[plural] ?? []).count == got[plural]?.count, "\(plural) has duplicates")
        }
        let ledger = try Database(path: crashed.appendingPathComponent("ledger.sqlite").path, mode: .readOnly)
        #expect(try ledger.scalar("SELECT count(*) FROM intents_in_doubt") == .integer(0))
        #expect(
            try ledger.scalar(
                "SELECT count(*) FROM events WHERE type = 'run.started' AND json_extract(payload, '$.mode') = 'full-skip-sample'"
            )
                == .integer(2))
        #expect(
            try ledger.scalar(
                "SELECT count(*) FROM conservation WHERE extracted != written + rejected + excluded + pending")
                == .integer(0))
        #expect(try ledger.scalar("SELECT sum(pending) FROM conservation WHERE object NOT IN ('users')") == .integer(0))
    }

    @Test(
        "run --json writes only JSON lines: progress per object, then a summary whose counts balance and whose exit status is the process's"
    )
    func jsonProgress() async throws {
        let work = TemporaryDirectory()
        let sandbox = try SandboxRehearsalTests.RunningSandbox(
            tool: crmMigrate, data: work.url.appendingPathComponent("a"))
        defer { _ = sandbox.stop() }
        let project = try await readyProject(work, "json", sandbox)
        let result = try crmMigrate.run(
            ["run", "--project", project.path, "--twenty", sandbox.url.absoluteString, "--skip-sample", "--json"],
            environment: ["TWENTY_API_KEY": sandbox.key])
        #expect(result.status == 0 || result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("Writing under map"))
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let objects = try lines.map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
        }
        let summary = try #require(objects.last)
        #expect(summary["event"] as? String == "summary")
        #expect(summary["exitStatus"] as? Int == Int(result.status))
        let finished = objects.dropLast().filter { $0["stage"] as? String == "finished" }
        #expect(!finished.isEmpty)
        #expect(objects.dropLast().allSatisfy { $0["event"] as? String == "progress" })
        let rows = try #require(summary["objects"] as? [[String: Any]])
        func count(_ row: [String: Any], _ key: String) -> Int { row[key] as? Int ?? -1 }
        for row in rows {
            #expect(
                count(row, "extracted")
                    == count(row, "written") + count(row, "rejected") + count(row, "excluded") + count(row, "pending"),
                "\(row)")
        }
        // What the finished lines say was written is what the conservation table counts as written.
        for line in finished {
            let object = try #require(line["sourceObject"] as? String)
            let row = try #require(rows.first { $0["object"] as? String == object }, "\(object)")
            #expect(count(row, "written") == count(line, "written"), "\(object)")
        }
    }
}
