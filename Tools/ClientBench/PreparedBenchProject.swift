import CanonicalJSON
import Foundation
import Ledger
import RecordTransform
import SchemaPreparation
import TwentyClient
import TwentyClientSandbox
import TwentySandbox

/// A generated project with a fresh in-process sandbox prepared for its map (the export's active users invited as
/// members) and every record transformed: where `run` starts. The client is unthrottled and counts its requests.
struct PreparedBenchProject {
    let project: BenchProject
    let opened: Project
    let ledger: Ledger
    let client: TwentyClient
    let transport: CountingTransport
    var export: URL { project.directory.deletingLastPathComponent().appendingPathComponent("export") }

    init(root: URL, contacts: Int, seed: UInt64, batchMax: Int) async throws {
        project = try BenchProject(root: root, contacts: contacts, seed: seed)
        let engine = try SandboxEngine(
            dataDirectory: root.appendingPathComponent("sandbox").path,
            options: SandboxOptions(batchMax: batchMax, twentyVersion: .v2))
        transport = CountingTransport(SandboxTransport(engine))
        client = TwentyClient(
            connection: try TwentyConnection(url: "http://127.0.0.1:3000", apiKey: TwentyAPIKey("run-bench-key-0001")),
            transport: transport, limits: RateLimits(shortLimit: 1_000_000, longLimit: 1_000_000))
        let users = try String(contentsOf: root.appendingPathComponent("export/users.csv"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",").map(String.init) }
        _ = try await client.send(
            "POST", "_sandbox/members",
            body: .array(
                users.filter { $0.last == "true" }.map {
                    ["name": .string($0[1]), "userEmail": .string($0[2])]
                }))
        opened = try Project.open(at: project.directory)
        ledger = try opened.openLedger(.write)
        _ = try await SchemaPreparer(client: client, ledger: ledger).prepare(
            map: project.confirmed.map, mapSha256: project.confirmed.sha256)
        let workspace = try await TransformWorkspace.read(client)
        _ = try TransformRun(
            ledger: ledger, map: project.confirmed.map, mapSha256: project.confirmed.sha256,
            context: try TransformContext(
                projectId: opened.settings.projectId, map: project.confirmed.map, workspace: workspace)
        ).run()
    }
}
