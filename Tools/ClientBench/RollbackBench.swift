import ArgumentParser
import CanonicalJSON
import Foundation
import Ledger
import MigrationEngine
import TwentyClient
import TwentyClientSandbox
import TwentySandbox

/// What rolling back created records costs against an unthrottled in-process sandbox: requests (the target is the
/// records over the batch maximum, plus 1%) and time, in three passes: a ledger without Twenty's answered
/// `updatedAt` (as written before rollback used it: every record read back before its destroy), the default (one
/// destroy conditioned on `updatedAt` per batch, reading back only what it spares), and --force (no condition).
struct RollbackBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollback",
        abstract: "Rollback of N created people on a fresh in-process sandbox: requests and time, per rollback mode."
    )

    @Option(help: "People to create and then roll back.") var records = 100_000
    @Option(help: "The workspace's batch maximum (default: 200, as current Twenty).") var batchMax = 200

    func run() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("rollback-bench-\(UUID())")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let engine = try SandboxEngine(
            dataDirectory: root.appendingPathComponent("sandbox").path,
            options: SandboxOptions(batchMax: batchMax, twentyVersion: .v2))
        let transport = CountingTransport(SandboxTransport(engine))
        let client = TwentyClient(
            connection: try TwentyConnection(
                url: "http://127.0.0.1:3000", apiKey: TwentyAPIKey("rollback-bench-key-0001")),
            transport: transport, limits: RateLimits(shortLimit: 1_000_000, longLimit: 1_000_000))
        let workspace = try await client.describeWorkspace()
        guard let target = WriteTarget(sourceObject: "contacts", object: "person", in: workspace) else {
            throw ValidationError("the sandbox has no person object")
        }
        let ledger = try Ledger.create(at: root.appendingPathComponent("ledger.sqlite").path)
        let target100 = Double(records) / Double(workspace.batchMaximum) * 1.01
        print(
            "client-bench rollback: \(records) people, in-process sandbox v2, batch maximum \(workspace.batchMaximum),")
        print("  unthrottled client; the people are created first (not timed); target <= \(Int(target100)) requests")
        for pass in Pass.allCases {
            let people = (0..<records).map { index in
                PendingWrite(
                    sourceObject: "contacts", sourceId: "C\(index)", targetObject: "person",
                    values: [
                        "id": .string(Self.id(index, pass)),
                        "name": ["firstName": .string("Ada \(index)"), "lastName": "Lovelace"],
                        "jobTitle": "Analyst",
                    ], transformedSeq: 0)
            }
            if pass == .withoutAnswers {
                try await Self.createUnanswered(people, client: client, ledger: ledger, target: target, workspace)
            } else {
                let writer = RecordWriter(client: client, ledger: ledger, batchMaximum: workspace.batchMaximum)
                _ = try await writer.write(people, to: target)
            }
            let rollback = WorkspaceRollback(client: client, ledger: ledger, workspace: workspace)
            rollback.force = pass == .force
            let started = DispatchTime.now().uptimeNanoseconds
            let summary = try await rollback.run(.everything)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            let left = try await client.get("rest/people?limit=1")["totalCount"]?.numberValue ?? -1
            print(
                "  \(pass.rawValue) compensated \(summary.compensated), kept \(summary.kept.count),"
                    + " requests \(summary.requests) (\(String(format: "%.3f", Double(summary.requests) / Double(records) * Double(workspace.batchMaximum))) per batch),"
                    + String(format: " %.2f s, %.0f records/s;", seconds, Double(records) / seconds)
                    + " people left \(Int(left))")
        }
        print("  all requests: \(transport.summary)")
    }

    enum Pass: String, CaseIterable {
        case withoutAnswers = "no answers"
        case conditional = "default   "
        case force = "--force   "
    }

    /// Distinct ids per pass, so a pass creates new records rather than meeting an earlier one's.
    static func id(_ index: Int, _ pass: Pass) -> String {
        String(format: "%08x-0000-4000-8000-%012x", (Pass.allCases.firstIndex(of: pass) ?? 0) + 1, index)
    }

    /// Creates `people` in batches and records each `record.created` without Twenty's answer, as ledgers written
    /// before rollback used it hold them.
    static func createUnanswered(
        _ people: [PendingWrite], client: TwentyClient, ledger: Ledger, target: WriteTarget,
        _ workspace: WorkspaceDescription
    ) async throws {
        var start = 0
        while start < people.count {
            let batch = Array(people[start..<min(start + workspace.batchMaximum, people.count)])
            let batchId = "unanswered-\(start)"
            _ = try await client.send("POST", "rest/batch/\(target.plural)", body: .array(batch.map(\.values)))
            try ledger.append(
                batch.map {
                    .recordCreated(
                        RecordCreated(
                            batchId: batchId, object: "person", sourceObject: "contacts", sourceId: $0.sourceId,
                            twentyId: $0.twentyId ?? "", values: $0.values))
                })
            start += batch.count
        }
    }
}
