import Foundation
import SQLite
import Testing

/// `crm-migrate prepare` against sandbox processes: refused before confirmation, idempotent, and resumable after
/// a SIGKILL between a schema call and its outcome.
@Suite("prepare")
struct PrepareTests {
    let crmMigrate = Tool("crm-migrate")

    /// A confirmed project over a generated export, and the arguments that reach `sandbox`.
    private func project(in work: TemporaryDirectory, name: String) throws -> URL {
        let export = work.url.appendingPathComponent("export")
        if !FileManager.default.fileExists(atPath: export.path) {
            let generated = try Tool("generate-export").run(["--out", export.path, "--contacts", "120", "--seed", "5"])
            #expect(generated.status == 0, "\(generated.stderr)")
        }
        let project = work.url.appendingPathComponent(name)
        #expect(try crmMigrate.run(["init", project.path]).status == 0)
        #expect(try crmMigrate.run(["snapshot", "--project", project.path, "--export", export.path]).status == 0)
        #expect(try crmMigrate.run(["map", "propose", "--project", project.path]).status == 0)
        return project
    }

    private func prepare(
        _ project: URL, _ sandbox: SandboxRehearsalTests.RunningSandbox, environment: [String: String] = [:]
    )
        throws -> Tool.Result
    {
        try crmMigrate.run(
            ["prepare", "--project", project.path, "--twenty", sandbox.url.absoluteString],
            environment: environment.merging(["TWENTY_API_KEY": sandbox.key]) { $1 })
    }

    /// Every active object's field names and types, and every option list, as the workspace states them.
    private func schema(_ sandbox: SandboxRehearsalTests.RunningSandbox) async throws -> [String] {
        let (status, data) = try await sandbox.send("GET", "rest/metadata/objects")
        #expect(status == 200)
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let objects = ((json?["data"] as? [String: Any])?["objects"] as? [[String: Any]]) ?? []
        var lines: [String] = []
        for object in objects {
            let name = object["nameSingular"] as? String ?? ""
            for field in object["fields"] as? [[String: Any]] ?? [] {
                let options = (field["options"] as? [[String: Any]])?.compactMap { $0["value"] as? String } ?? []
                lines.append(
                    "\(name).\(field["name"] as? String ?? "") \(field["type"] as? String ?? "") \(options.joined(separator: ","))"
                )
            }
        }
        return lines.sorted()
    }

    @Test("prepare refuses an unconfirmed map, makes the schema once, and a second run changes nothing")
    func prepareOnceThenNothing() async throws {
        let work = TemporaryDirectory()
        let project = try project(in: work, name: "project")
        let sandbox = try SandboxRehearsalTests.RunningSandbox(
            tool: crmMigrate, data: work.url.appendingPathComponent("sbx"))
        defer { _ = sandbox.stop() }

        let unconfirmed = try prepare(project, sandbox)
        #expect(unconfirmed.status != 0)
        #expect(unconfirmed.stderr.contains("confirm"), "\(unconfirmed.stderr)")
        let untouched = try await schema(sandbox)

        #expect(try crmMigrate.run(["map", "confirm", "--project", project.path, "--by", "ana"]).status == 0)
        let first = try prepare(project, sandbox)
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        #expect(first.stdout.contains("create field person.allegoryId (TEXT, unique)"))
        #expect(first.stdout.contains("to opportunity.stage (keeping its"))
        let prepared = try await schema(sandbox)
        #expect(prepared != untouched)
        #expect(!first.stdout.contains(sandbox.key) && !first.stderr.contains(sandbox.key))

        let second = try prepare(project, sandbox)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("nothing to change"))
        #expect(try await schema(sandbox) == prepared)

