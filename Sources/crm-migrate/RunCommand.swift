import AllegoryExport
import ArgumentParser
import FieldMap
import Foundation
import Ledger
import MigrationEngine
import TwentyClient

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Write every transformed record to the workspace, parents first, each record exactly once.",
        discussion: """
            Requires the confirmed map, a prepared workspace (`crm-migrate prepare`), a transform \
            (`crm-migrate transform`) and an approved sample of the map (`crm-migrate sample`, then \
            `sample --approve --by NAME`; --skip-sample overrides, and the ledger records it). Records the sample \
            wrote are not written again. Objects go in the order the map's references imply (companies, people, \
            opportunities, custom objects, junction records, tasks, notes, activities with their task and note \
            targets, then attachments, uploaded and listed in reports/attachments-manifest.csv); links from an \
            object to itself (a parent company) are set once all its records exist. Batches go at the workspace's \
            maximum; a batch Twenty refuses is split until the refused records stand alone, each recorded with \
            Twenty's reason, and the rest are written.

            Every batch is an intent in the ledger before the call and its outcome after. Stopped at any point, \
            running it again first reads back what was in doubt, then goes on: nothing is written twice. Exit \
            status: 0 done, 2 done with records Twenty refused (in this run or an earlier one), 3 stopped (run again \
            to resume).

            Progress: on a terminal, one line per object redrawn after each batch (done / total, records/s, ETA, \
            time spent waiting on the rate limit); otherwise a line per object when it is finished and, for a long \
            object, a line every 10 s. --json writes one JSON object per line instead (a `progress` event per \
            batch, then a `summary` with where every source record stands and the exit status), and messages for \
            people go to standard error.
            """)

    @OptionGroup var options: ProjectOptions
    @OptionGroup var access: TwentyOptions
    @Flag(help: "Run without an approved sample of the current map (recorded in the ledger as the run's mode).")
    var skipSample = false
    @Flag(help: "Write progress and the summary as JSON lines on standard output, messages on standard error.")
    var json = false

    func run() async throws {
        let project = try options.open()
        let confirmed = try MapConfirmation.requireConfirmed(projectDirectory: options.directory)
        let connection = try access.connection()
        let ledger = try project.openLedger(.write)
        let approved = try ledger.sampleApproved(mapSha256: confirmed.sha256)
        guard skipSample || approved else {
            throw UserFacingError(
                "no approved sample of map \(confirmed.sha256.prefix(12)): run `crm-migrate sample`, read"
                    + " reports/sample-diff.html, then `crm-migrate sample --approve --by NAME` (or run with --skip-sample,"
                    + " which the ledger records)")
        }
        guard let exportPath = try ledger.latestSnapshotExportPath() else {
            throw UserFacingError("the project has no snapshot yet; run `crm-migrate snapshot --export DIR` first")
        }
        // Needed for attachments only: a moved export fails their step with a sentence, not the whole run.
        let source = try? ExportSource.opened(at: URL(fileURLWithPath: exportPath))
        let started = Date()
        let display = ProgressDisplay(json: json)
        let outcome: Result<RunSummary, Error> = try await TwentyAccess.withClient(connection, limits: access.limits) {
            client in
            let workspace = try await client.describeWorkspace()
            try TwentyAccess.bind(ledger, to: workspace, through: connection)
            display.say(
                "Writing under map \(confirmed.sha256.prefix(12)) to \(workspace.url) (batches of \(workspace.batchMaximum))"
            )
            if display.mode != .json { display.say(ProgressText.tableHeader) }
            let run = MigrationRun(
                client: client, ledger: ledger, workspace: workspace, map: confirmed.map, mapSha256: confirmed.sha256,
                projectId: project.settings.projectId, source: source)
            run.batchProgress = { display.show($0) }
            run.writer.afterCall = CrashDrill.after("CRM_MIGRATE_KILL_AFTER_WRITE_CALLS")
            run.afterUpload = CrashDrill.after("CRM_MIGRATE_KILL_AFTER_UPLOADS")
            try ledger.append([.runStarted(RunStarted(command: "run", mode: skipSample ? "full-skip-sample" : "full"))])
            let result: Result<RunSummary, Error>
            do {
                result = .success(try await run.run())
            } catch {
                result = .failure(error)
            }
            try run.manifest.append(to: project.directory.appendingPathComponent("reports/attachments-manifest.csv"))
            return result
        }
        switch outcome {
        case .success(let summary):
            let refused = summary.objects.reduce(0) { $0 + $1.counts.refused + $1.links.refused }
            try ledger.append([
                .runCompleted(
                    RunCompleted(
                        command: "run",
                        counts: [
                            "written": summary.objects.reduce(0) { $0 + $1.counts.written },
                            "refused": refused,
                            "links": summary.objects.reduce(0) { $0 + $1.links.written },
                            "merged": summary.objects.reduce(0) { $0 + $1.counts.merged },
                            "skipped": summary.objects.reduce(0) { $0 + $1.counts.skipped },
                        ]))
            ])
            for done in summary.objects where done.counts.merged + done.counts.skipped > 0 {
                // Collisions with records already in the workspace, handled by the map's onCollision policy.
                print(
                    "\(done.sourceObject): \(done.counts.merged) merged into and \(done.counts.skipped) skipped for"
                        + " \(done.object) records already in the workspace (onCollision)")
            }
            if summary.settledIntents > 0 {
                display.say(
                    "settled \(summary.settledIntents) batch(es) an interrupted run left in doubt: Twenty held"
                        + " \(summary.settledRecords) of their records")
            }
            let conservation = try ledger.conservation()
            display.say(ConservationTable.lines(conservation).joined(separator: "\n"))
            let seconds = Date().timeIntervalSince(started)
            display.say(String(format: "%.1f s; ledger now holds %d events", seconds, ledger.head.seq))
            // Refusals of earlier, interrupted runs count too: the status says where the migration stands.
            let status: Int32 = try ledger.refusedByTwenty() > 0 ? 2 : 0
            display.summary(
                ProgressJSON.summary(
                    exitStatus: status, seconds: seconds, conservation: conservation,
                    settledIntents: summary.settledIntents, stopped: nil))
            if status != 0 { throw ExitCode(status) }
        case .failure(let error):
            let sentence = (error as? TwentyError)?.description ?? "\(error)"
            display.close()
            try ledger.append([.runFailed(RunFailed(command: "run", error: sentence))])
            FileHandle.standardError.write(Data("stopped: \(sentence)\nrun `crm-migrate run` again to resume\n".utf8))
            display.summary(
                ProgressJSON.summary(
                    exitStatus: 3, seconds: Date().timeIntervalSince(started),
                    conservation: (try? ledger.conservation()) ?? [], settledIntents: 0, stopped: sentence))
            throw ExitCode(3)
        }
    }
}
