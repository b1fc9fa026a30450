import Foundation
import Testing
import TwentyClient
import TwentySandbox
import TwentySandboxServer

@Suite("Over a loopback port")
struct LoopbackTests {
    @Test("discovery over a real port with pooled connections finds what the in-process sandbox finds")
    func discoveryOverLoopback() async throws {
        let directory = (NSTemporaryDirectory() as NSString).appendingPathComponent("client-\(UUID().uuidString)")
        let engine = try SandboxEngine(
            dataDirectory: directory, options: SandboxOptions(batchMax: 200, twentyVersion: .v2))
        var configuration = SandboxServerConfiguration(apiKey: APIKey(testKey), port: 0)
        configuration.longRateLimit = nil
        configuration.shortRateLimit = nil
        let server = try await SandboxServer(engine: engine, configuration: configuration).start()
        let transport = PooledHTTPTransport(connectTimeout: 5, requestTimeout: 30)
        do {
            let url = "http://127.0.0.1:\(server.port)"
            let client = TwentyClient(
                connection: try TwentyConnection(url: url, apiKey: TwentyAPIKey(testKey)), transport: transport)
            let workspace = try await client.describeWorkspace()
            #expect(workspace.batchMaximum == 200)
            #expect(workspace.naming.targetJoin == .targetPrefixed)
            #expect(workspace.object("person") != nil)

            let stranger = TwentyClient(
                connection: try TwentyConnection(url: url, apiKey: TwentyAPIKey("not-the-key")), transport: transport)
            let error = await #expect(throws: TwentyError.self) { try await stranger.get("rest/companies") }
            #expect(error?.kind == .unauthorized || error?.kind == .forbidden)
            #expect(error?.attempts == 1)
        } catch {
            try? await transport.shutdown()
            await server.stop()
            throw error
        }
        try await transport.shutdown()
        await server.stop()
    }
}
