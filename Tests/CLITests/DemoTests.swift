import Foundation
import Testing

@Suite("crm-migrate demo")
struct DemoTests {
    let crmMigrate = Tool("crm-migrate")

    @Test(
        "the demo migrates a generated export into its own sandbox, reconciles it, and rolls the workspace back to the state it started from"
    )
    func demoRunsEndToEnd() throws {
        let temporary = TemporaryDirectory()
        let directory = temporary.url.appendingPathComponent("demo")
        let result = try crmMigrate.run(["demo", "--directory", directory.path, "--contacts", "120", "--seed", "3"])

        #expect(result.status == 0, "\(result.stderr)\n\(result.stdout.suffix(2_000))")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let steps = try lines.filter { try Regex(#"^== \d+/\d+ "#).prefixMatch(in: $0) != nil }
        #expect(steps.count == 16, "\(steps)")
        // Every step shows the command an operator would type.
        #expect(lines.contains("$ crm-migrate map confirm --project project --by \"Demo Operator\""))
        #expect(result.stdout.contains("Everything reconciles."))
        // The cutover: delta reports the record edited in both places and keeps Twenty's edit; the first rollback
        // keeps that record, and the forced one takes it too.
        #expect(result.stdout.contains("-> Twenty's edit kept"), "\(result.stdout.suffix(3_000))")
        #expect(lines.contains { $0.hasPrefix("kept person ") && $0.hasSuffix("(jobTitle)") })
        let digest = { (label: String) in
            lines.first { $0.hasPrefix(label) }.map {
                String($0.dropFirst(label.count)).trimmingCharacters(in: .whitespaces)
            }
        }
        let before = digest("workspace before prepare:")
        let after = digest("workspace after rollback:")
        #expect(before != nil && before?.count == 64)
        #expect(before == after)

        // Unchanged records the writer rejected (a missing or altered attachment file) are not tried again by the delta.
        #expect(lines.contains { $0.hasPrefix("Created ") && $0.hasSuffix(", refused 0") }, "\(lines)")
        let project = directory.appendingPathComponent("project")
        let rejectedTwice = try Tool(url: URL(fileURLWithPath: "/usr/bin/env")).run([
            "sqlite3", project.appendingPathComponent("ledger.sqlite").path,
            "SELECT json_extract(payload, '$.sourceId') FROM events WHERE type = 'record.rejected'"
                + " GROUP BY json_extract(payload, '$.object'), json_extract(payload, '$.sourceId') HAVING count(*) > 1",
        ])
        #expect(
            rejectedTwice.status == 0 && rejectedTwice.stdout.isEmpty, "\(rejectedTwice.stdout)\(rejectedTwice.stderr)")
        let verify = try crmMigrate.run(["ledger", "verify", "--project", project.path])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        for report in ["audit.html", "sample-diff.html", "reconciliation.html"] {
            #expect(
                FileManager.default.fileExists(atPath: project.appendingPathComponent("reports/\(report)").path),
                "\(report)")
        }
        // The key reaches the commands through the environment only: it is in no report and not in the ledger.
        let key = try String(contentsOf: directory.appendingPathComponent("sandbox/api-key"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!key.isEmpty && !result.stdout.contains(key))
        let files = FileManager.default.enumerator(at: project, includingPropertiesForKeys: nil)?.allObjects ?? []
        for case let file as URL in files where !file.hasDirectoryPath {
            let bytes = try Data(contentsOf: file)
            #expect(bytes.range(of: Data(key.utf8)) == nil, "\(file.lastPathComponent) holds the API key")
        }
    }

    @Test("the demo refuses a directory that already holds something, and leaves it as it was")
    func demoRefusesABusyDirectory() throws {
        let temporary = TemporaryDirectory()
        let kept = temporary.url.appendingPathComponent("notes.txt")
        try Data("mine".utf8).write(to: kept)

        let result = try crmMigrate.run(["demo", "--directory", temporary.url.path])

        #expect(result.status != 0)
        #expect(result.stderr.contains("is not empty"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.url.path) == ["notes.txt"])
    }
}
