import Foundation
import Testing
import TwentyClient
import TwentySandbox
import TwentySandboxServer

@Suite("File uploads over a loopback port")
struct LoopbackUploadTests {
    @Test("a file on disk is streamed through the direct upload over a real port and reads back from the server")
    func directUploadOverLoopback() async throws {
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
            let naming = try await client.describeWorkspace().naming
            // Larger than one streamed chunk, so the body goes out in several pieces.
            let bytes = UploadFixtures.bytes(count: 700 * 1024)
            let file = try UploadFixtures.file(named: "brochure.pdf", bytes)
            let uploaded = try await client.uploadFile(
                .file(file), filename: "brochure.pdf",
                expected: ExpectedFile(size: bytes.count, sha256: UploadFixtures.sha256Hex(bytes)), naming: naming)
            #expect(uploaded.flow == .directUpload)
            guard case .filesField(let fileId, _) = uploaded.reference else {
                Issue.record("expected a FILES reference, got \(uploaded.reference)")
                throw CancellationError()
            }
            let download = try await transport.send(
                HTTPRequest(
                    method: "GET", url: URL(string: "\(url)/file/files-field/\(fileId)")!,
                    headers: ["Authorization": "Bearer \(testKey)"]))
            #expect(download.status == 200)
            #expect(download.body == bytes)
        } catch {
            try? await transport.shutdown()
            await server.stop()
            throw error
        }
        try await transport.shutdown()
        await server.stop()
    }
}
