import ArgumentParser
import ExportAudit
import FieldMap
import Foundation
import Ledger
import RecordTransform
import SourceSnapshot

struct TransformCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transform",
        abstract:
            "Turn every current source record into a Twenty payload or a rejection with reasons, under the confirmed map.",
        discussion: """
            Requires map.yaml to be the map confirmed last (`crm-migrate map confirm`). Objects are transformed in \
            dependency order (companies, contacts, deals, custom objects, junctions, tasks, notes, activities, \
            attachments); each record becomes record.transformed (the payload, with its deterministic id), \
            record.rejected (every reason with file, line and column) or record.excluded (the map skips the object, \
            or an exclusion rule of the map or project.json excludes it). Validation happens before any write: \
            values, required fields, links to missing or rejected parents, parent cycles, and emails and domains \
            shared inside the export, under the map's policies.

            Re-running is safe: records already transformed or rejected under the same map hash since their last \
            change are counted, not recorded again; a new map hash, or a record changed by a later snapshot, is \
            transformed again. Per object, the counts printed add up: source = transformed + rejected + excluded.

            The workspace (--twenty or TWENTY_URL, key from --api-key-file or TWENTY_API_KEY) is read once, before \
            any record: owners resolve to its members by email, and each target field is transformed for the type \
            the workspace really holds. A target it lacks is an error naming the object and field, except the \
            custom fields and objects the map creates, which `crm-migrate prepare` adds (until then they are \
            transformed as the map declares them). Nothing is written to the workspace.
            """)

    @OptionGroup var options: ProjectOptions

    @OptionGroup var access: TwentyOptions

    @Option(help: "Events appended per ledger transaction.")
    var batchSize = 20_000

    func validate() throws {
        guard batchSize > 0 else { throw ValidationError("--batch-size must be at least 1") }
    }

    func run() async throws {
        let project = try options.open()
        let confirmed = try MapConfirmation.requireConfirmed(projectDirectory: options.directory)
        let connection = try access.connection()
        let workspace = try await TwentyAccess.withClient(connection) { try await TransformWorkspace.read($0) }
        // Checked before the ledger is opened for writing: another workspace, or a map the workspace cannot take,
        // records nothing.
        do {
            try project.openLedger(.read).requireBoundWorkspace(
                url: workspace.url, workspaceId: connection.apiKey.workspaceIdClaim, fingerprint: workspace.fingerprint)
        } catch let mismatch as WorkspaceMismatch {
            throw UserFacingError(mismatch.description)
        }
        let context: TransformContext
        do {
            context = try TransformContext(
                projectId: project.settings.projectId, map: confirmed.map, workspace: workspace)
        } catch let error as WorkspaceFitError {
            throw UserFacingError(error.description)
        }
        let ledger = try project.openLedger(.write)
        guard try ledger.latestSnapshot() > 0 else {
            throw UserFacingError(
                "the project has no snapshot yet; run `crm-migrate snapshot --export EXPORT_DIR` first")
        }
        _ = try UnderstandingRecord.latestComplete(in: ledger)
        // Exclusion rules record record.excluded through the audit that defines them, once per record.
        let rules = Array(Set(confirmed.map.exclusions + (project.settings.exclude ?? []))).sorted()
        if !rules.isEmpty {
            var auditOptions = Auditor.Options()
            auditOptions.exclude = rules
            _ = try Auditor(ledger: ledger, options: auditOptions).run()
        }
        var run = TransformRun(ledger: ledger, map: confirmed.map, mapSha256: confirmed.sha256, context: context)
        run.batchSize = batchSize
        let started = Date()
        let members = workspace.members.count
        print(
            "Transforming under map \(confirmed.sha256.prefix(12)) (confirmed by \(confirmed.confirmedBy)) for "
                + "\(workspace.url) (\(members) members)")
        let header: String =
            "OBJECT".padding(24) + "TARGET".padding(18) + "SOURCE".padding(10) + "TRANSFORMED".padding(13)
        print(header + "REJECTED".padding(10) + "EXCLUDED".padding(10) + "ALREADY DONE")
        run.progress = { counts in
            print(
                counts.object.padding(24) + counts.target.padding(18) + String(counts.source).padding(10)
                    + String(counts.transformed).padding(13) + String(counts.rejected).padding(10)
                    + String(counts.excluded).padding(10) + String(counts.alreadySettled)
                    + (counts.balances ? "" : "  DOES NOT ADD UP"))
        }
        let summary = try run.run()
        let total = summary.objects.reduce(into: (0, 0, 0, 0)) {
            $0 = ($0.0 + $1.source, $0.1 + $1.transformed, $0.2 + $1.rejected, $0.3 + $1.excluded)
        }
        print(
            "total".padding(42) + String(total.0).padding(10) + String(total.1).padding(13)
                + String(total.2).padding(10) + String(total.3))
        if !summary.reasonsByCode.isEmpty {
            print("Rejection reasons recorded by this run:")
            for (code, count) in summary.reasonsByCode.sorted(by: {
                $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key
            }) {
                print("  " + code.padding(24) + String(count))
            }
        }
        let unresolved = summary.unresolvedLinks.values.reduce(0, +)
        print("Links: \(summary.linksWritten) written, \(unresolved) not written (each a link.unresolved event)")
        for (code, count) in summary.unresolvedLinks.sorted(by: { $0.key < $1.key }) {
            let dropped = summary.droppedLinks[code, default: 0]
            print(
                "  " + code.padding(24) + String(count)
                    + (dropped > 0 ? "  (\(dropped) on records written without the link)" : ""))
        }
        let report = try UnresolvedLinksReport.csv(ledger: ledger, mapSha256: confirmed.sha256)
        let reports = project.directory.appendingPathComponent("reports")
        try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
        let reportURL = reports.appendingPathComponent("unresolved-links.csv")
        try report.text.write(to: reportURL, atomically: true, encoding: .utf8)
        if report.rows > 0 {
            print("Every link not written, with file, line and value: \(reportURL.path) (\(report.rows) rows)")
        }
        let seconds = Date().timeIntervalSince(started)
        print(
            String(
                format: "%.1f s; %d events appended; ledger now holds %d events", seconds, summary.newEvents,
                ledger.head.seq))
        guard summary.balances else {
            throw UserFacingError(
                "the counts do not add up for \(summary.objects.filter { !$0.balances }.map(\.object).joined(separator: ", ")); nothing was lost from the ledger, but report this"
            )
        }
    }
}
