import Testing
import TwentyClient

@Suite("Retries")
struct RetryTests {
    @Test("a 402 stops at once with the quota sentence and is not retried")
    func quotaStops() async throws {
        let transport = ScriptedTransport([
            .answer(402, body: #"{"statusCode":402,"error":"PaymentRequired","messages":["Record limit reached"]}"#)
        ])
        let client = try scriptedClient(transport)
        let error = await #expect(throws: TwentyError.self) { try await client.get("rest/people") }
        #expect(error?.kind == .quotaExhausted)
        #expect(error?.description.contains("the workspace's quota is exhausted") == true)
        #expect(transport.requests.count == 1)
    }

    @Test("the sandbox's record quota reaches the client as a quota error, sent once")
    func sandboxQuotaStops() async throws {
        let sandbox = try InProcessSandbox(version: .v2, recordQuota: 1)
        let batch = try JSONValueText.parse(#"[{"name":"a"},{"name":"b"}]"#)
        let error = await #expect(throws: TwentyError.self) {
            try await sandbox.client.send("POST", "rest/batch/companies", body: batch)
        }
        #expect(error?.kind == .quotaExhausted)
        #expect(error?.messages == ["RECORD limit reached for this workspace"])
        #expect(error?.attempts == 1)
    }

    @Test("5xx answers are retried with growing backoff until one succeeds")
    func serverErrorsRetried() async throws {
        let clock = ManualPacingClock()
        let transport = ScriptedTransport([.answer(503), .answer(502), .answer(200, body: #"{"data":{}}"#)])
        let client = try scriptedClient(transport, clock: clock)
        _ = try await client.get("rest/people")
        #expect(transport.requests.count == 3)
        // Base 0.5 s doubling, equal jitter at 0.5: 0.375 then 0.75.
        #expect(clock.sleeps == [0.375, 0.75])
    }

    @Test("5xx retries are bounded and end in a serverError naming the attempts")
    func serverErrorsBounded() async throws {
        let transport = ScriptedTransport(Array(repeating: .answer(500), count: 10))
        let client = try scriptedClient(transport, maxAttempts: 4)
        let error = await #expect(throws: TwentyError.self) { try await client.get("rest/people") }
        #expect(error?.kind == .serverError)
        #expect(error?.attempts == 4)
        #expect(transport.requests.count == 4)
    }

    @Test("a 429 on an unpaced metadata call backs off instead of retrying at once")
    func unpacedRefusalBacksOff() async throws {
        let clock = ManualPacingClock()
        let transport = ScriptedTransport([.answer(429, headers: ["Retry-After": "3"]), .answer(200)])
        let client = try scriptedClient(transport, clock: clock)
        _ = try await client.get("rest/metadata/objects")
        #expect(transport.requests.count == 2)
        #expect(clock.sleeps == [3])
    }

    @Test("network failures are retried like 5xx")
    func networkFailuresRetried() async throws {
        let transport = ScriptedTransport([.fail, .fail, .answer(200)])
        let client = try scriptedClient(transport)
        _ = try await client.get("rest/people")
        #expect(transport.requests.count == 3)
    }

    @Test("a 400 is the request's fault and is not retried")
    func badRequestNotRetried() async throws {
        let transport = ScriptedTransport([
            .answer(
                400,
                body:
                    #"{"statusCode":400,"error":"BadRequestException","messages":["Object person doesn't have any \"foo\" field."]}"#
            )
        ])
        let client = try scriptedClient(transport)
        let error = await #expect(throws: TwentyError.self) { try await client.send("POST", "rest/people", body: [:]) }
        #expect(error?.kind == .unknownField)
        #expect(error?.summary.contains("has no field \"foo\"") == true)
        #expect(transport.requests.count == 1)
    }

    @Test("no more requests are in flight at once than the client allows")
    func inFlightBounded() async throws {
        let transport = ConcurrencyProbe()
        let client = TwentyClient(
            connection: try TwentyConnection(url: "http://127.0.0.1:3000", apiKey: TwentyAPIKey(testKey)),
            transport: transport, clock: ManualPacingClock(), maxInFlight: 2)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<20 { group.addTask { _ = try await client.get("rest/metadata/objects") } }
            try await group.waitForAll()
        }
        #expect(transport.peak <= 2)
        #expect(transport.peak >= 1)
    }
}
