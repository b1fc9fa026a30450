import CanonicalJSON
import TwentyModel

/// How a sandbox workspace behaves where Twenty's servers differ.
public struct SandboxOptions: Sendable {
    /// `QUERY_MAX_RECORDS`: the largest batch and page (Twenty's docs say 60 per call; recent servers allow 200).
    public var batchMax: Int = 60
    /// Which generation of the data model a fresh workspace gets (target and attachment field names, files).
    public var twentyVersion: TwentyVersion = .v2

    public init(batchMax: Int = 60, twentyVersion: TwentyVersion = .v2) {
        self.batchMax = batchMax
        self.twentyVersion = twentyVersion
    }
}

/// The sandbox's engine: a Twenty workspace in a SQLite file, answering REST, metadata, file and test-control
/// exchanges. Calls may arrive concurrently; the workspace actor takes them one at a time, which is also what
/// keeps the single SQLite connection safe.
public final class SandboxEngine: SandboxHandling {
    private let workspace: Workspace

    /// Opens (or creates) the workspace stored in `dataDirectory`; a second engine on the same directory sees the
    /// same data. A directory keeps the Twenty version it was created with.
    public init(dataDirectory: String, options: SandboxOptions) throws {
        workspace = try Workspace(directory: dataDirectory, options: options)
    }

    public func handle(_ request: SandboxRequest) async -> SandboxResponse {
        // Parsing is the one step that needs no workspace state: done here, on the caller's task, it overlaps
        // with the request the workspace is busy with instead of waiting its turn (a fifth of a batch create).
        var request = request
        if !request.body.isEmpty, !(request.headers["content-type"]?.hasPrefix("multipart/") ?? false) {
            let body = request.body
            request.parsedBody = Result { try JSONParser.parse(body) }
        }
        return await workspace.handle(request)
    }
}
