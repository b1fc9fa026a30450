import CanonicalJSON
import Testing

@Suite("Authentication")
struct AuthenticationTests {
    @Test("A request without an Authorization header is refused with 403, as Twenty does, and never reaches the engine")
    func missingKeyIsRefused() async throws {
        let engine = RecordingEngine()
        let reply = try await LiveSandbox.with(engine: engine) { try await $0.send(.get, "/rest/companies", key: nil) }
        #expect(reply.status == 403)
        #expect(reply.json?["statusCode"] == 403)
        #expect(reply.json?["error"] == "FORBIDDEN_EXCEPTION")
        #expect(reply.json?["messages"] == ["Missing authentication token"])
        #expect(engine.exchanges.isEmpty)
    }

    @Test("A request with the wrong key is refused with 401 and Twenty's \"Token invalid.\" message")
    func wrongKeyIsRefused() async throws {
        let engine = RecordingEngine()
        let reply = try await LiveSandbox.with(engine: engine) {
            try await $0.send(.get, "/rest/companies", key: LiveSandbox.key + "x")
        }
        #expect(reply.status == 401)
        #expect(reply.json?["error"] == "UNAUTHENTICATED")
        #expect(reply.json?["messages"] == ["Token invalid."])
        #expect(engine.exchanges.isEmpty)
    }

    @Test("A PUT to a direct-upload URL needs no key, as a presigned URL does not, but other file-upload calls do")
    func uploadURLNeedsNoKey() async throws {
        let engine = RecordingEngine()
        let path = "/file-upload/66666666-6666-4666-8666-666666666666"
        let (put, get) = try await LiveSandbox.with(engine: engine) {
            (try await $0.send(.put, path, key: nil, body: "x"), try await $0.send(.get, path, key: nil))
        }
        #expect(put.status != 403)
        #expect(get.status == 403)
        #expect(engine.exchanges.map(\.method) == ["PUT"])
    }

    @Test("Sandbox control calls need the key too")
    func controlCallsNeedTheKey() async throws {
        let reply = try await LiveSandbox.with { try await $0.send(.get, "/_sandbox/stats", key: nil) }
        #expect(reply.status == 403)
    }

    @Test("The engine receives the method, the decoded path, the decoded query in order and lower-cased headers")
    func requestReachesTheEngineDecoded() async throws {
        let engine = RecordingEngine()
        _ = try await LiveSandbox.with(engine: engine) {
            try await $0.send(.get, "/rest/compa%6Eies?filter=name%5Beq%5D%3AAcme+Inc%2C%20Ltd&limit=5&filter=x")
        }
        let exchange = try #require(engine.exchanges.first)
        #expect(exchange.method == "GET")
        #expect(exchange.path == "/rest/companies")
        #expect(exchange.query.map(\.name) == ["filter", "limit", "filter"])
        #expect(exchange.query.map(\.value) == ["name[eq]:Acme Inc, Ltd", "5", "x"])
        #expect(exchange.headers["authorization"] == "Bearer \(LiveSandbox.key)")
    }
}
