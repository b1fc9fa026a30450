import CanonicalJSON
import Foundation
import Logging
import TwentySandbox
import TwentySandboxServer

/// The Twenty workspace the demo migrates into: the embedded sandbox on a free loopback port, its data in the
/// demo's directory, with the export's active users invited as members (owners map to members by email).
struct DemoSandbox {
    let running: RunningSandboxServer
    let engine: SandboxEngine
    let apiKey: String
    /// Requests per minute the sandbox admits: Twenty's default short window stays, the long window is what a
    /// self-hosted server might allow, so the demo shows pacing without waiting minutes.
    static let requestsPerMinute = 6_000

    static func start(in directory: URL, members: [(name: String, email: String)]) async throws -> DemoSandbox {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let key = try StoredAPIKey.loadOrCreate(in: directory)
        let engine = try SandboxEngine(dataDirectory: directory.path, options: SandboxOptions())
        var configuration = SandboxServerConfiguration(apiKey: key, port: 0)
        configuration.longRateLimit = RateLimit(count: requestsPerMinute, windowMilliseconds: 60_000)
        let server = SandboxServer(
            engine: engine, configuration: configuration, logger: Logger(label: "crm-migrate.demo.sandbox"))
        let running = try await server.start()
        let sandbox = DemoSandbox(running: running, engine: engine, apiKey: key.value)
        let invited: [JSONValue] = members.map { ["name": .string($0.name), "userEmail": .string($0.email)] }
        _ = try await sandbox.control("POST", "members", body: .array(invited))
        return sandbox
    }

    var url: String { running.baseURL }

    /// A digest of the workspace's schema and records without what Twenty stamps by itself (see
    /// `/_sandbox/content-digest`): equal before the migration and after its rollback.
    func contentDigest() async throws -> String {
        let answer = try await control("GET", "content-digest")
        guard let digest = answer["digest"]?.stringValue else {
            throw UserFacingError("the sandbox answered its content digest without one")
        }
        return digest
    }

    /// Changes a record as a person would in Twenty's app (through the engine, as the app's own writes bypass the
    /// API's rate limit).
    func edit(_ plural: String, id: String, values: JSONValue) async throws {
        _ = try await exchange("PATCH", "/rest/\(plural)/\(id)", body: values)
    }

    /// A control call answered by the engine directly: no HTTP, no rate limit.
    private func control(_ method: String, _ name: String, body: JSONValue? = nil) async throws -> JSONValue {
        try await exchange(method, "/_sandbox/\(name)", body: body)
    }

    /// One request answered by the engine in this process; a refusal is an error naming the call and the answer.
    private func exchange(_ method: String, _ path: String, body: JSONValue?) async throws -> JSONValue {
        let request = SandboxRequest(
            method: method, path: path, headers: ["authorization": "Bearer \(apiKey)"],
            body: body.map { CanonicalJSON.bytes($0) } ?? [])
        let response = await engine.handle(request)
        guard (200..<300).contains(response.status) else {
            throw UserFacingError(
                "the sandbox refused \(method) \(path): \(String(decoding: response.body, as: UTF8.self))")
        }
        return try JSONParser.parse(response.body)
    }

    func stop() async { await running.stop() }
}
