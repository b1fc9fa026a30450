import AllegoryExport
import ArgumentParser
import Foundation
import MigrationEngine

/// What reconciling a finished migration costs against an unthrottled in-process sandbox: requests (against the
/// floor of one per page of the batch maximum per object read) and wall time. The migration itself is run first and
/// not timed.
struct ReconcileBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Reconcile a finished migration on a fresh in-process sandbox: requests, pages, seconds, records/s.")

    @Option(help: "Contacts in the generated export.") var contacts = 2_000
    @Option(help: "The generator's seed.") var seed: UInt64 = 5
    @Option(help: "The workspace's batch maximum (default: 200, as current Twenty).") var batchMax = 200

    func run() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("reconcile-bench-\(UUID())")
        defer { try? FileManager.default.removeItem(at: root) }
        let bench = try await PreparedBenchProject(root: root, contacts: contacts, seed: seed, batchMax: batchMax)
        let map = bench.project.confirmed.map
        let workspace = try await bench.client.describeWorkspace()
        let migrated = try await MigrationRun(
            client: bench.client, ledger: bench.ledger, workspace: workspace, map: map,
            mapSha256: bench.project.confirmed.sha256, projectId: bench.opened.settings.projectId,
            source: try ExportSource(url: bench.export)
        ).run()
        let written = migrated.objects.reduce(0) { $0 + $1.counts.written + $1.links.written }

        let before = bench.client.requestsSent
        let started = DispatchTime.now().uptimeNanoseconds
        let result = try await Reconciliation(
            client: bench.client, ledger: bench.ledger, workspace: workspace, map: map
        )
        .run()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let requests = bench.client.requestsSent - before
        // The fewest requests a full read allows: one page per batch maximum of records (at least one) per object.
        var held: [String: Int] = [:]
        for object in result.objects { held[object.object, default: 0] += object.present }
        let floor = held.values.reduce(0) { $0 + max(1, ($1 + batchMax - 1) / batchMax) }
        print(
            "client-bench reconcile: \(contacts) contacts (seed \(seed)), in-process sandbox v2, batch maximum"
                + " \(batchMax), unthrottled client; export generated, prepared, transformed and run first (not timed)")
        print("  records written   \(written) (records and links), held by \(held.count) objects")
        print("  requests          \(requests) (floor \(floor): one per page of \(batchMax) per object)")
        print(
            "  fields compared   \(result.compared); differences \(result.differences.count); reconciles \(result.reconciles)"
        )
        print(
            "  wall time         "
                + String(format: "%.2f s, %.0f records/s", seconds, Double(written) / max(seconds, 1e-9)))
        print("  peak RSS          \(RunBench.peakMemory()) (this process: client, ledger and sandbox together)")
    }
}
