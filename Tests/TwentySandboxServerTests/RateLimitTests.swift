import CanonicalJSON
import Testing
import TwentySandboxServer

@Suite("Rate limiting over HTTP")
struct RateLimitTests {
    @Test("The request after the long window's count is answered 429 with Twenty's headers and body")
    func longWindowThrottles() async throws {
        let clock = ManualClock()
        let replies = try await LiveSandbox.with(
            clock: clock, configure: { $0.longRateLimit = RateLimit(count: 3, windowMilliseconds: 60_000) }
        ) {
            sandbox in
            var replies: [Reply] = []
            for index in 0..<4 { replies.append(try await sandbox.createCompanies(1, startingAt: index)) }
            return replies
        }
        #expect(replies.map(\.status) == [201, 201, 201, 429])
        let throttled = replies[3]
        // One token at 3 per 60 s takes 20 s.
        #expect(throttled.header("Retry-After") == "20")
        #expect(throttled.header("X-RateLimit-Limit") == "3")
        #expect(throttled.header("X-RateLimit-Remaining") == "0")
        #expect(throttled.header("X-RateLimit-Reset") == String((ManualClock.start + 999) / 1000 + 20))
        let body = try #require(throttled.json)
        #expect(body["statusCode"] == 429)
        #expect(body["error"] == "RATE_LIMITED")
        #expect(body["messages"] == ["Rate limit exceeded for workspace: 3 requests per 60s."])
        #expect(body["limit"] == 3)
        #expect(body["remaining"] == 0)
        #expect(body["retryAfterSeconds"] == 20)
    }

    @Test("A throttled workspace is admitted again once the window has refilled one token")
    func recoversAfterTheWindow() async throws {
        let clock = ManualClock()
        let statuses = try await LiveSandbox.with(
            clock: clock, configure: { $0.longRateLimit = RateLimit(count: 3, windowMilliseconds: 60_000) }
        ) {
            sandbox in
            var statuses: [Int] = []
            for _ in 0..<4 { statuses.append(try await sandbox.createCompanies(1).status) }
            clock.advance(milliseconds: 19_999)
            statuses.append(try await sandbox.createCompanies(1).status)
            clock.advance(milliseconds: 1)
            statuses.append(try await sandbox.createCompanies(1).status)
            statuses.append(try await sandbox.createCompanies(1).status)
            return statuses
        }
        #expect(statuses == [201, 201, 201, 429, 429, 201, 429])
    }

    @Test("The short window throttles a burst the long window allows, and reports its own limit")
    func bothWindowsMustHaveRoom() async throws {
        let clock = ManualClock()
        let (statuses, throttled) = try await LiveSandbox.with(
            clock: clock,
            configure: {
                $0.shortRateLimit = RateLimit(count: 2, windowMilliseconds: 1_000)
                $0.longRateLimit = RateLimit(count: 100, windowMilliseconds: 60_000)
            }
        ) { sandbox in
            var statuses: [Int] = []
            for _ in 0..<2 { statuses.append(try await sandbox.createCompanies(1).status) }
            let throttled = try await sandbox.createCompanies(1)
            statuses.append(throttled.status)
            clock.advance(milliseconds: 500)
            statuses.append(try await sandbox.createCompanies(1).status)
            return (statuses, throttled)
        }
        #expect(statuses == [201, 201, 429, 201])
        #expect(throttled.header("X-RateLimit-Limit") == "2")
        #expect(throttled.header("Retry-After") == "1")
        #expect(throttled.json?["messages"] == ["Rate limit exceeded for workspace: 2 requests per 1s."])
    }

    @Test("A batch of sixty records costs one token, the same as a single record")
    func oneTokenPerRequestWhateverTheBatch() async throws {
        let statuses = try await LiveSandbox.with(configure: {
            $0.longRateLimit = RateLimit(count: 2, windowMilliseconds: 60_000)
        }) {
            sandbox in
            [
                try await sandbox.createCompanies(60).status, try await sandbox.createCompanies(1).status,
                try await sandbox.createCompanies(60).status,
            ]
        }
        #expect(statuses == [201, 201, 429])
    }

    @Test("Sandbox control calls are never rate limited")
    func controlCallsAreNotLimited() async throws {
        let statuses = try await LiveSandbox.with(configure: {
            $0.longRateLimit = RateLimit(count: 1, windowMilliseconds: 60_000)
        }) {
            sandbox in
            var statuses = [try await sandbox.createCompanies(1).status]
            for _ in 0..<5 { statuses.append(try await sandbox.send(.get, "/_sandbox/stats").status) }
            statuses.append(try await sandbox.createCompanies(1).status)
            return statuses
        }
        #expect(statuses == [201, 200, 200, 200, 200, 200, 429])
    }
}

@Suite("Rate limiting, the default engine's style")
struct LegacyRateLimitTests {
    @Test("In the legacy style a refusal is a bare 429: no Retry-After or X-RateLimit headers, the throttler's message")
    func legacyRefusalIsBare() async throws {
        let clock = ManualClock()
        let replies = try await LiveSandbox.with(
            clock: clock,
            configure: {
                $0.longRateLimit = RateLimit(count: 3, windowMilliseconds: 60_000)
                $0.rateLimitStyle = .legacy
            }
        ) { sandbox in
            var replies: [Reply] = []
            for index in 0..<4 { replies.append(try await sandbox.createCompanies(1, startingAt: index)) }
            return replies
        }
        #expect(replies.map(\.status) == [201, 201, 201, 429])
        let throttled = replies[3]
        for header in ["Retry-After", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"] {
            #expect(throttled.header(header) == nil, "\(header)")
        }
        let body = try #require(throttled.json)
        #expect(body["statusCode"] == 429)
        #expect(body["messages"] == ["Limit reached (3 tokens per 60000 ms)"])
    }
}
