import Testing
import TwentyClient

@Suite("Pacer wait")
struct PacerWaitTests {
    @Test("the pacer adds up the time it held requests back, and nothing while tokens were there")
    func waitIsSummed() async throws {
        let clock = ManualPacingClock()
        let pacer = RequestPacer(
            limits: RateLimits(shortLimit: 2, shortWindow: 1, longLimit: 100, longWindow: 60), clock: clock, margin: 0)
        try await pacer.admit()
        try await pacer.admit()
        #expect(await pacer.waitedSeconds == 0)
        // The short bucket is empty: each further request waits half a second for its token.
        try await pacer.admit()
        try await pacer.admit()
        #expect(abs(await pacer.waitedSeconds - 1.0) < 1e-9)
        #expect(abs(await pacer.waitedSeconds - clock.sleeps.reduce(0, +)) < 1e-9)
    }
}
