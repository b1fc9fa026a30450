import AllegoryExport
import ArgumentParser
import ExportGenerator
import Foundation
import Ledger
import MigrationEngine
import RecordTransform
import SourceSnapshot

/// What a delta costs after a full migration: a share of the contacts changed in the export (their job title), then
/// the delta timed and its requests counted, and a second delta with the same export (which must send nothing). The
/// target: no reads or writes for unchanged records beyond the conflict check, which reads the changed records back
/// a batch of ids per request.
struct DeltaBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delta",
        abstract: "A delta of N% changed contacts after a full run on a fresh in-process sandbox: requests and time.")

    @Option(help: "Contacts in the generated export.") var contacts = 100_000
    @Option(help: "Percent of the contacts changed in the new export.") var percent = 1.0
    @Option(help: "The generator's seed.") var seed: UInt64 = 5
    @Option(help: "The workspace's batch maximum (default: 200, as current Twenty).") var batchMax = 200

    func run() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("delta-bench-\(UUID())")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let prepared = try await PreparedBenchProject(root: root, contacts: contacts, seed: seed, batchMax: batchMax)
        let map = prepared.project.confirmed
        let workspace = try await prepared.client.describeWorkspace()
        print(
            "client-bench delta: \(contacts) contacts (seed \(seed)), in-process sandbox v2, batch maximum "
                + "\(workspace.batchMaximum), unthrottled client")
        var clock = Laps()
        _ = try await MigrationRun(
            client: prepared.client, ledger: prepared.ledger, workspace: workspace, map: map.map,
            mapSha256: map.sha256, projectId: prepared.opened.settings.projectId,
            source: try ExportSource(url: prepared.export)
        ).run()
        print(String(format: "  full run (not part of the delta): %.1f s", clock.lap()))

        var contactsFile = try EditableCSV(prepared.export.appendingPathComponent("contacts.csv"))
        let every = max(1, Int((100 / percent).rounded()))
        var changed = 0
        for (index, id) in contactsFile.ids.enumerated() where index % every == every - 1 {
            contactsFile.set(id, "Job Title", "Cutover Analyst \(index)")
            changed += 1
        }
        try contactsFile.write()
        print("  changed \(changed) contacts' job title (every \(every)th)")

        for pass in ["first delta", "same export again"] {
            let ledger = prepared.ledger
            clock = Laps()
            _ = try Snapshotter(ledger: ledger, layout: try ExportLayout(root: prepared.export)).run()
            let snapshotSeconds = clock.lap()
            let transformWorkspace = try await TransformWorkspace.read(prepared.client)
            _ = try TransformRun(
                ledger: ledger, map: map.map, mapSha256: map.sha256,
                context: try TransformContext(
                    projectId: prepared.opened.settings.projectId, map: map.map, workspace: transformWorkspace)
            ).run()
            let transformSeconds = clock.lap()
            let before = prepared.transport.counted
            let summary = try await DeltaRun(
                client: prepared.client, ledger: ledger, workspace: workspace, map: map.map, mapSha256: map.sha256,
                projectId: prepared.opened.settings.projectId, source: try ExportSource(url: prepared.export),
                options: DeltaOptions()
            ).run()
            let deltaSeconds = clock.lap()
            let requests = prepared.transport.counted.merging(before.mapValues { -$0 }, uniquingKeysWith: +)
                .filter { $0.value != 0 }
            let total = requests.values.reduce(0, +)
            print(
                "  \(pass): snapshot \(String(format: "%.1f", snapshotSeconds)) s, transform "
                    + "\(String(format: "%.1f", transformSeconds)) s, delta \(String(format: "%.2f", deltaSeconds)) s;"
                    + " created \(summary.createdCount), updated \(summary.updatedCount),"
                    + " conflicts \(summary.conflicts.count); \(total) requests ("
                    + requests.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
                    + ")")
        }
    }
}

/// Seconds between laps.
private struct Laps {
    var last = DispatchTime.now().uptimeNanoseconds

    mutating func lap() -> Double {
        let now = DispatchTime.now().uptimeNanoseconds
        defer { last = now }
        return Double(now - last) / 1e9
    }
}
