import Foundation
import Testing
import TwentyClient
import TwentySandbox

@Suite("Overhead")
struct OverheadTests {
    /// Prints the client's own cost per request (pacing, retry bookkeeping, URL and JSON handling) over the
    /// unthrottled in-process sandbox, next to the engine answering the same request directly.
    @Test("the client adds little to each request against the unthrottled sandbox (printed p50/p99)")
    func overheadPerRequest() async throws {
        let sandbox = try InProcessSandbox(version: .v2)
        let rounds = 300
        var direct: [Double] = []
        var throughClient: [Double] = []
        for _ in 0..<rounds {
            let start = DispatchTime.now().uptimeNanoseconds
            _ = await sandbox.engine.handle(
                SandboxRequest(method: "GET", path: "/rest/companies", query: [("limit", "1")]))
            direct.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1000)
            let viaClient = DispatchTime.now().uptimeNanoseconds
            _ = try await sandbox.client.get("rest/companies?limit=1")
            throughClient.append(Double(DispatchTime.now().uptimeNanoseconds - viaClient) / 1000)
        }
        func percentile(_ values: [Double], _ p: Double) -> Double {
            let sorted = values.sorted()
            return sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
        }
        print(
            "client overhead (µs): engine alone p50 \(Int(percentile(direct, 0.5))) p99 \(Int(percentile(direct, 0.99)));"
                + " through the client p50 \(Int(percentile(throughClient, 0.5)))"
                + " p99 \(Int(percentile(throughClient, 0.99)))")
        #expect(throughClient.count == rounds)
    }
}
