import CanonicalJSON

/// `workspace.bound`: the project writes to this Twenty workspace and no other (invariant 8). Recorded by the
/// first command that talks to a workspace on the project's behalf; later commands compare the workspace they
/// reach with it and refuse another one.
public struct WorkspaceBound: EventPayload {
    public static let type = EventType.workspaceBound
    /// The server's base URL as given (no credentials: a URL with user info is refused before it gets here).
    public var url: String
    /// The workspace's id where the server states it (the API key's `workspaceId` claim), else absent.
    public var workspaceId: String?
    /// A value only this workspace has: the metadata id of its `person` object, created with the workspace.
    public var fingerprint: String
    /// The data-model generation detected (`v1`, `v2`), and the server's own version where it states one.
    public var version: String
    public var serverVersion: String?
    public var batchMaximum: Int

    public init(
        url: String, workspaceId: String?, fingerprint: String, version: String, serverVersion: String?,
        batchMaximum: Int
    ) {
        self.url = url
        self.workspaceId = workspaceId
        self.fingerprint = fingerprint
        self.version = version
        self.serverVersion = serverVersion
        self.batchMaximum = batchMaximum
    }

    /// Whether `other` describes the same workspace: the same id where both state one, else the same fingerprint.
    /// The URL alone decides nothing (a workspace can be reached by several names, and one name can be pointed at
    /// another server).
    public func isSameWorkspace(as other: WorkspaceBound) -> Bool {
        if let mine = workspaceId, let theirs = other.workspaceId { return mine == theirs }
        return fingerprint == other.fingerprint
    }
}
