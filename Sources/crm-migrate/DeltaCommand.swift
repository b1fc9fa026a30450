import AllegoryExport
import ArgumentParser
import ExportAudit
import FieldMap
import Foundation
import Ledger
import MigrationEngine
import RecordTransform
import SourceSnapshot
import TwentyClient

struct DeltaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delta",
        abstract: "Carry over what changed in Allegory since the migration: a new export, only its changes written.",
        discussion: """
            Takes a snapshot of the new export (only new and changed records are extracted), transforms them under \
            the confirmed map, then writes to the bound workspace: new records created as `run` creates them \
            (parents first, with their links, targets and attachments); changed records updated with only the \
            fields that changed, the fields' values in Twenty read just before (batched by id) and kept in the \
            intent as the before-image; records gone from the export listed, and destroyed with \
            --propagate-deletes (their full before-images kept, so rollback re-creates them).

            A field edited in Twenty since the migration wrote it (Twenty's value differs from what the ledger \
            says was written, after Twenty's normalisation) is a conflict: shown with its three values (ours \
            before, Allegory now, Twenty now) and left as Twenty holds it, unless --overwrite-conflicts, or the \
            field's `onConflict: source | twenty` in map.yaml decides. A record deleted in Twenty is not re-created.

            When the confirmed map changed since the records were written, changed records are written under the \
            new map, and the report says which fields it would change on unchanged records; --remap rewrites them.

            Each delta is a ledger run (its id is printed): `crm-migrate rollback --run ID` undoes it alone, and \
            `crm-migrate reconcile` checks it. Run it again with the same export and it writes nothing; stopped at \
            any point, running it again converges. Report: reports/delta-N.json (N the snapshot). Exit status: 0 \
            done, 2 done with records Twenty refused, 3 stopped (run again to resume).
            """)

    @OptionGroup var options: ProjectOptions
    @OptionGroup var access: TwentyOptions
    @Option(help: "The new export folder or .zip, in the layout of the first one.", completion: .file())
    var export: String
    @Flag(help: "Destroy the records whose source record is gone from the export (default: list them only).")
    var propagateDeletes = false
    @Flag(help: "Write the source's value over fields edited in Twenty (default: keep Twenty's edit, report it).")
    var overwriteConflicts = false
    @Flag(help: "Also rewrite unchanged records whose fields the current map writes differently (default: report).")
    var remap = false
    @Flag(help: "Print the report as one JSON object on standard output (messages on standard error).")
    var json = false

    func run() async throws {
        let project = try options.open()
        let confirmed = try MapConfirmation.requireConfirmed(projectDirectory: options.directory)
        let connection = try access.connection()
        let ledger = try project.openLedger(.write)
        let say: (String) -> Void = { text in
            if json { FileHandle.standardError.write(Data((text + "\n").utf8)) } else { print(text) }
        }
        let layout = try ExportLayout(root: URL(fileURLWithPath: export).standardizedFileURL)
        let started = Date()
        let snapshot = try Snapshotter(ledger: ledger, layout: layout).run()
        say(
            "Snapshot \(snapshot.snapshot) of \(layout.root.path): \(snapshot.extracted) new or changed, "
                + "\(snapshot.missing) gone, \(snapshot.unchanged) unchanged")
        let source = try? ExportSource.opened(at: layout.root)
        let outcome: Result<DeltaSummary, Error> = try await TwentyAccess.withClient(
            connection, limits: access.limits
        ) { client in
            let workspace = try await client.describeWorkspace()
            try TwentyAccess.bind(ledger, to: workspace, through: connection)
            let transformed = try await transform(confirmed, project: project, ledger: ledger, client: client)
            say("Transformed under map \(confirmed.sha256.prefix(12)): \(transformed) event(s) appended")
            let delta = DeltaRun(
                client: client, ledger: ledger, workspace: workspace, map: confirmed.map,
                mapSha256: confirmed.sha256, projectId: project.settings.projectId, source: source,
                options: DeltaOptions(
                    propagateDeletes: propagateDeletes, overwriteConflicts: overwriteConflicts, remap: remap))
            delta.migration.writer.afterCall = CrashDrill.after("CRM_MIGRATE_KILL_AFTER_WRITE_CALLS")
            delta.afterCall = CrashDrill.after("CRM_MIGRATE_KILL_AFTER_DELTA_CALLS")
            try ledger.append([.runStarted(RunStarted(command: "delta", mode: mode))])
            let result: Result<DeltaSummary, Error>
            do {
                result = .success(try await delta.run())
            } catch {
                result = .failure(error)
            }
            try delta.migration.manifest.append(
                to: project.directory.appendingPathComponent("reports/attachments-manifest.csv"))
            return result
        }
        switch outcome {
        case .success(var summary):
            summary.rejectedByTransform = try Self.rejected(in: ledger)
            try ledger.append([
                .runCompleted(
                    RunCompleted(
                        command: "delta",
                        counts: [
                            "snapshot": snapshot.snapshot, "created": summary.createdCount,
                            "updated": summary.updatedCount, "conflicts": summary.conflicts.count,
                            "deleted": summary.deletedCount, "refused": summary.refusedCount,
                            "rejected": summary.rejectedByTransform.count,
                        ]))
            ])
            let report = DeltaReport.json(summary, snapshot: snapshot.snapshot, runId: ledger.runId)
            let reports = project.directory.appendingPathComponent("reports")
            try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
            let url = reports.appendingPathComponent("delta-\(snapshot.snapshot).json")
            try Data(report.canonicalText.utf8).write(to: url)
            if json {
                print(report.canonicalText)
            } else {
                print("Delta run \(ledger.runId) (snapshot \(snapshot.snapshot))")
                for line in DeltaReport.lines(summary) { print(line) }
                print(String(format: "%.1f s; report: %@", Date().timeIntervalSince(started), url.path))
            }
            if summary.refusedCount > 0 { throw ExitCode(2) }
        case .failure(let error):
            let sentence = (error as? TwentyError)?.description ?? "\(error)"
            try ledger.append([.runFailed(RunFailed(command: "delta", error: sentence))])
            FileHandle.standardError.write(
                Data("stopped: \(sentence)\nrun `crm-migrate delta` again with the same export to resume\n".utf8))
            throw ExitCode(3)
        }
    }

    /// The records this process's transform rejected: the delta's new and changed records that are not written.
    private static func rejected(in ledger: Ledger) throws -> [RecordRejected] {
        var rejected: [RecordRejected] = []
        try ledger.events(matching: EventFilter(type: EventType.recordRejected.rawValue, runId: ledger.runId)) {
            if case .recordRejected(let event) = try $0.decoded() { rejected.append(event) }
        }
        return rejected
    }

    private var mode: String {
        var words = ["delta"]
        if propagateDeletes { words.append("propagate-deletes") }
        if overwriteConflicts { words.append("overwrite-conflicts") }
        if remap { words.append("remap") }
        return words.joined(separator: "+")
    }

    /// Transforms the new snapshot's new and changed records, as `crm-migrate transform` does (records settled under
    /// the same map are not transformed again); returns how many events it appended.
    private func transform(_ confirmed: ConfirmedMap, project: Project, ledger: Ledger, client: TwentyClient)
        async throws -> Int
    {
        let workspace = try await TransformWorkspace.read(client)
        let context: TransformContext
        do {
            context = try TransformContext(
                projectId: project.settings.projectId, map: confirmed.map, workspace: workspace)
        } catch let error as WorkspaceFitError {
            throw UserFacingError(error.description)
        }
        _ = try UnderstandingRecord.latestComplete(in: ledger)
        let rules = Array(Set(confirmed.map.exclusions + (project.settings.exclude ?? []))).sorted()
        if !rules.isEmpty {
            var auditOptions = Auditor.Options()
            auditOptions.exclude = rules
            _ = try Auditor(ledger: ledger, options: auditOptions).run()
        }
        let summary = try TransformRun(
            ledger: ledger, map: confirmed.map, mapSha256: confirmed.sha256, context: context
        ).run()
        return summary.newEvents
    }
}
