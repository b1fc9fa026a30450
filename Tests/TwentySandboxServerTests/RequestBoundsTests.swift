import Testing

@Suite("Request bounds")
struct RequestBoundsTests {
    @Test("A body over the size bound is refused with 413 and the server keeps serving")
    func oversizedBodyIsRefused() async throws {
        let engine = RecordingEngine()
        let (refused, next) = try await LiveSandbox.with(engine: engine, configure: { $0.maxBodySize = 1024 }) {
            sandbox in
            let refused = try await sandbox.send(
                .post, "/rest/batch/companies", body: String(repeating: " ", count: 8192))
            return (refused, try await sandbox.createCompanies(1))
        }
        #expect(refused.status == 413)
        #expect(refused.json?["statusCode"] == 413)
        #expect(next.status == 201)
        #expect(engine.records.count == 1)
    }

    @Test("A body exactly at the size bound is accepted")
    func bodyAtTheBoundIsAccepted() async throws {
        let body = "[{\"name\":\"Acme\"}]"
        let reply = try await LiveSandbox.with(configure: { $0.maxBodySize = body.utf8.count }) {
            try await $0.send(.post, "/rest/batch/companies", body: body)
        }
        #expect(reply.status == 201)
    }

    @Test("A malformed percent escape in the path is answered 400 and the server keeps serving")
    func malformedEscapeIsABadRequest() async throws {
        let (malformed, next) = try await LiveSandbox.with { sandbox in
            (try await sandbox.send(.get, "/rest/companies%ZZ"), try await sandbox.send(.get, "/rest/companies"))
        }
        #expect(malformed.status == 400)
        #expect(malformed.json?["statusCode"] == 400)
        #expect(next.status == 200)
    }
}
