import AllegoryExport
import ExportGenerator
import FieldMap
import Foundation
import Ledger
import SourceSnapshot

/// A project as `init`, `snapshot`, `map propose` and `map confirm` leave it, built in-process over a generated
/// export: the confirmed map is read back from map.yaml, exactly what `prepare` would work from.
struct BenchProject {
    let directory: URL
    let confirmed: ConfirmedMap
    /// Seconds spent generating, snapshotting, and proposing + confirming.
    let timings: [(step: String, seconds: Double)]
    /// Records per file of the generated export, by the file's object (`contacts`, `companies`, ...).
    let exportCounts: [String: Int]

    init(root: URL, contacts: Int, seed: UInt64, companies: Int? = nil, deals: Int? = nil) throws {
        var timings: [(String, Double)] = []
        var started = DispatchTime.now().uptimeNanoseconds
        func lap(_ step: String) {
            let now = DispatchTime.now().uptimeNanoseconds
            timings.append((step, Double(now - started) / 1e9))
            started = now
        }
        let export = root.appendingPathComponent("export")
        let generated = try ExportGenerator(contacts: contacts, seed: seed, companies: companies, deals: deals).write(
            to: export)
        lap("generate export")
        directory = root.appendingPathComponent("project")
        let project = try Project.create(at: directory, name: "client-bench")
        let layout = try ExportLayout(root: export)
        let map: FieldMap
        // A scope of its own: the ledger's writer lock must be released before confirming opens the ledger again.
        do {
            let ledger = try project.openLedger(.write)
            let snapshotter = Snapshotter(ledger: ledger, layout: layout)
            _ = try snapshotter.run()
            lap("snapshot")
            var proposer = MapProposer(layout: layout, catalog: .builtIn(.v2), understanding: snapshotter.understanding)
            proposer.ledger = ledger
            map = try proposer.propose().map
        }
        let written = try MapFile.write(
            map, header: ["client-bench"], catalog: .builtIn(.v2), projectDirectory: directory)
        try MapConfirmation.recordProposal(
            projectDirectory: directory, sha256: written.sha256, fields: map.objects.reduce(0) { $0 + $1.fields.count })
        confirmed = try MapConfirmation.confirm(projectDirectory: directory, by: "client-bench")
        lap("propose + confirm map")
        self.timings = timings
        exportCounts = Dictionary(
            generated.recordCounts.map {
                (URL(fileURLWithPath: $0.key).deletingPathExtension().lastPathComponent, $0.value)
            },
            uniquingKeysWith: +)
    }
}
