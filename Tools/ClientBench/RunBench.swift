import AllegoryExport
import ArgumentParser
import CanonicalJSON
import FieldMap
import Foundation
import Ledger
import MigrationEngine
import RecordTransform
import SchemaPreparation
import TwentyClient
import TwentyClientSandbox
import TwentySandbox

/// What a full run costs against an unthrottled in-process sandbox: records written, requests (by kind), records
/// per write request, records/s and the process's peak memory (sandbox included: both run in this process).
struct RunBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract:
            "A full migration run on a fresh in-process sandbox: requests, records per request, records/s, peak RSS.")

    @Option(help: "Contacts in the generated export (default: 2000).") var contacts = 2_000
    @Option(help: "The generator's seed (default: 5).") var seed: UInt64 = 5
    @Option(help: "The workspace's batch maximum (default: 200, as current Twenty).") var batchMax = 200

    func run() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("run-bench-\(UUID())")
        defer { try? FileManager.default.removeItem(at: root) }
        let bench = try await BenchWorkspace(root: root, contacts: contacts, seed: seed, batchMax: batchMax)
        let (project, opened, ledger, client, transport, export) = (
            bench.project, bench.opened, bench.ledger, bench.client, bench.transport, bench.export
        )

        let before = client.requestsSent
        let started = DispatchTime.now().uptimeNanoseconds
        let run = MigrationRun(
            client: client, ledger: ledger, workspace: try await client.describeWorkspace(), map: project.confirmed.map,
            mapSha256: project.confirmed.sha256, projectId: opened.settings.projectId,
            source: try ExportSource(url: export))
        let summary = try await run.run()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let requests = client.requestsSent - before
        let records = summary.objects.reduce(0) { $0 + $1.counts.written }
        let links = summary.objects.reduce(0) { $0 + $1.links.written }
        var creates = 0
        var created = 0
        try ledger.events(matching: EventFilter(type: EventType.writeRequested.rawValue)) { event in
            guard case .writeRequested(let intent) = try event.decoded(), intent.op == .create else { return }
            creates += 1
            created += intent.items.count
        }
        print(
            "client-bench run: \(contacts) contacts (seed \(seed)), in-process sandbox v2, batch maximum \(batchMax),")
        print("  unthrottled client; export generated, prepared and transformed first (not timed)")
        print(
            "  records written   \(records) (+ \(links) links), refused \(summary.objects.reduce(0) { $0 + $1.counts.refused })"
        )
        print("  requests          \(requests) in the run (\(transport.summary) in all)")
        print(
            "  create requests   \(creates) carrying \(created) records: "
                + String(format: "%.1f", Double(created) / Double(max(1, creates))) + " per request")
        print(
            "  wall time         "
                + String(format: "%.2f s, %.0f records/s", seconds, Double(records + links) / seconds))
        for object in summary.objects {
            print(
                "    \(object.sourceObject): \(object.counts.written) + \(object.links.written) links in "
                    + String(format: "%.2f s", object.seconds))
        }
        print("  peak RSS          \(Self.peakMemory()) (this process: client, ledger and sandbox together)")
    }

    /// VmHWM from /proc/self/status: the most resident memory the process has had.
    static func peakMemory() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return "unknown" }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kib = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
            return String(format: "%.1f MiB", Double(kib) / 1024)
        }
        return "unknown"
    }
}
