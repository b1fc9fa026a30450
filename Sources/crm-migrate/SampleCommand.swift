import AllegoryExport
import ArgumentParser
import FieldMap
import Foundation
import Ledger
import MigrationEngine
import TwentyClient

struct SampleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Migrate a representative slice of each object, read it back and diff it field by field.",
        discussion: """
            Requires map.yaml to be the map confirmed last, `crm-migrate prepare` and `crm-migrate transform` to \
            have run, and the workspace the project is bound to. Per object, up to --per-object pending records are \
            chosen (first those bringing a field or a kind of link no other chosen record has), plus the parents \
            their links need, and written exactly as `run` writes them: `run` later skips them. Links to records of \
            the same object (parent companies) are set in a second pass, task and note targets are written, and up \
            to --per-object attachments of the sampled records are uploaded with their files.

            Every written record is read back and compared per field (per subfield for composites): the source \
            value, the value sent and the value Twenty holds, agreeing when equal after Twenty's normalisation \
            (emails lower-cased, URLs by origin, phones by number and calling code, amounts by micros, dates by \
            instant, nulls and empties alike); pick-list values are checked against the field's options, owners \
            against the workspace's members, relations against the parent's id, each parent-company link, each \
            task's and note's targets as read back, and each attachment's file read back against the export's size \
            and SHA-256. reports/sample-diff.csv has every \
            row, reports/sample-diff.html a summary per field and the rows that disagree.

            Disagreements are printed, and the command still exits 0: whether they matter is for a person to \
            decide. After reading the report, `crm-migrate sample --approve --by NAME` records the approval of the \
            current map's sample (sample.approved), which `run` requires; it writes nothing to Twenty and is \
            refused when no sample has run since the map was confirmed. Running the sample again picks other \
            pending records.
            """)

    @OptionGroup var options: ProjectOptions
    @OptionGroup var access: TwentyOptions

    @Option(help: "Records sampled per object, before the parents their links need (at most 500).")
    var perObject = 100

    @Flag(help: "Record the approval of the latest sample of the current map instead of sampling (needs --by).")
    var approve = false

    @Option(help: "Who approves the sample, with --approve.")
    var by: String?

    func validate() throws {
        guard (1...500).contains(perObject) else { throw ValidationError("--per-object must be between 1 and 500") }
        if approve, (by ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--approve needs --by NAME: the person who read the sample's diff")
        }
        if !approve, by != nil { throw ValidationError("--by goes with --approve") }
    }

    func run() async throws {
        let project = try options.open()
        let confirmed = try MapConfirmation.requireConfirmed(projectDirectory: options.directory)
        if approve {
            let ledger = try project.openLedger(.write)
            do {
                let approval = try ledger.approveSample(mapSha256: confirmed.sha256, by: by ?? "")
                print(
                    "sample \(approval.sampleRunId) of map \(confirmed.sha256.prefix(12)) approved by \(approval.by);"
                        + " `crm-migrate run` may now migrate the rest")
            } catch let refused as SampleNotRun {
                throw UserFacingError(refused.description)
            }
            return
        }
        // Needed for attachments only: without the export's files the sample leaves them out and says so.
        let exportPath = try project.openLedger(.read).latestSnapshotExportPath()
        let source = exportPath.flatMap { try? ExportSource.opened(at: URL(fileURLWithPath: $0)) }
        let connection = try access.connection()
        let reports = project.directory.appendingPathComponent("reports")
        let summary: SampleSummary = try await TwentyAccess.withClient(connection, limits: access.limits) { client in
            let workspace = try await client.describeWorkspace()
            do {
                try project.openLedger(.read).requireBoundWorkspace(
                    url: workspace.url, workspaceId: connection.apiKey.workspaceIdClaim,
                    fingerprint: workspace.fingerprint)
            } catch let mismatch as WorkspaceMismatch {
                throw UserFacingError(mismatch.description)
            }
            let ledger = try project.openLedger(.write)
            let run = SampleRun(
                client: client, ledger: ledger, workspace: workspace, map: confirmed.map,
                mapSha256: confirmed.sha256, projectId: project.settings.projectId, perObject: perObject,
                source: source)
            print(
                "Sampling up to \(perObject) records per object under map \(confirmed.sha256.prefix(12)) into"
                    + " \(workspace.url)")
            print(Self.line(["OBJECT", "SAMPLED", "PARENTS", "WRITTEN", "REFUSED", "LINKS", "FIELDS", "DISAGREE"]))
            run.progress = { o in
                print(
                    Self.line(
                        [o.sourceObject]
                            + [
                                o.sampled, o.parents, o.written, o.refused, o.links.written, o.compared,
                                o.disagreements,
                            ].map(String.init)))
            }
            return try await run.run()
        }
        for note in summary.notes { print("note: \(note)") }
        var report = summary.report
        report.locations = try SourceLocation.find(report.exampleRecords, in: try project.openLedger(.read))
        let written = try report.write(to: reports)
        let disagreeing = summary.report.summary.filter { $0.disagreements > 0 }
        if disagreeing.isEmpty {
            print("Every field compared agrees after Twenty's normalisation.")
        } else {
            print("Fields that disagree (object, field, disagreements / compared):")
            for entry in disagreeing {
                print(
                    "  " + "\(entry.object).\(entry.field)".padding(44) + "\(entry.disagreements) / \(entry.compared)")
            }
        }
        print("Diff: \(written.html.path)\n      \(written.csv.path)")
        print(
            "Sample run \(summary.runId). Read the diff, then approve it with"
                + " `crm-migrate sample --approve --by NAME`.")
    }

    /// One table line: the object's column wide, the counts narrower.
    static func line(_ cells: [String]) -> String {
        let widths = [22, 9, 9, 9, 9, 7, 8]
        return cells.enumerated().map { $0.offset < widths.count ? $0.element.padding(widths[$0.offset]) : $0.element }
            .joined()
    }
}
