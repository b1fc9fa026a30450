import ArgumentParser
import ExportGenerator
import FieldMap
import Foundation
import Ledger
import SchemaPreparation
import TwentyClient
import TwentyClientSandbox
import TwentySandbox

/// What `prepare` costs against a fresh workspace: changes made, requests sent and wall time, then the same for a
/// second run, which should change nothing and send only the reads it needs to know that.
struct PrepareBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prepare",
        abstract: "prepare's changes, requests and wall time on a fresh in-process sandbox, then an idempotent rerun.")

    @Option(help: "Contacts in the generated export; every other file is sized from it (default: 1000).")
    var contacts = 1_000
    @Option(help: "The generator's seed.") var seed: UInt64 = 5

    func validate() throws {
        guard contacts >= ExportGenerator.minimumContactsWithDefects else {
            throw ValidationError("--contacts must be at least \(ExportGenerator.minimumContactsWithDefects)")
        }
    }

    func run() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("client-bench-\(UUID())")
        defer { try? FileManager.default.removeItem(at: root) }
        let project = try BenchProject(root: root, contacts: contacts, seed: seed)
        let engine = try SandboxEngine(
            dataDirectory: root.appendingPathComponent("sandbox").path, options: SandboxOptions(twentyVersion: .v2))

        print(
            "client-bench prepare: generated export of \(contacts) contacts (seed \(seed)), snapshotted, map proposed")
        print("  against the built-in v2 catalog and confirmed unedited; prepare against a fresh in-process sandbox")
        print("  (v2 engine, SandboxTransport, no socket), client with default RateLimits() and the system clock;")
        print("  each run a new client and a new ledger handle, as two `crm-migrate prepare` invocations would be.")
        let objects = project.confirmed.map.objects
        print(
            "  map: \(objects.count) objects (\(objects.filter { !$0.target.isEmpty }.count) with a target),"
                + " \(objects.reduce(0) { $0 + $1.fields.count }) columns")
        for (step, seconds) in project.timings { print("  setup: \(step) " + String(format: "%.2f s", seconds)) }
        for run in 1...2 {
            let transport = CountingTransport(SandboxTransport(engine))
            let client = TwentyClient(
                connection: try TwentyConnection(url: "http://127.0.0.1:3000", apiKey: TwentyAPIKey("bench")),
                transport: transport)
            let ledger = try Project.open(at: project.directory).openLedger(.write)
            let started = DispatchTime.now().uptimeNanoseconds
            let report = try await SchemaPreparer(client: client, ledger: ledger)
                .prepare(map: project.confirmed.map, mapSha256: project.confirmed.sha256)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            guard report.problems.isEmpty, report.refused.isEmpty else {
                throw ValidationError(
                    "prepare did not complete: \(report.problems.map(\.description) + report.refused.map(\.1))")
            }
            print("")
            print("prepare run \(run)\(run == 2 ? " (idempotent rerun)" : ""):")
            print("  changes made    \(report.applied.count)" + Self.byOperation(report.applied))
            print("  already there   \(report.present.count)")
            print("  requests sent   \(client.requestsSent) (\(transport.summary))")
            print("  wall time       " + String(format: "%.3f s", seconds))
        }
    }

    /// ` (createField 30, updateField 2)`: how many changes of each operation.
    private static func byOperation(_ changes: [PlannedChange]) -> String {
        guard !changes.isEmpty else { return "" }
        let counts = Dictionary(grouping: changes, by: { "\($0.change.op)" }).mapValues(\.count)
        return " (" + counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")"
    }
}
