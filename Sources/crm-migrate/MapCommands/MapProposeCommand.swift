import AllegoryExport
import ArgumentParser
import ExportUnderstanding
import FieldMap
import Foundation
import Ledger
import SourceSnapshot
import TwentyClient
import TwentyModel

struct MapProposeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "propose",
        abstract:
            "Propose a field map from a sample of the export; writes PROJECT_DIR/map.yaml and records map.proposed.",
        discussion: """
            Targets come from the live workspace's metadata with --twenty (key from --api-key-file or TWENTY_API_KEY), \
            else from the built-in description of Twenty's standard objects (--twenty-version). Each column gets a \
            target, a transform, a confidence from 0 to 1 and reasons, from its header and a sample of its values \
            (the first --sample-rows records of each file). An existing map.yaml is replaced.
            """)

    @OptionGroup var options: ProjectOptions
    @Option(help: "The export folder (default: the folder of the project's latest snapshot).", completion: .directory)
    var export: String?
    @Option(
        help: "The Twenty workspace URL whose metadata gives the targets (default: none, use the built-in description)."
    )
    var twenty: String?
    @Option(
        help: "A file holding the workspace API key (default: the TWENTY_API_KEY environment variable).",
        completion: .file())
    var apiKeyFile: String?
    @Flag(help: "Allow plain http:// to a workspace that is not on this machine (the key then travels unencrypted).")
    var allowInsecure = false
    @Option(help: "The data model to assume without --twenty: v1 (Twenty 1.x before 1.18) or v2.")
    var twentyVersion = TwentyVersion.v2
    @Option(help: "Records sampled from the start of each file.") var sampleRows = SourceSample.defaultRowLimit
    @Option(
        help: """
            An OpenAI-compatible endpoint (e.g. http://localhost:8080/v1) asked for suggestions where the tool is unsure \
            (default: off). Only column names and up to 5 sample values per column are sent, never whole records; the \
            key is read from CRM_MIGRATE_ASSIST_KEY and never logged.
            """)
    var assist: String?
    @Option(help: "The model name sent to the --assist endpoint.") var assistModel = "gpt-4o-mini"

    func validate() throws {
        if sampleRows < 10 { throw ValidationError("--sample-rows must be at least 10") }
        if apiKeyFile != nil, twenty == nil { throw ValidationError("--api-key-file needs --twenty URL") }
        if let assist, URL(string: assist)?.scheme == nil { throw ValidationError("--assist \(assist) is not a URL") }
    }

    func run() async throws {
        let project = try options.open()
        let ledger = try project.openLedger(.read)
        let snapshotPath = try ledger.latestSnapshotExportPath()
        let exportPath = export ?? snapshotPath
        guard let exportPath else {
            throw UserFacingError(
                "no export to propose from: pass --export DIR or take a snapshot first (`crm-migrate snapshot`)")
        }
        let catalog = try await targets()
        let started = Date()
        let layout = try ExportLayout(root: URL(fileURLWithPath: exportPath).standardizedFileURL)
        // The understanding the snapshot recorded (the identities and links every later step uses); an export other
        // than the snapshot's is understood afresh, and the proposal says so.
        var understanding = try UnderstandingRecord.latestComplete(in: ledger)
        func standardized(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }
        let fromSnapshot =
            understanding != nil && (export == nil || export.map(standardized) == snapshotPath.map(standardized))
        if !fromSnapshot { understanding = try Understander(layout: layout).understand() }
        var proposer = MapProposer(layout: layout, catalog: catalog, understanding: understanding, rowLimit: sampleRows)
        // From the project's snapshot, the proposal samples the records the ledger holds.
        if fromSnapshot { proposer.ledger = ledger }
        var proposal = try proposer.propose()
        if let assist, let url = URL(string: assist) {
            let client = AssistClient(
                endpoint: url, model: assistModel, apiKey: ProcessInfo.processInfo.environment["CRM_MIGRATE_ASSIST_KEY"]
            )
            let merged = try await AssistMerge.apply(
                client: client, to: proposal.map, samples: proposal.samples, catalog: catalog)
            proposal.map = merged.map
            proposal.notes.append("language model: \(merged.adopted) suggestion(s) adopted of \(merged.received)")
        }
        let seconds = Date().timeIntervalSince(started)
        let header = [
            "crm-migrate field map for project \(project.settings.name)",
            "Proposed from \(layout.root.path) (first \(sampleRows) records of each file),",
            "against \(catalog.origin).",
        ]
        let written = try MapFile.write(
            proposal.map, header: header, catalog: catalog, projectDirectory: project.directory)
        let fields = proposal.map.objects.reduce(0) { $0 + $1.fields.count }
        try MapConfirmation.recordProposal(projectDirectory: project.directory, sha256: written.sha256, fields: fields)
        print(
            "Proposed \(written.url.path) in \(String(format: "%.2f", seconds)) s: \(proposal.map.objects.count) objects, \(fields) columns"
        )
        for object in proposal.map.objects {
            let low = object.fields.filter { $0.confidence < 0.6 }.count
            let created = object.fields.filter { $0.newField != nil }.count
            print(
                "  \(object.file.padding(toLength: 40, withPad: " ", startingAt: 0)) -> \(object.target.isEmpty ? "(not migrated)" : object.target)"
                    + (object.fields.isEmpty
                        ? "" : "  \(object.fields.count) columns, \(created) new fields, \(low) below 0.6"))
        }
        for note in proposal.notes { print("note: \(note)") }
        print("Next: crm-migrate map review, edit map.yaml if needed, then crm-migrate map confirm --by NAME")
    }

    func targets() async throws -> TargetCatalog {
        guard let twenty else { return .builtIn(twentyVersion) }
        let connection = try TwentyAccess.connection(url: twenty, apiKeyFile: apiKeyFile, allowInsecure: allowInsecure)
        return try await TwentyAccess.withClient(connection) { try await TargetCatalog.live($0) }
    }
}
