import Foundation
import Testing

/// `crm-migrate rollback` against a sandbox process: shown, killed at a call and resumed, back to the state
/// before `prepare`.
@Suite("rollback")
struct RollbackCommandTests {
    let crmMigrate = Tool("crm-migrate")

    /// The sandbox's state without what Twenty rewrites on any write (`updatedAt` of records, and of a field whose
    /// option list was changed and restored) or keeps in storage after an attachment is destroyed (files).
    private func comparableState(_ sandbox: SandboxRehearsalTests.RunningSandbox) async throws -> NSDictionary {
        let (_, data) = try await sandbox.send("GET", "_sandbox/state")
        guard var state = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [:] }
        state["files"] = nil
        state["objects"] = (state["objects"] as? [[String: Any]] ?? []).map { object -> [String: Any] in
            var object = object
            if var metadata = object["metadata"] as? [String: Any] {
                metadata["updatedAt"] = nil
                metadata["fields"] = (metadata["fields"] as? [[String: Any]] ?? []).map { field -> [String: Any] in
                    var field = field
                    field["updatedAt"] = nil
                    return field
                }
                object["metadata"] = metadata
            }
            object["records"] = (object["records"] as? [[String: Any]] ?? []).map { record -> [String: Any] in
                var record = record
                record["updatedAt"] = nil
                return record
            }
            return object
        }
        return state as NSDictionary
    }

    @Test("rollback --all, killed at a call and run again, returns the workspace to its state before prepare")
    func rollbackAfterRun() async throws {
        let work = TemporaryDirectory()
        let sandbox = try SandboxRehearsalTests.RunningSandbox(
            tool: crmMigrate, data: work.url.appendingPathComponent("sandbox"))
        defer { _ = sandbox.stop() }
        let export = work.url.appendingPathComponent("export")
        #expect(
            try Tool("generate-export").run(["--out", export.path, "--contacts", "150", "--seed", "11"]).status == 0)
        let users = try String(contentsOf: export.appendingPathComponent("users.csv"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",").map(String.init) }
        let invited = users.filter { $0.last == "true" }.map { #"{"name":"\#($0[1])","userEmail":"\#($0[2])"}"# }
        _ = try await sandbox.send("POST", "_sandbox/members", json: "[" + invited.joined(separator: ",") + "]")
        let before = try await comparableState(sandbox)

        let project = work.url.appendingPathComponent("project").path
        let key = ["TWENTY_API_KEY": sandbox.key]
        let twenty = ["--project", project, "--twenty", sandbox.url.absoluteString]
        #expect(try crmMigrate.run(["init", project]).status == 0)
        #expect(try crmMigrate.run(["snapshot", "--project", project, "--export", export.path]).status == 0)
        #expect(try crmMigrate.run(["map", "propose", "--project", project]).status == 0)
        #expect(try crmMigrate.run(["map", "confirm", "--project", project, "--by", "ana"]).status == 0)
        #expect(try crmMigrate.run(["prepare"] + twenty, environment: key).status == 0)
        #expect(try crmMigrate.run(["transform"] + twenty, environment: key).status == 0)
        // The same transformed records as files for Twenty's own import, before the run writes them.
        let importFiles = work.url.appendingPathComponent("import-files")
        let exported = try crmMigrate.run(["export-csv", "--project", project, "--out", importFiles.path])
        #expect(exported.status == 0, "\(exported.stderr)")
        for name in ["README-import.md", "companies-1.csv", "people-1.csv"] {
            #expect(FileManager.default.fileExists(atPath: importFiles.appendingPathComponent(name).path), "\(name)")
        }
        let ran = try crmMigrate.run(["run", "--skip-sample"] + twenty, environment: key)
        #expect(ran.status == 0 || ran.status == 2, "\(ran.stderr)")
        let migrated = try await comparableState(sandbox)
        #expect(migrated != before)

        // --dry-run shows the plan and changes nothing.
        let shown = try crmMigrate.run(["rollback", "--all", "--dry-run"] + twenty, environment: key)
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("destroy") && shown.stdout.contains("person record(s)"), "\(shown.stdout)")
        // The fields `prepare` added are listed per object, not a line each.
        #expect(shown.stdout.contains("field(s) of person: ") && shown.stdout.contains("allegoryId"), "\(shown.stdout)")
        #expect(try await comparableState(sandbox) == migrated)

        let killed = try crmMigrate.run(
            ["rollback", "--all", "--yes"] + twenty,
            environment: key.merging(["CRM_MIGRATE_KILL_AFTER_ROLLBACK_CALLS": "3"]) { $1 })
        #expect(killed.status == 9, "expected SIGKILL, got \(killed.status): \(killed.stderr)")
        let resumed = try crmMigrate.run(["rollback", "--all", "--yes"] + twenty, environment: key)
        #expect(resumed.status == 0, "\(resumed.stdout)\n\(resumed.stderr)")
        #expect(resumed.stdout.contains("settled 1 batch"), "\(resumed.stdout)")
        #expect(try await comparableState(sandbox) == before)

        let again = try crmMigrate.run(["rollback", "--all", "--yes"] + twenty, environment: key)
        #expect(again.status == 0 && again.stdout.contains("nothing to undo"), "\(again.stdout)")

        // One record's history, from its extraction to its rollback, one line per event.
        let logged = try crmMigrate.run(
            ["ledger", "log", "--project", project, "--type", "record.created", "--limit", "1", "--json"])
        let created = try JSONSerialization.jsonObject(with: Data(logged.stdout.utf8)) as? [String: Any]
        let payload = created?["payload"] as? [String: Any]
        let sourceId = try #require(payload?["sourceId"] as? String)
        let sourceObject = try #require(payload?["sourceObject"] as? String)
        let history = try crmMigrate.run(
            ["ledger", "history", "--project", project, "--source-id", sourceId, "--object", sourceObject])
        #expect(history.status == 0, "\(history.stderr)")
        for type in [
            "record.extracted", "record.transformed", "write.requested", "record.created", "rollback.compensated",
        ] {
            #expect(history.stdout.contains(type), "\(type) missing from\n\(history.stdout)")
        }
    }
}
