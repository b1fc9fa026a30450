import Testing
import TwentyClient

@Suite("Pacing")
struct PacingTests {
    @Test("a client paced at the workspace's limits is never refused and gets at least 95% of what both windows allow")
    func pacedAtTheLimit() async throws {
        let clock = ManualPacingClock()
        let workspace = ThrottledWorkspace(clock: clock, style: .legacy, limits: [(10, 1), (30, 60)])
        let client = try scriptedClient(
            workspace, clock: clock, limits: RateLimits(shortLimit: 10, shortWindow: 1, longLimit: 30, longWindow: 60))
        for _ in 0..<200 { _ = try await client.get("rest/people") }
        #expect(workspace.refused == 0)
        #expect(workspace.conforms(limit: 10, window: 1))
        #expect(workspace.conforms(limit: 30, window: 60))
        // Continuous refill: in `elapsed` seconds both buckets together allow at most 30 + elapsed / 2 requests.
        let elapsed = clock.now()
        let allowed = 30 + elapsed * 30 / 60
        print(
            "pacing at the limit (10/1s, 30/60s): 200 requests in \(elapsed) s of manual clock, \(allowed) allowed,"
                + " \(Double(200) / allowed * 100)% achieved; busiest 60 s: \(workspace.busiestWindow(60)),"
                + " busiest 1 s: \(workspace.busiestWindow(1)), refused: \(workspace.refused)")
        #expect(Double(200) / allowed >= 0.95)
    }

    @Test("with two requests in flight the workspace is still never refused")
    func concurrentRequestsStayPaced() async throws {
        let clock = ManualPacingClock()
        let workspace = ThrottledWorkspace(clock: clock, style: .legacy, limits: [(10, 1), (30, 60)])
        let client = try scriptedClient(
            workspace, clock: clock, limits: RateLimits(shortLimit: 10, shortWindow: 1, longLimit: 30, longWindow: 60))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<2 {
                group.addTask { for _ in 0..<50 { _ = try await client.get("rest/people") } }
            }
            try await group.waitForAll()
        }
        #expect(workspace.admitted.count == 100)
        #expect(workspace.refused == 0)
    }

    @Test("a bare 429 stating a lower limit is learned at once, and the rest are paced without a retry storm")
    func legacyRefusalIsLearned() async throws {
        let clock = ManualPacingClock()
        let workspace = ThrottledWorkspace(clock: clock, style: .legacy, limits: [(10, 1), (20, 60)])
        let client = try scriptedClient(workspace, clock: clock)
        for _ in 0..<100 { _ = try await client.get("rest/people") }
        #expect(workspace.admitted.count == 100)
        // One refusal per window whose limit was lower than configured, then none.
        #expect(workspace.refused == 2)
        #expect(await client.pacer.learned.shortLimit == 10)
        #expect(await client.pacer.learned.longLimit == 20)
    }

    @Test("a 429 with no headers and no message lowers the learned limit from what was sent, then recovers")
    func silentRefusalIsMeasured() async throws {
        let clock = ManualPacingClock()
        let workspace = ThrottledWorkspace(clock: clock, style: .silent, limits: [(10, 1), (20, 60)])
        let client = try scriptedClient(workspace, clock: clock)
        for _ in 0..<100 { _ = try await client.get("rest/people") }
        #expect(workspace.admitted.count == 100)
        // One retry per refusal, and refusals rare: paced from what was learned, not hammering.
        #expect(workspace.refused <= 5)
        #expect(await client.pacer.learned.longLimit <= 24)
    }

    @Test("a 429 with Retry-After waits as long as the server asked before trying again")
    func retryAfterIsHonoured() async throws {
        let clock = ManualPacingClock()
        let transport = ScriptedTransport([.answer(429, headers: ["Retry-After": "7"]), .answer(200)])
        let client = try scriptedClient(transport, clock: clock)
        _ = try await client.get("rest/people")
        #expect(transport.requests.count == 2)
        #expect(clock.now() >= 7)
        #expect(clock.now() < 7.1)
    }

    @Test("a v2 engine's X-RateLimit-Limit lowers the learned limit and the workspace is then not refused again")
    func headerLimitIsLearned() async throws {
        let clock = ManualPacingClock()
        let workspace = ThrottledWorkspace(clock: clock, style: .headers, limits: [(10, 1), (20, 60)])
        let client = try scriptedClient(workspace, clock: clock)
        for _ in 0..<60 { _ = try await client.get("rest/people") }
        #expect(workspace.admitted.count == 60)
        #expect(workspace.refused == 2)
        #expect(await client.pacer.learned.shortLimit == 10)
        #expect(await client.pacer.learned.longLimit == 20)
    }

    @Test("a v2 refusal stating its window is learned with that window, and pacing then gets 95% of the limit")
    func statedWindowIsLearned() async throws {
        let clock = ManualPacingClock()
        let workspace = ThrottledWorkspace(clock: clock, style: .v2, limits: [(10, 1), (30, 6)])
        let client = try scriptedClient(workspace, clock: clock)
        for _ in 0..<300 { _ = try await client.get("rest/people") }
        let learned = await client.pacer.learned
        #expect(learned.longLimit == 30 && learned.longWindow == 6)
        #expect(learned.shortLimit == 10 && learned.shortWindow == 1)
        #expect(workspace.refused == 2)
        let allowed = 30 + clock.now() * 30 / 6
        #expect(Double(300) / allowed >= 0.95)
    }

    @Test("metadata reads are not paced: Twenty's throttler counts record calls only")
    func metadataIsNotPaced() async throws {
        let clock = ManualPacingClock()
        let client = try scriptedClient(
            ScriptedTransport([]), clock: clock, limits: RateLimits(shortLimit: 1, longLimit: 1))
        for _ in 0..<5 { _ = try await client.get("rest/metadata/objects") }
        #expect(clock.sleeps.isEmpty)
    }
}