        // Bound to that workspace: another is refused, by prepare and by transform, before anything is sent or
        // recorded.
        let other = try SandboxRehearsalTests.RunningSandbox(
            tool: crmMigrate, data: work.url.appendingPathComponent("other"))
        defer { _ = other.stop() }
        let otherSchema = try await schema(other)
        let elsewhere = try prepare(project, other)
        #expect(elsewhere.status != 0)
        #expect(elsewhere.stderr.contains("this project is bound to the Twenty workspace"), "\(elsewhere.stderr)")
        #expect(try await schema(other) == otherSchema)
        let transform = try crmMigrate.run(
            ["transform", "--project", project.path, "--twenty", other.url.absoluteString],
            environment: ["TWENTY_API_KEY": other.key])
        #expect(transform.status != 0)
        #expect(transform.stderr.contains("this project is bound to the Twenty workspace"), "\(transform.stderr)")

        // The ledger holds the key nowhere, and every change's undo.
        let ledger = try Database(path: project.appendingPathComponent("ledger.sqlite").path, mode: .readOnly)
        #expect(
            try ledger.scalar("SELECT count(*) FROM events WHERE instr(payload, ?) > 0", [.text(sandbox.key)])
                == .integer(0))
        #expect(try ledger.scalar("SELECT count(*) FROM events WHERE type = 'workspace.bound'") == .integer(1))
    }

    @Test(
        "prepare killed between a schema call and its outcome, run again, ends in the same schema with every undo known"
    )
    func killedPrepareResumes() async throws {
        let work = TemporaryDirectory()
        let clean = try project(in: work, name: "clean")
        let crashed = try project(in: work, name: "crashed")
        for project in [clean, crashed] {
            #expect(try crmMigrate.run(["map", "confirm", "--project", project.path, "--by", "ana"]).status == 0)
        }
        let cleanSandbox = try SandboxRehearsalTests.RunningSandbox(
            tool: crmMigrate, data: work.url.appendingPathComponent("sbx-clean"))
        defer { _ = cleanSandbox.stop() }
        let crashSandbox = try SandboxRehearsalTests.RunningSandbox(
            tool: crmMigrate, data: work.url.appendingPathComponent("sbx-crash"))
        defer { _ = crashSandbox.stop() }

        #expect(try prepare(clean, cleanSandbox).status == 0)

        let killed = try prepare(crashed, crashSandbox, environment: ["CRM_MIGRATE_KILL_AFTER_SCHEMA_CALLS": "5"])
        #expect(killed.status == 9, "expected SIGKILL, got \(killed.status): \(killed.stderr)")
        let ledgerPath = crashed.appendingPathComponent("ledger.sqlite").path
        do {
            let ledger = try Database(path: ledgerPath, mode: .readOnly)
            #expect(try ledger.scalar("SELECT count(*) FROM intents_in_doubt") == .integer(1))
        }

        let resumed = try prepare(crashed, crashSandbox)
        #expect(resumed.status == 0, "\(resumed.stdout)\(resumed.stderr)")
        #expect(resumed.stdout.contains("settled 1 change(s) an interrupted run left in doubt"))
        #expect(try await schema(crashSandbox) == (try await schema(cleanSandbox)))

        let ledger = try Database(path: ledgerPath, mode: .readOnly)
        #expect(try ledger.scalar("SELECT count(*) FROM intents_in_doubt") == .integer(0))
        let applied = try ledger.scalar("SELECT count(*) FROM events WHERE type = 'schema.change.applied'")
        let undos = try ledger.scalar(
            "SELECT count(*) FROM inverse_actions WHERE json_extract(compensation, '$.action') = 'schema'")
        #expect(applied == undos)
        #expect(
            try ledger.scalar(
                "SELECT count(*) FROM inverse_actions WHERE json_extract(compensation, '$.schema.metadataId') IS NULL")
                == .integer(0))
        let cleanLedger = try Database(path: clean.appendingPathComponent("ledger.sqlite").path, mode: .readOnly)
        #expect(try cleanLedger.scalar("SELECT count(*) FROM events WHERE type = 'schema.change.applied'") == applied)
    }
}
