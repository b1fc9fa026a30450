import CanonicalJSON
import Testing

@Suite("Fault injection")
struct FaultInjectionTests {
    private static func statuses(_ sandbox: LiveSandbox, count: Int) async throws -> [Int] {
        var statuses: [Int] = []
        for index in 0..<count { statuses.append(try await sandbox.createCompanies(1, startingAt: index).status) }
        return statuses
    }

    @Test("The same seed replays the same sequence of statuses, and another seed gives another")
    func seedReplaysFaults() async throws {
        let plan = #"{"seed": 42, "error_rate": 0.5, "error_statuses": [500, 502, 503]}"#
        let (first, replay, other) = try await LiveSandbox.with { sandbox in
            #expect(try await sandbox.send(.post, "/_sandbox/faults", body: plan).status == 200)
            let first = try await Self.statuses(sandbox, count: 24)
            // Installing the plan again restarts its generator.
            _ = try await sandbox.send(.post, "/_sandbox/faults", body: plan)
            let replay = try await Self.statuses(sandbox, count: 24)
            _ = try await sandbox.send(.post, "/_sandbox/faults", body: #"{"seed": 7, "error_rate": 0.5}"#)
            return (first, replay, try await Self.statuses(sandbox, count: 24))
        }
        #expect(first == replay)
        #expect(first != other)
        #expect(Set(first).isSubset(of: [201, 500, 502, 503]))
        #expect(first.contains(201) && first.contains { $0 >= 500 })
    }

    @Test("An injected 502 or 503 is an HTML page from the proxy, an injected 500 is Twenty's JSON")
    func injectedFailureBodies() async throws {
        let (gateway, server) = try await LiveSandbox.with { sandbox in
            _ = try await sandbox.send(.post, "/_sandbox/faults", body: #"{"error_rate": 1, "error_statuses": [502]}"#)
            let gateway = try await sandbox.createCompanies(1)
            _ = try await sandbox.send(.post, "/_sandbox/faults", body: #"{"error_rate": 1, "error_statuses": [500]}"#)
            return (gateway, try await sandbox.createCompanies(1))
        }
        #expect(gateway.status == 502)
        #expect(gateway.header("Content-Type") == "text/html")
        #expect(server.status == 500)
        #expect(server.json?["statusCode"] == 500)
    }

    @Test("A connection dropped before the engine gives the client no response and writes nothing")
    func dropBeforeEngine() async throws {
        let engine = RecordingEngine()
        try await LiveSandbox.with(engine: engine) { sandbox in
            _ = try await sandbox.send(.post, "/_sandbox/faults", body: #"{"drop_before_rate": 1}"#)
            await #expect(throws: (any Error).self) { try await sandbox.createCompanies(3) }
        }
        #expect(engine.records.isEmpty)
    }

    @Test("A connection dropped after commit leaves the write in the engine while the client gets no response")
    func dropAfterCommit() async throws {
        let engine = RecordingEngine()
        let stats = try await LiveSandbox.with(engine: engine) { sandbox in
            _ = try await sandbox.send(.post, "/_sandbox/faults", body: #"{"drop_after_commit_rate": 1}"#)
            await #expect(throws: (any Error).self) { try await sandbox.createCompanies(3) }
            return try await sandbox.send(.get, "/_sandbox/stats").json
        }
        #expect(engine.records.count == 3)
        #expect(stats?["records_written"] == 3)
    }

    @Test("A throttle storm answers the next N requests 429 with Twenty's headers, then lets requests through")
    func throttleStorm() async throws {
        let replies = try await LiveSandbox.with { sandbox in
            _ = try await sandbox.send(.post, "/_sandbox/faults", body: #"{"throttle_storm": 3}"#)
            var replies: [Reply] = []
            for _ in 0..<4 { replies.append(try await sandbox.createCompanies(1)) }
            return replies
        }
        #expect(replies.map(\.status) == [429, 429, 429, 201])
        #expect(replies[0].header("Retry-After") != nil)
        #expect(replies[0].header("X-RateLimit-Remaining") == "0")
        #expect(replies[0].json?["error"] == "RATE_LIMITED")
    }

    @Test("Throttle storms recur at the planned rate, each exactly throttle_storm 429s long, replayed by the seed")
    func recurringThrottleStorms() async throws {
        let plan = #"{"seed": 5, "throttle_storm": 3, "throttle_storm_rate": 0.2}"#
        let (first, replay) = try await LiveSandbox.with { sandbox in
            #expect(try await sandbox.send(.post, "/_sandbox/faults", body: plan).status == 200)
            let first = try await Self.statuses(sandbox, count: 60)
            _ = try await sandbox.send(.post, "/_sandbox/faults", body: plan)
            return (first, try await Self.statuses(sandbox, count: 60))
        }
        #expect(first == replay)
        // The install itself starts a storm; later ones start only at the rate's draws.
        #expect(Array(first.prefix(4)) == [429, 429, 429, 201])
        var runs: [Int] = []
        var current = 0
        for status in first {
            if status == 429 {
                current += 1
            } else if current > 0 {
                runs.append(current)
                current = 0
            }
        }
        #expect(runs.count >= 3, "\(first)")
        // A storm ends after its three 429s; one starting at the next draw may follow straight on.
        #expect(runs.allSatisfy { $0 % 3 == 0 }, "\(runs)")
    }

    @Test("A throttle storm rate without a storm length is refused")
    func stormRateNeedsLength() async throws {
        let status = try await LiveSandbox.with { sandbox in
            try await sandbox.send(.post, "/_sandbox/faults", body: #"{"throttle_storm_rate": 0.1}"#).status
        }
        #expect(status == 400)
    }

    @Test("Deleting the fault plan restores normal answers")
    func deletingThePlanClearsFaults() async throws {
        let statuses = try await LiveSandbox.with { sandbox in
            _ = try await sandbox.send(.post, "/_sandbox/faults", body: #"{"error_rate": 1, "error_statuses": [503]}"#)
            let faulted = try await sandbox.createCompanies(1).status
            #expect(try await sandbox.send(.delete, "/_sandbox/faults").json?["faults"] == .null)
            return [faulted, try await sandbox.createCompanies(1).status]
        }
        #expect(statuses == [503, 201])
    }

    @Test("Added latency asks the sleeper for exactly the planned delay before the engine, keeping the answer")
    func latencyIsAppliedBeforeTheEngine() async throws {
        let engine = RecordingEngine()
        let sleeper = RecordingSleeper(engine: engine)
        let (first, second, stats) = try await LiveSandbox.with(engine: engine, latencySleeper: sleeper) { sandbox in
            #expect(try await sandbox.send(.post, "/_sandbox/faults", body: #"{"latency_ms": 1234}"#).status == 200)
            let first = try await sandbox.createCompanies(2)
            let second = try await sandbox.createCompanies(1, startingAt: 2)
            // Control requests are never delayed.
            return (first, second, try await sandbox.send(.get, "/_sandbox/stats").json)
        }
        // One sleep of the planned length per API request, each before the engine saw that request.
        #expect(
            sleeper.sleeps == [
                .init(milliseconds: 1234, exchangesBefore: 0), .init(milliseconds: 1234, exchangesBefore: 1),
            ])
        #expect(first.status == 201)
        #expect(second.status == 201)
        #expect(engine.records.count == 3)
        #expect(stats?["records_written"] == 3)
    }

    @Test("Latency at a rate below one delays only the requests its seeded draw picks, the same ones on replay")
    func partialLatencyRateFollowsTheSeed() async throws {
        func delays(seed: Int) async throws -> [Int] {
            let engine = RecordingEngine()
            let sleeper = RecordingSleeper(engine: engine)
            try await LiveSandbox.with(engine: engine, latencySleeper: sleeper) { sandbox in
                _ = try await sandbox.send(
                    .post, "/_sandbox/faults", body: #"{"seed": \#(seed), "latency_ms": 40, "latency_rate": 0.5}"#)
                for index in 0..<16 { _ = try await sandbox.createCompanies(1, startingAt: index) }
            }
            // Which requests were delayed: the engine had seen that many before each sleep.
            #expect(sleeper.sleeps.allSatisfy { $0.milliseconds == 40 })
            return sleeper.sleeps.map(\.exchangesBefore)
        }
        let delayed = try await delays(seed: 3)
        #expect(!delayed.isEmpty && delayed.count < 16)
        #expect(try await delays(seed: 3) == delayed)
    }

    @Test("No latency is asked for when the plan has none")
    func noLatencyWithoutAPlan() async throws {
        let engine = RecordingEngine()
        let sleeper = RecordingSleeper(engine: engine)
        let status = try await LiveSandbox.with(engine: engine, latencySleeper: sleeper) { sandbox in
            _ = try await sandbox.send(.post, "/_sandbox/faults", body: #"{"latency_ms": 500, "latency_rate": 0}"#)
            return try await sandbox.createCompanies(1).status
        }
        #expect(status == 201)
        #expect(sleeper.sleeps.isEmpty)
    }

    @Test("A fault plan with an unknown key or an impossible rate is refused with 400")
    func malformedPlansAreRefused() async throws {
        let statuses = try await LiveSandbox.with { sandbox in
            [
                try await sandbox.send(.post, "/_sandbox/faults", body: #"{"eror_rate": 1}"#).status,
                try await sandbox.send(
                    .post, "/_sandbox/faults", body: #"{"error_rate": 0.7, "drop_before_rate": 0.7}"#
                ).status,
                try await sandbox.send(.post, "/_sandbox/faults", body: #"{"error_statuses": [404]}"#).status,
                try await sandbox.send(.post, "/_sandbox/faults", body: "not json").status,
            ]
        }
        #expect(statuses == [400, 400, 400, 400])
    }
}
