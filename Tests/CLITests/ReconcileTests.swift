import Foundation
import Testing

/// `crm-migrate reconcile` against a sandbox process, after a real `run`.
@Suite("reconcile")
struct ReconcileTests {
    let crmMigrate = Tool("crm-migrate")

    @Test(
        "reconcile exits 0 with its three reports after a run, 2 once a record carrying a source id is added in Twenty, and is refused by another workspace"
    )
    func reconcileProvesAndRefuses() async throws {
        let work = TemporaryDirectory()
        let sandbox = try SandboxRehearsalTests.RunningSandbox(
            tool: crmMigrate, data: work.url.appendingPathComponent("a"))
        defer { _ = sandbox.stop() }
        let project = try await RunTests().readyProject(work, "reconciled", sandbox)
        let twenty = ["--project", project.path, "--twenty", sandbox.url.absoluteString]
        let key = ["TWENTY_API_KEY": sandbox.key]
        let ran = try crmMigrate.run(["run", "--skip-sample"] + twenty, environment: key)
        #expect(ran.status == 0 || ran.status == 2, "\(ran.stderr)")

        let clean = try crmMigrate.run(["reconcile"] + twenty, environment: key)
        #expect(clean.status == 0, "\(clean.stdout)\n\(clean.stderr)")
        #expect(clean.stdout.contains("Everything reconciles."))
        for name in ["reconciliation.html", "reconciliation.csv", "reconciliation.json"] {
            #expect(FileManager.default.fileExists(atPath: project.appendingPathComponent("reports/\(name)").path))
        }
        let log = try crmMigrate.run(["ledger", "log", "--project", project.path, "--type", "reconciliation.computed"])
        #expect(log.stdout.contains("reconciliation.computed"), "\(log.stdout)")

        _ = try await sandbox.send(
            "POST", "rest/people", json: #"{"name":{"firstName":"Extra","lastName":"Row"},"allegoryId":"planted-1"}"#)
        let planted = try crmMigrate.run(["reconcile"] + twenty, environment: key)
        #expect(planted.status == 2, "\(planted.stdout)\n\(planted.stderr)")
        let csv = try String(contentsOf: project.appendingPathComponent("reports/reconciliation.csv"), encoding: .utf8)
        #expect(csv.contains("unexpected,person,planted-1"), "\(csv)")

        let other = try SandboxRehearsalTests.RunningSandbox(
            tool: crmMigrate, data: work.url.appendingPathComponent("b"))
        defer { _ = other.stop() }
        let refused = try crmMigrate.run(
            ["reconcile", "--project", project.path, "--twenty", other.url.absoluteString],
            environment: ["TWENTY_API_KEY": other.key])
        #expect(
            refused.status != 0 && refused.stderr.contains("this project is bound to the Twenty workspace"),
            "\(refused.stderr)")
    }
}
