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
import TwentySandboxServer

/// What a full run costs against a fresh sandbox: records written, requests (by kind and per object), records per
/// create request, records/s, the ledger's cost per record and the process's peak memory (sandbox included: both run
/// in this process). With `--rate-limit` the sandbox is served over loopback HTTP and refuses like Twenty, and the
/// bench adds requests per minute and the 429s.
struct RunBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract:
            "A full migration run on a fresh sandbox: requests, records per request, records/s, ledger cost, peak RSS.")

    @Option(help: "Contacts in the generated export.") var contacts = 2_000
    @Option(help: "Companies in the export (default: a tenth of the contacts).") var companies: Int?
    @Option(help: "Deals in the export (default: a fifth of the contacts).") var deals: Int?
    @Option(help: "The generator's seed.") var seed: UInt64 = 5
    @Option(help: "The workspace's batch maximum (default: 200, as current Twenty).") var batchMax = 200
    @Option(
        help: """
            Source objects to transform and write, comma-separated, their parents included (default: every object \
            the map writes); the others are left out of the map.
            """)
    var only: String?
    @Option(
        help: """
            Serve the sandbox over loopback HTTP with this long-window rate limit, e.g. 600/60s (default: in-process, \
            no limit).
            """)
    var rateLimit: String?
    @Option(help: "The sandbox's short window with --rate-limit (default: 100/1s, Twenty's; off for none).")
    var shortRateLimit = "100/1s"
    @Option(help: "How the sandbox refuses with --rate-limit: legacy (a bare 429) or v2 (default: legacy).")
    var rateLimitStyle = "legacy"
    @Option(help: "The long-window limit the client starts from (default: the sandbox's --rate-limit, else none).")
    var clientLimit: Int?

    func validate() throws {
        guard RateLimitStyle(rawValue: rateLimitStyle) != nil else {
            throw ValidationError("--rate-limit-style is legacy or v2")
        }
        if let rateLimit { _ = try limit(rateLimit) }
        _ = try limit(shortRateLimit)
    }

    private func limit(_ text: String) throws -> RateLimit? {
        do { return try RateLimit.parse(text) } catch { throw ValidationError(error.description) }
    }

    func run() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("run-bench-\(UUID())")
        defer { try? FileManager.default.removeItem(at: root) }
        let project = try BenchProject(
            root: root, contacts: contacts, seed: seed, companies: companies, deals: deals)
        let engine = try SandboxEngine(
            dataDirectory: root.appendingPathComponent("sandbox").path,
            options: SandboxOptions(batchMax: batchMax, twentyVersion: .v2))
        // Setup (members, schema, transform) goes in-process and unpaced: only the run is measured.
        let setup = TwentyClient(
            connection: try TwentyConnection(url: "http://127.0.0.1:3000", apiKey: TwentyAPIKey("run-bench-key-0001")),
            transport: SandboxTransport(engine), limits: RateLimits(shortLimit: 1_000_000, longLimit: 1_000_000))
        let export = root.appendingPathComponent("export")
        let users = try String(contentsOf: export.appendingPathComponent("users.csv"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",").map(String.init) }
        _ = try await setup.send(
            "POST", "_sandbox/members",
            body: .array(
                users.filter { $0.last == "true" }.map {
                    ["name": .string($0[1]), "userEmail": .string($0[2])]
                }))
        let map = try restricted(project.confirmed.map)
        let opened = try Project.open(at: project.directory)
        let ledger = try opened.openLedger(.write)
        _ = try await SchemaPreparer(client: setup, ledger: ledger).prepare(
            map: map, mapSha256: project.confirmed.sha256)
        let workspace = try await TransformWorkspace.read(setup)
        _ = try TransformRun(
            ledger: ledger, map: map, mapSha256: project.confirmed.sha256,
            context: try TransformContext(projectId: opened.settings.projectId, map: map, workspace: workspace)
        ).run()

        let served = try await BenchWorkspace.start(
            engine: engine, long: try rateLimit.flatMap(limit), short: try limit(shortRateLimit),
            style: RateLimitStyle(rawValue: rateLimitStyle) ?? .legacy, clientLimit: clientLimit)
        let client = served.client
        let seqBefore = ledger.head.seq
        let bytesBefore = LedgerCost.fileBytes(project.directory)
        let started = DispatchTime.now().uptimeNanoseconds
        let run = MigrationRun(
            client: client, ledger: ledger, workspace: try await client.describeWorkspace(), map: map,
            mapSha256: project.confirmed.sha256, projectId: opened.settings.projectId,
            source: try ExportSource(url: export))
        let summary = try await run.run()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let waited = await client.pacer.waitedSeconds
        await served.stop()
        let requests = client.requestsSent
        let records = summary.objects.reduce(0) { $0 + $1.counts.written }
        let links = summary.objects.reduce(0) { $0 + $1.links.written }
        let creates = try CreateRequests(ledger, after: seqBefore)
        let cost = try LedgerCost.since(
            seq: seqBefore, in: ledger, directory: project.directory, bytesBefore: bytesBefore)

        let exported = project.exportCounts.map { "\($0.value) \($0.key)" }.sorted().joined(separator: ", ")
        print("client-bench run: export of \(exported) (seed \(seed)); batch maximum \(batchMax); build \(build)")
        print("  writing: " + (only ?? "every object the map writes") + "; " + served.description)
        print("  export generated, prepared and transformed first (not timed)")
        print(
            "  records written   \(records) (+ \(links) links), refused \(summary.objects.reduce(0) { $0 + $1.counts.refused })"
        )
        print("  requests          \(requests) in the run (\(served.transport.summary))")
        print(creates.summary)
        for line in creates.perObject { print(line) }
        print(
            "  wall time         "
                + String(format: "%.2f s, %.0f records/s (links included)", seconds, Double(records + links) / seconds))
        for object in summary.objects {
            print(
                "    \(object.sourceObject): \(object.counts.written) + \(object.links.written) links in "
                    + String(format: "%.2f s", object.seconds))
        }
        if let long = try rateLimit.flatMap(limit) {
            let rate = RequestRate(
                served.transport.log, seconds: seconds, waited: waited, limit: long.count,
                window: Double(long.windowMilliseconds) / 1000)
            for line in rate.lines { print(line) }
        }
        for line in cost.lines(perRecords: records + links) { print(line) }
        print("  peak RSS          \(Self.peakMemory()) (this process: client, ledger and sandbox together)")
    }

    /// The map with only the `--only` objects left in (every object when not given).
    private func restricted(_ map: FieldMap) throws -> FieldMap {
        guard let only else { return map }
        let names = Set(only.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) })
        let unknown = names.subtracting(map.objects.map(\.source))
        guard unknown.isEmpty else {
            throw ValidationError("--only: the map has no object \(unknown.sorted().joined(separator: ", "))")
        }
        var kept = map
        kept.objects = map.objects.filter { names.contains($0.source) }
        return kept
    }

    private var build: String {
        #if DEBUG
            "debug"
        #else
            "release"
        #endif
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
