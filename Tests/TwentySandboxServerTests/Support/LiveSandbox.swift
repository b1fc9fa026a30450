import CanonicalJSON
import Hummingbird
import HummingbirdTesting
import TwentySandbox
import TwentySandboxServer

/// A sandbox server started on an ephemeral loopback port, and a client that opens one connection per request
/// (a dropped connection then costs only the request that caused it).
struct LiveSandbox {
    static let key = "test-key-7f3a9c"

    let port: Int

    /// Runs `body` against a started server, rate limits off unless `configure` sets them, and stops it after.
    static func with<T: Sendable>(
        engine: any SandboxHandling = RecordingEngine(), clock: ManualClock = ManualClock(),
        latencySleeper: any FaultLatencySleeper = TaskFaultLatencySleeper(),
        configure: (inout SandboxServerConfiguration) -> Void = { _ in },
        _ body: (LiveSandbox) async throws -> T
    ) async throws -> T {
        var configuration = SandboxServerConfiguration(apiKey: APIKey(key), port: 0)
        configuration.longRateLimit = nil
        configuration.shortRateLimit = nil
        configure(&configuration)
        let running = try await SandboxServer(
            engine: engine, configuration: configuration, clock: clock, latencySleeper: latencySleeper
        ).start()
        do {
            let value = try await body(LiveSandbox(port: running.port))
            await running.stop()
            return value
        } catch {
            await running.stop()
            throw error
        }
    }

    func send(
        _ method: HTTPRequest.Method, _ path: String, key: String? = LiveSandbox.key, body: String? = nil
    ) async throws -> Reply {
        var headers: HTTPFields = [:]
        if let key { headers[.authorization] = "Bearer \(key)" }
        if body != nil { headers[.contentType] = "application/json" }
        let request = TestClient.Request(
            path, method: method, authority: "127.0.0.1", headers: headers, body: body.map { ByteBuffer(string: $0) })
        let response = try await TestClient.withClient(host: "127.0.0.1", port: port) { client in
            try await client.execute(request)
        }
        return Reply(response)
    }

    /// `POST /rest/batch/companies` with `count` companies.
    func createCompanies(_ count: Int, startingAt first: Int = 0) async throws -> Reply {
        let companies = (first..<first + count).map { index in
            "{\"name\":\"Company \(index)\",\"domainName\":{\"primaryLinkUrl\":\"https://company\(index).example\"}}"
        }
        return try await send(.post, "/rest/batch/companies", body: "[" + companies.joined(separator: ",") + "]")
    }
}

/// A response as the tests read it.
struct Reply: Sendable {
    let status: Int
    let headers: HTTPFields
    let body: [UInt8]

    init(_ response: TestClient.Response) {
        status = response.status.code
        headers = response.headers
        body = response.body.map { Array($0.readableBytesView) } ?? []
    }

    var json: JSONValue? { try? JSONValue(parsing: body) }

    func header(_ name: String) -> String? { HTTPFields.Element.Name(name).flatMap { headers[$0] } }
}
