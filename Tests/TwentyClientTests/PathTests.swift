import Testing
import TwentyClient

@Suite("Paths")
struct PathTests {
    @Test("a filter with quotes, brackets and an ampersand reaches the sandbox intact")
    func filterEncoded() async throws {
        let sandbox = try InProcessSandbox(version: .v2)
        for name in ["Acme & Co", "Acme"] {
            _ = try await sandbox.client.send(
                "POST", "rest/companies", body: try JSONValueText.parse(#"{"name":"\#(name)"}"#))
        }
        let path = TwentyPath.make("rest/companies", query: [("filter", #"name[eq]:"Acme & Co""#), ("limit", "5")])
        #expect(!path.contains("&Co") && path.contains("&limit=5"))
        let found = try await sandbox.client.get(path)
        #expect(found["totalCount"] == .integer(1))
    }
}
