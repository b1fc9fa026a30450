import AllegoryExport
import ExportGenerator
import Foundation
import Ledger
import MigrationEngine
import RecordTransform
import SourceSnapshot

extension MigrationRig {
    /// Takes a snapshot of the rig's export as it now stands and transforms it under the confirmed map: what
    /// `crm-migrate delta` does before it writes.
    func pickUp(_ ledger: Ledger) async throws {
        let layout = try ExportLayout(root: root.appendingPathComponent("export"))
        _ = try Snapshotter(ledger: ledger, layout: layout).run()
        let workspace = try await TransformWorkspace.read(client)
        let context = try TransformContext(
            projectId: project.settings.projectId, map: confirmed.map, workspace: workspace)
        _ = try TransformRun(ledger: ledger, map: confirmed.map, mapSha256: confirmed.sha256, context: context).run()
    }

    func delta(_ ledger: Ledger, _ options: DeltaOptions = DeltaOptions()) async throws -> DeltaRun {
        DeltaRun(
            client: client, ledger: ledger, workspace: try await client.describeWorkspace(), map: confirmed.map,
            mapSha256: confirmed.sha256, projectId: project.settings.projectId,
            source: try ExportSource(url: root.appendingPathComponent("export")), options: options)
    }

    /// The Twenty id the migration gave the source record `sourceId` of `object`.
    func twentyId(_ object: String, _ sourceId: String) -> String {
        RecordIdentity(projectId: project.settings.projectId).id(object: object, sourceId: sourceId)
    }
}
