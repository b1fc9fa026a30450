import Foundation
import TwentyClient
import TwentyClientSandbox
import TwentyModel
import TwentySandbox

/// A sandbox engine in a temporary directory, and a client that reaches it in-process (no socket, no throttling).
struct InProcessSandbox {
    let engine: SandboxEngine
    let client: TwentyClient

    init(version: TwentyVersion, batchMax: Int = 200, recordQuota: Int? = nil) throws {
        let directory = (NSTemporaryDirectory() as NSString).appendingPathComponent("client-\(UUID().uuidString)")
        engine = try SandboxEngine(
            dataDirectory: directory,
            options: SandboxOptions(batchMax: batchMax, twentyVersion: version, recordQuota: recordQuota))
        client = TwentyClient(
            connection: try TwentyConnection(url: "http://127.0.0.1:3000", apiKey: TwentyAPIKey(testKey)),
            transport: SandboxTransport(engine), limits: RateLimits(shortLimit: 1_000_000, longLimit: 1_000_000))
    }

    /// Adds members through the sandbox's test control.
    func addMembers(_ emails: [String]) async throws {
        let list = emails.map { "{\"name\":\"Member \($0)\",\"userEmail\":\"\($0)\"}" }.joined(separator: ",")
        _ = try await client.send("POST", "_sandbox/members", body: try JSONValueText.parse("[\(list)]"))
    }
}
