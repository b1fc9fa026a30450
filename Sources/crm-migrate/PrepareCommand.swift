import ArgumentParser
import FieldMap
import Foundation
import Ledger
import SchemaPreparation
import TwentyClient

struct PrepareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prepare",
        abstract: "Create in the workspace what the confirmed map needs, before any record moves.",
        discussion: """
            Custom objects, junction objects with their two relations, the allegoryId source-id field on every \
            migrated object (unique where one source object feeds it), the map's new fields, and the select \
            options its value maps add (appended; existing options are kept exactly). Each change is recorded \
            as an intent carrying its undo before the call, and its outcome after, so `rollback` can remove it \
            and an interrupted run resumes. Running it again changes nothing and says so. Refuses an \
            unconfirmed map, a workspace other than the one the project is bound to, and a map the workspace \
            cannot satisfy (a standard field absent on this version), naming the fix in map.yaml.
            """)

    @OptionGroup var options: ProjectOptions
    @OptionGroup var workspace: TwentyOptions
    @Flag(help: "Print the plan and change nothing.")
    var dryRun = false

    func run() async throws {
        let project = try options.open()
        let confirmed = try MapConfirmation.requireConfirmed(projectDirectory: options.directory)
        let connection = try workspace.connection()
        let ledger = try project.openLedger(.write)
        let started = Date()
        var requests = 0
        let boundBefore = try ledger.workspaceBinding()
        let report: PreparationReport = try await TwentyAccess.withClient(connection, limits: workspace.limits) {
            client in
            if dryRun {
                let schema = WorkspaceSchema(metadata: try await client.get("rest/metadata/objects"))
                let plan = SchemaPlanner(map: confirmed.map, schema: schema).plan()
                var report = PreparationReport()
                report.present = plan.present
                report.problems = plan.problems
                report.applied = plan.changes
                return report
            }
            let preparer = SchemaPreparer(client: client, ledger: ledger)
            preparer.afterCall = CrashDrill.after("CRM_MIGRATE_KILL_AFTER_SCHEMA_CALLS")
            defer { requests = client.requestsSent }
            return try await preparer.prepare(map: confirmed.map, mapSha256: confirmed.sha256)
        }
        print(
            "Preparing \(connection.baseURL.absoluteString) for map \(confirmed.sha256.prefix(12)) (confirmed by \(confirmed.confirmedBy))"
        )
        if boundBefore == nil, let bound = try ledger.workspaceBinding() {
            print(
                "project bound to this workspace (\(bound.workspaceId.map { "id \($0)" } ?? "person object \(bound.fingerprint)"), Twenty \(bound.version), batches of \(bound.batchMaximum))"
            )
        }
        print(PreparationSummary.lines(report, dryRun: dryRun).joined(separator: "\n"))
        if !dryRun {
            print(
                String(
                    format: "%d requests in %.1f s; ledger now holds %d events", requests,
                    Date().timeIntervalSince(started), ledger.head.seq))
        }
        if !report.problems.isEmpty {
            throw UserFacingError(
                "the workspace cannot take this map as it is: nothing was changed; fix map.yaml, confirm it, and run"
                    + " prepare again")
        }
        if !report.refused.isEmpty {
            throw UserFacingError("Twenty refused \(report.refused.count) change(s); see above")
        }
    }
}

/// What prepare prints: what changed (or would), what was already there, and what stops it.
enum PreparationSummary {
    static func lines(_ report: PreparationReport, dryRun: Bool) -> [String] {
        var lines: [String] = []
        if report.resolved > 0 {
            lines.append(
                "settled \(report.resolved) change(s) an interrupted run left in doubt, by reading the workspace")
        }
        if !report.problems.isEmpty {
            lines.append("\(report.problems.count) problem(s):")
            lines += report.problems.map { "  \($0)" }
            return lines
        }
        if report.applied.isEmpty && report.refused.isEmpty {
            lines.append(
                "nothing to change: the workspace already has everything the map needs (\(report.present.count) checked)"
            )
            return lines
        }
        lines.append(
            dryRun ? "would make \(report.applied.count) change(s):" : "made \(report.applied.count) change(s):")
        lines += report.applied.map { "  \($0.summary)" }
        for (change, error) in report.refused { lines.append("  REFUSED \(change.summary): \(error)") }
        lines.append("already in place: \(report.present.count)")
        return lines
    }
}
