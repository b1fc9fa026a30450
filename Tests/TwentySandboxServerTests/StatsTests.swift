import CanonicalJSON
import Testing
import TwentySandboxServer

@Suite("Stats and reset")
struct StatsTests {
    @Test("Stats count API-key requests, the throttled ones and the records written, not control calls or refusals")
    func statsCount() async throws {
        let stats = try await LiveSandbox.with(configure: {
            $0.longRateLimit = RateLimit(count: 2, windowMilliseconds: 60_000)
        }) {
            sandbox in
            _ = try await sandbox.createCompanies(60)
            _ = try await sandbox.createCompanies(40)
            _ = try await sandbox.createCompanies(10)
            _ = try await sandbox.send(.get, "/rest/companies", key: nil)
            _ = try await sandbox.send(.get, "/_sandbox/faults")
            return try await sandbox.send(.get, "/_sandbox/stats").json
        }
        #expect(stats == ["requests": 3, "throttled": 1, "records_written": 100])
    }

    @Test("Reset clears the stats, refills the buckets, clears the faults and resets the engine")
    func resetClearsEverything() async throws {
        let engine = RecordingEngine()
        let (stats, after) = try await LiveSandbox.with(
            engine: engine, configure: { $0.longRateLimit = RateLimit(count: 1, windowMilliseconds: 60_000) }
        ) {
            sandbox in
            _ = try await sandbox.createCompanies(5)
            _ = try await sandbox.send(.post, "/_sandbox/faults", body: #"{"error_rate": 1}"#)
            #expect(try await sandbox.send(.post, "/_sandbox/reset").status == 200)
            let stats = try await sandbox.send(.get, "/_sandbox/stats").json
            return (stats, try await sandbox.createCompanies(2).status)
        }
        #expect(stats == ["requests": 0, "throttled": 0, "records_written": 0])
        #expect(after == 201)
        #expect(engine.resets == 1)
        #expect(engine.records.count == 2)
    }
}
