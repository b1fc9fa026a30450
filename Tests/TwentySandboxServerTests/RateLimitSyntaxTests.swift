import Testing
import TwentySandboxServer

@Suite("Rate and size syntax")
struct RateLimitSyntaxTests {
    @Test("Rates read as COUNT/DURATION in ms, s, m or h, and off turns a window off")
    func ratesParse() throws {
        #expect(try RateLimit.parse("100/60s") == RateLimit(count: 100, windowMilliseconds: 60_000))
        #expect(try RateLimit.parse("10/1s") == RateLimit(count: 10, windowMilliseconds: 1_000))
        #expect(try RateLimit.parse("500/250ms") == RateLimit(count: 500, windowMilliseconds: 250))
        #expect(try RateLimit.parse("5/2m") == RateLimit(count: 5, windowMilliseconds: 120_000))
        #expect(try RateLimit.parse("off") == nil)
    }

    @Test("A rate without a unit, a count or a positive window is refused")
    func malformedRatesAreRefused() {
        for text in ["100/60", "/60s", "0/60s", "100/0s", "100/-1s", "100", "a/1s"] {
            #expect(throws: RateLimitSyntaxError.self) { try RateLimit.parse(text) }
        }
    }

    @Test("Body sizes read as bytes or whole KiB, MiB, GiB, KB, MB and GB")
    func sizesParse() throws {
        #expect(try SandboxServerConfiguration.parseByteSize("10MiB") == 10 * 1024 * 1024)
        #expect(try SandboxServerConfiguration.parseByteSize("512KiB") == 512 * 1024)
        #expect(try SandboxServerConfiguration.parseByteSize("2MB") == 2_000_000)
        #expect(try SandboxServerConfiguration.parseByteSize("4096") == 4096)
        #expect(throws: ByteSizeSyntaxError.self) { try SandboxServerConfiguration.parseByteSize("ten") }
    }
}
