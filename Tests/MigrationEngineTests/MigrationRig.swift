import AllegoryExport
import CanonicalJSON
import ExportGenerator
import FieldMap
import Foundation
import Ledger
import MigrationEngine
import RecordTransform
import SchemaPreparation
import SourceSnapshot
import TwentyClient
import TwentyClientSandbox
import TwentyModel
import TwentySandbox

/// A generated export taken through init, snapshot, proposal and confirmation in-process, and a sandbox engine
/// prepared for its map with the export's active users as members, then transformed: what `run` starts from.
final class MigrationRig {
    let root: URL
    let project: Project
    let confirmed: ConfirmedMap
    let engine: SandboxEngine
    let client: TwentyClient

    /// `onCollision` sets source objects' collision policies in the map before it is confirmed.
    init(
        contacts: Int = 120, seed: UInt64 = 5, version: TwentyVersion = .v2,
        onCollision: [String: CollisionPolicy] = [:]
    ) async throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("engine-\(UUID())")
        let export = root.appendingPathComponent("export")
        _ = try ExportGenerator(contacts: contacts, seed: seed).write(to: export)
        let directory = root.appendingPathComponent("project")
        project = try Project.create(at: directory, name: "engine-tests")
        let layout = try ExportLayout(root: export)
        let map: FieldMap
        do {
            let ledger = try project.openLedger(.write)
            let snapshotter = Snapshotter(ledger: ledger, layout: layout)
            _ = try snapshotter.run()
            var proposer = MapProposer(
                layout: layout, catalog: .builtIn(version), understanding: snapshotter.understanding)
            proposer.ledger = ledger
            var proposed = try proposer.propose().map
            for index in proposed.objects.indices {
                if let policy = onCollision[proposed.objects[index].source] {
                    proposed.objects[index].onCollision = policy
                }
            }
            map = proposed
        }
        let written = try MapFile.write(
            map, header: ["engine"], catalog: .builtIn(version), projectDirectory: directory)
        try MapConfirmation.recordProposal(projectDirectory: directory, sha256: written.sha256, fields: 0)
        confirmed = try MapConfirmation.confirm(projectDirectory: directory, by: "engine-tests")

        engine = try SandboxEngine(
            dataDirectory: root.appendingPathComponent("sandbox").path, options: SandboxOptions(twentyVersion: version))
        client = TwentyClient(
            connection: try TwentyConnection(
                url: "http://127.0.0.1:3000", apiKey: TwentyAPIKey("engine-tests-key-0123456789")),
            transport: SandboxTransport(engine), limits: RateLimits(shortLimit: 1_000_000, longLimit: 1_000_000))
        let users = try String(contentsOf: export.appendingPathComponent("users.csv"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",").map(String.init) }
        let members = users.filter { $0.last == "true" }.map {
            JSONValue.object(["name": .string($0[1]), "userEmail": .string($0[2])])
        }
        _ = try await client.send("POST", "_sandbox/members", body: .array(members))

        let ledger = try project.openLedger(.write)
        let report = try await SchemaPreparer(client: client, ledger: ledger).prepare(
            map: confirmed.map, mapSha256: confirmed.sha256)
        guard report.problems.isEmpty, report.refused.isEmpty else {
            throw MigrationError("prepare failed: \(report.problems) \(report.refused.map(\.1))")
        }
        let workspace = try await TransformWorkspace.read(client)
        let context = try TransformContext(
            projectId: project.settings.projectId, map: confirmed.map, workspace: workspace)
        _ = try TransformRun(ledger: ledger, map: confirmed.map, mapSha256: confirmed.sha256, context: context).run()
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func ledger() throws -> Ledger { try project.openLedger(.write) }

    func migration(_ ledger: Ledger) async throws -> MigrationRun {
        MigrationRun(
            client: client, ledger: ledger, workspace: try await client.describeWorkspace(), map: confirmed.map,
            mapSha256: confirmed.sha256, projectId: project.settings.projectId,
            source: try ExportSource(url: root.appendingPathComponent("export")))
    }

    /// The ids of every record of `plural` the workspace holds.
    func ids(_ plural: String) async throws -> [String] {
        var ids: [String] = []
        var cursor: String?
        repeat {
            var query = [(name: "limit", value: "200")]
            if let cursor { query.append((name: "starting_after", value: cursor)) }
            let page = try await client.get(TwentyPath.make("rest/\(plural)", query: query))
            ids += (page["data"]?[plural]?.items ?? []).compactMap { $0["id"]?.stringValue }
            cursor = page["pageInfo"]?["hasNextPage"] == .bool(true) ? page["pageInfo"]?["endCursor"]?.stringValue : nil
        } while cursor != nil
        return ids
    }
}
