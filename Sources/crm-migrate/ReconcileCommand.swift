import ArgumentParser
import FieldMap
import Foundation
import Ledger
import MigrationEngine

struct ReconcileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Prove the migration: compare the source, the ledger and what Twenty holds now, field by field.",
        discussion: """
            Reads every migrated object back from the bound workspace (a page of the batch maximum per request, \
            within the rate limit) and compares three sides: the snapshot's records and where each went (written, \
            rejected, excluded, pending), what the ledger says was written, and what Twenty holds. Per object: \
            records present and missing, and records carrying the source-id field that the ledger does not know \
            (unexpected). Relations, task and note targets, owners, custom-field population and each attachment's file (read back, its size and SHA-256 against the export's) are checked; every \
            field Twenty holds differently is a defect (Twenty did not keep what was sent: the record's updatedAt \
            is not later than the write) or drift (someone changed it in Twenty after the write: shown, not an \
            error).

            Writes reports/reconciliation.html, .csv and .json with a post-migration checklist (workflows to \
            rebuild, views and dashboards, permissions, integrations) and records reconciliation.computed in the \
            ledger. Refused against a workspace other than the project's. Exit status: 0 everything reconciles, \
            2 something does not (a defect, a missing, unexpected or pending record).
            """)

    @OptionGroup var options: ProjectOptions
    @OptionGroup var access: TwentyOptions

    func run() async throws {
        let project = try options.open()
        let confirmed = try MapConfirmation.requireConfirmed(projectDirectory: options.directory)
        let connection = try access.connection()
        let ledger = try project.openLedger(.write)
        let (result, checklist): (ReconciliationResult, PostMigrationChecklist) = try await TwentyAccess.withClient(
            connection, limits: access.limits
        ) { client in
            let workspace = try await client.describeWorkspace()
            print("Reading every migrated object back from \(workspace.url) (pages of \(workspace.batchMaximum))")
            let reconciliation = Reconciliation(
                client: client, ledger: ledger, workspace: workspace, map: confirmed.map,
                workspaceIdClaim: connection.apiKey.workspaceIdClaim)
            do {
                let result = try await reconciliation.run()
                return (result, PostMigrationChecklist(map: confirmed.map, result: result))
            } catch let mismatch as WorkspaceMismatch {
                throw UserFacingError(mismatch.description)
            }
        }
        var report = ReconciliationReport(result: result, checklist: checklist)
        report.locations = try SourceLocation.find(report.exampleRecords, in: ledger)
        let html = try report.write(to: project.reportsDirectory)
        try Reconciliation.record(result, reportPath: "reports/reconciliation.html", in: ledger)
        print(Self.line(["OBJECT", "TARGET", "SOURCE", "EXCL", "REJ", "PEND", "WRITTEN", "PRESENT", "MISSING"]))
        for o in result.objects {
            let counts = [o.extracted, o.excluded, o.rejected, o.pending, o.written, o.present, o.missing]
            print(Self.line([o.sourceObject, o.object] + counts.map(String.init)))
        }
        print(
            "\(result.compared) fields compared: \(result.defects.count) defect(s), \(result.drift.count) drift;"
                + " \(result.missing.count) missing, \(result.unexpected.count) unexpected;"
                + " relations \(result.relations.holding)/\(result.relations.checked),"
                + " owners \(result.owners.holding)/\(result.owners.checked),"
                + " files \(result.files.holding)/\(result.files.checked); \(result.requests) requests")
        print("Report: \(html.path) (+ .csv, .json)")
        guard result.reconciles else {
            FileHandle.standardError.write(Data("does not reconcile: see \(html.path)\n".utf8))
            throw ExitCode(2)
        }
        print("Everything reconciles.")
    }

    /// One table line: the object columns wide, the counts narrower.
    static func line(_ cells: [String]) -> String {
        let widths = [22, 16, 8, 6, 6, 6, 9, 9]
        return cells.enumerated().map { $0.offset < widths.count ? $0.element.padding(widths[$0.offset]) : $0.element }
            .joined()
    }
}
