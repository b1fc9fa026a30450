import ArgumentParser
import Foundation
import TwentyClient
import TwentyClientSandbox
import TwentySandbox
import TwentySandboxServer

/// The client's own cost per request: the same `GET /rest/companies?limit=1` answered by the engine directly, through
/// the client in-process, and over loopback HTTP, so each layer's share is a difference of two figures.
struct OverheadBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overhead",
        abstract: "p50/p99 per request: engine alone, client in-process, transport and client over loopback HTTP.")

    @Option(help: "Measured requests per path.") var requests = 5_000
    @Option(help: "Unmeasured requests per path first, to warm caches and open the connection (default: 500).")
    var warmup = 500

    func validate() throws {
        guard requests > 0, warmup >= 0 else { throw ValidationError("--requests must be positive, --warmup >= 0") }
    }

    func run() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("client-bench-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let engine = try SandboxEngine(dataDirectory: directory.path, options: SandboxOptions(twentyVersion: .v2))
        // One company, so `limit=1` answers a record (an empty list would understate the JSON work on both sides).
        let created = await engine.handle(
            SandboxRequest(
                method: "POST", path: "/rest/companies", headers: ["content-type": "application/json"],
                body: Array(#"{"name":"Northwind","domainName":{"primaryLinkUrl":"https://northwind.example"}}"#.utf8)))
        guard created.status == 201 else { throw ValidationError("creating the company: \(created.status)") }
        let key = APIKey.generate()
        var configuration = SandboxServerConfiguration(apiKey: key, port: 0)
        configuration.longRateLimit = nil
        configuration.shortRateLimit = nil
        let server = try await SandboxServer(engine: engine, configuration: configuration).start()
        let http = PooledHTTPTransport()
        // Limits far above what a loop can send: the pacer still runs, but never waits.
        let unthrottled = RateLimits(shortLimit: 1_000_000, longLimit: 1_000_000)
        let inProcess = TwentyClient(
            connection: try TwentyConnection(url: "http://127.0.0.1:3000", apiKey: TwentyAPIKey(key.value)),
            transport: SandboxTransport(engine), limits: unthrottled)
        let loopback = TwentyClient(
            connection: try TwentyConnection(url: server.baseURL, apiKey: TwentyAPIKey(key.value)),
            transport: http, limits: unthrottled)
        let rawRequest = HTTPRequest(
            method: "GET", url: URL(string: server.baseURL + "/rest/companies?limit=1")!,
            headers: ["Authorization": "Bearer \(key.value)", "Accept": "application/json"])
        let direct = SandboxRequest(method: "GET", path: "/rest/companies", query: [("limit", "1")])

        let paths: [(name: String, send: () async throws -> Void)] = [
            ("engine alone (SandboxEngine.handle)", { _ = await engine.handle(direct) }),
            ("TwentyClient + SandboxTransport", { _ = try await inProcess.get("rest/companies?limit=1") }),
            ("PooledHTTPTransport alone, loopback", { try Self.expectOK(try await http.send(rawRequest)) }),
            ("TwentyClient + PooledHTTPTransport, loopback", { _ = try await loopback.get("rest/companies?limit=1") }),
        ]
        var samples = Array(repeating: [Double](), count: paths.count)
        for _ in 0..<warmup { for path in paths { try await path.send() } }
        // Interleaved, one request of each path per round, so drift (CPU frequency, the SQLite cache) hits all alike.
        for _ in 0..<requests {
            for (index, path) in paths.enumerated() {
                let start = DispatchTime.now().uptimeNanoseconds
                try await path.send()
                samples[index].append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1000)
            }
        }
        try await http.shutdown()
        await server.stop()

        print("client-bench overhead: GET /rest/companies?limit=1, \(requests) measured requests per path after")
        print("  \(warmup) warm-up requests each, interleaved, one at a time; sandbox v2 engine holding one company,")
        print("  fresh directory; client limits 1,000,000/1 s and 1,000,000/60 s (never waits); loopback server")
        print("  \(server.baseURL), rate limiting off, PooledHTTPTransport() defaults (keep-alive pool)")
        print("  build: \(Self.buildConfiguration)")
        print("path                                            p50 µs    p99 µs")
        for (index, path) in paths.enumerated() {
            let latencies = Latencies(samples[index])
            print(
                path.name.padding(toLength: 46, withPad: " ", startingAt: 0)
                    + String(format: "%8.1f  %8.1f", latencies.p50, latencies.p99))
        }
        let engineAlone = Latencies(samples[0])
        let client = Latencies(samples[1])
        let transport = Latencies(samples[2])
        let overHTTP = Latencies(samples[3])
        print(
            String(
                format: "client's own cost (p50 difference): in-process %.1f µs, over loopback %.1f µs",
                client.p50 - engineAlone.p50, overHTTP.p50 - transport.p50))
    }

    private static func expectOK(_ response: HTTPResponse) throws {
        guard response.status == 200 else { throw ValidationError("the sandbox answered \(response.status)") }
    }

    private static var buildConfiguration: String {
        #if DEBUG
            "debug"
        #else
            "release"
        #endif
    }
}
