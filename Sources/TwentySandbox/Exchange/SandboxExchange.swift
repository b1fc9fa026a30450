import CanonicalJSON

/// One request to the sandbox and its answer, independent of the HTTP transport that carries them.
///
/// The engine (`TwentySandbox`) answers exchanges; the server (`TwentySandboxServer`) carries them over HTTP and
/// adds what only a transport has: authentication, rate limiting, body-size bounds, faults and request counts.
public struct SandboxRequest: Sendable {
    /// Upper-case HTTP method: GET, POST, PATCH, PUT, DELETE.
    public var method: String
    /// The path without the query string, percent-decoded (`/rest/companies/3f2...`).
    public var path: String
    /// Query parameters in the order sent, percent-decoded.
    public var query: [(name: String, value: String)]
    /// Header names lower-cased.
    public var headers: [String: String]
    public var body: [UInt8] { didSet { parsedBody = nil } }
    /// The body parsed as JSON before the request reached the workspace (see `SandboxEngine.handle`).
    var parsedBody: Result<JSONValue, any Error>?

    public init(
        method: String, path: String, query: [(name: String, value: String)] = [], headers: [String: String] = [:],
        body: [UInt8] = []
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    public func queryValue(_ name: String) -> String? { query.first { $0.name == name }?.value }
}

public struct SandboxResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    /// Records created, updated or deleted by this exchange (for `/_sandbox/stats`).
    public var recordsWritten: Int

    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8], recordsWritten: Int = 0) {
        self.status = status
        self.headers = headers
        self.body = body
        self.recordsWritten = recordsWritten
    }
}

/// Anything that answers sandbox exchanges: the engine, or a test double while the server is built.
public protocol SandboxHandling: Sendable {
    func handle(_ request: SandboxRequest) async -> SandboxResponse
}
