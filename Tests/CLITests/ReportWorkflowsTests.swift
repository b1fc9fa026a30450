import Foundation
import Ledger
import Testing

/// `crm-migrate report workflows` on a generated export, before any map exists and after one is proposed.
@Suite("report workflows")
struct ReportWorkflowsTests {
    let crmMigrate = Tool("crm-migrate")

    @Test("report workflows writes the page and the Markdown, names the map's state, and records its counts")
    func writesTheReference() throws {
        let dir = TemporaryDirectory()
        let export = dir.url.appendingPathComponent("export")
        let project = dir.url.appendingPathComponent("p")
        let generated = try Tool("generate-export").run(["--out", export.path, "--contacts", "120", "--seed", "3"])
        #expect(generated.status == 0, "\(generated.stderr)")
        _ = try crmMigrate.run(["init", project.path])
        _ = try crmMigrate.run(["snapshot", "--project", project.path, "--export", export.path])

        let before = try crmMigrate.run(["report", "workflows", "--project", project.path])
        #expect(before.status == 0, "\(before.stderr)")
        #expect(before.stdout.contains("field map: no map yet"))
        for name in ["workflows.html", "workflows.md"] {
            #expect(FileManager.default.fileExists(atPath: project.appendingPathComponent("reports/\(name)").path))
        }

        _ = try crmMigrate.run(["map", "propose", "--project", project.path])
        let after = try crmMigrate.run(["report", "workflows", "--project", project.path])
        #expect(after.stdout.contains("field map: proposed, not confirmed"))
        let html = try String(contentsOf: project.appendingPathComponent("reports/workflows.html"), encoding: .utf8)
        #expect(html.contains("names from the proposed map, not confirmed yet"))

        let ledger = try Ledger(path: project.appendingPathComponent("ledger.sqlite").path, access: .read)
        var recorded: [WorkflowReferenceWritten] = []
        try ledger.events(matching: EventFilter(type: EventType.workflowReferenceWritten.rawValue)) { event in
            if case .workflowReferenceWritten(let written) = try event.decoded() { recorded.append(written) }
        }
        #expect(recorded.map(\.mapState) == ["no map yet", "proposed, not confirmed"])
        let count = try #require(recorded.last?.workflows)
        #expect(after.stdout.hasPrefix("\(count) workflows"))
        #expect(recorded.last?.reportPath == "reports/workflows.html")
    }
}
