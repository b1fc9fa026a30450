import CanonicalJSON
import Testing
import TwentySandbox

@Suite("Record quota over HTTP")
struct RecordQuotaOverHTTPTests {
    @Test("A create past the record quota answers 402 with no Retry-After or X-RateLimit headers")
    func quotaRefusalHasNoRateHeaders() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let engine = try SandboxEngine(dataDirectory: directory.path, options: SandboxOptions(recordQuota: 1))
        let reply = try await LiveSandbox.with(engine: engine) { try await $0.createCompanies(2) }
        #expect(reply.status == 402)
        #expect(reply.json?["error"] == "QUOTA_EXHAUSTED")
        #expect(reply.header("Retry-After") == nil)
        #expect(reply.header("X-RateLimit-Limit") == nil)
        #expect(reply.header("X-RateLimit-Remaining") == nil)
    }
}
