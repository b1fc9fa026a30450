import Foundation
import TwentyClient
import TwentyClientSandbox
import TwentySandbox
import TwentySandboxServer

/// The workspace a measured run writes to: the sandbox engine in-process and unthrottled, or served over loopback
/// HTTP with Twenty's rate limiting, the client paced from the limit it is told (as an operator who knows their plan
/// would set it) and learning the rest from the 429s.
struct BenchWorkspace {
    let client: TwentyClient
    let transport: CountingTransport
    let description: String
    let stop: () async -> Void

    static func start(
        engine: SandboxEngine, long: RateLimit?, short: RateLimit?, style: RateLimitStyle, clientLimit: Int?
    ) async throws -> BenchWorkspace {
        guard let long else {
            let transport = CountingTransport(SandboxTransport(engine))
            let client = TwentyClient(
                connection: try TwentyConnection(
                    url: "http://127.0.0.1:3000", apiKey: TwentyAPIKey("run-bench-key-0001")),
                transport: transport, limits: RateLimits(shortLimit: 1_000_000, longLimit: 1_000_000))
            return BenchWorkspace(
                client: client, transport: transport, description: "in-process sandbox v2, unthrottled client",
                stop: {})
        }
        let key = APIKey.generate()
        var configuration = SandboxServerConfiguration(apiKey: key, port: 0)
        configuration.longRateLimit = long
        configuration.shortRateLimit = short
        configuration.rateLimitStyle = style
        let server = try await SandboxServer(engine: engine, configuration: configuration).start()
        let http = PooledHTTPTransport()
        let transport = CountingTransport(http)
        let window = Double(long.windowMilliseconds) / 1000
        let limits = RateLimits(
            shortLimit: short?.count ?? 1_000_000, shortWindow: short.map { Double($0.windowMilliseconds) / 1000 } ?? 1,
            longLimit: clientLimit ?? long.count, longWindow: window)
        let client = TwentyClient(
            connection: try TwentyConnection(url: server.baseURL, apiKey: TwentyAPIKey(key.value)),
            transport: transport, limits: limits)
        let shortText = short.map(\.description) ?? "off"
        return BenchWorkspace(
            client: client, transport: transport,
            description: "sandbox v2 over loopback HTTP limiting \(long) (short \(shortText)), \(style.rawValue) 429s;"
                + " client starts from \(limits.longLimit)/\(Int(window)) s",
            stop: {
                try? await http.shutdown()
                await server.stop()
            })
    }
}
