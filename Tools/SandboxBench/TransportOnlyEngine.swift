import TwentySandbox

/// An engine that writes nothing and answers every batch 201, for `--transport-only`: what the HTTP layer alone
/// (key check, body read, rate limiter, faults, stats) costs, apart from the workspace's work.
struct TransportOnlyEngine: SandboxHandling {
    private static let created = Array(#"{"data":{"createCompanies":[]}}"#.utf8)

    func handle(_ request: SandboxRequest) async -> SandboxResponse {
        SandboxResponse(status: 201, headers: [("content-type", "application/json")], body: Self.created)
    }
}
