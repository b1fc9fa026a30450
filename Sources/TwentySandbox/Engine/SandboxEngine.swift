import CanonicalJSON
import TwentyModel

/// How a sandbox workspace behaves where Twenty's servers differ.
public struct SandboxOptions: Sendable {
    /// `QUERY_MAX_RECORDS` when set explicitly (`--batch-max`); nil follows the workspace's version
    /// (`TwentyVersion.defaultBatchMax`).
    public var batchMaxOverride: Int?
    /// Which generation of the data model a fresh workspace gets (target and attachment field names, files).
    public var twentyVersion: TwentyVersion = .v2
    /// Twenty's record stock limit (`WORKSPACE_RECORD_LIMIT`-style quota): creating records beyond it answers
    /// 402. Nil: no quota, as on a self-hosted server.
    public var recordQuota: Int?

    public init(batchMax: Int? = nil, twentyVersion: TwentyVersion = .v2, recordQuota: Int? = nil) {
        self.batchMaxOverride = batchMax
        self.twentyVersion = twentyVersion
        self.recordQuota = recordQuota
    }

    /// The largest batch and page of a workspace of `version`: the override, else that version's constant.
    public func batchMax(for version: TwentyVersion) -> Int { batchMaxOverride ?? version.defaultBatchMax }
}

extension TwentyVersion {
    /// `QUERY_MAX_RECORDS` of the generation: 200 on current servers (`packages/twenty-shared/src/constants/
    /// QueryMaxRecords.ts`, raised from 60 around v1.6; TWENTY_API.md section 11), 60 on old ones, which is
    /// also what Twenty's docs still call safe.
    public var defaultBatchMax: Int {
        switch self {
        case .v1: 60
        case .v2: 200
        }
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
        // File bytes (multipart forms, direct-upload PUTs) are not JSON.
        if !request.body.isEmpty, !(request.headers["content-type"]?.hasPrefix("multipart/") ?? false),
            !request.path.hasPrefix("/file-upload/")
        {
            let body = request.body
            request.parsedBody = Result { try JSONParser.parse(body) }
        }
        return await workspace.handle(request)
    }
}
