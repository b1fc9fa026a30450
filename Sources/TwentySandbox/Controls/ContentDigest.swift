import CanonicalJSON

extension Workspace {
    /// `GET /_sandbox/content-digest`: the digest of the workspace's schema and records without what Twenty changes
    /// by itself on every write (`updatedAt` of records, objects and fields, a restoring write included) and without
    /// stored files (Twenty cleans its storage by itself, not through the API, so a destroyed attachment's bytes
    /// outlive it). Equal before a migration and after its rollback; the state's `digest` is not.
    func contentDigest() throws -> SandboxResponse {
        let state = try JSONParser.parse(try stateBytes())
        return .json(200, ["digest": .string(Identifier.sha256Hex(CanonicalJSON.bytes(WorkspaceContent.of(state))))])
    }
}

/// A sandbox state (`/_sandbox/state`) without what Twenty changes by itself on every write and without stored
/// files: what a migration and its rollback must give back exactly. The content digest hashes it; tests compare it.
public enum WorkspaceContent {
    public static func of(_ state: JSONValue) -> JSONValue {
        guard case .object(var top) = state else { return state }
        top["files"] = nil
        top["objects"] = .array(
            (top["objects"]?.arrayValue ?? []).map { object in
                guard case .object(var members) = object else { return object }
                if case .object(var metadata)? = members["metadata"] {
                    metadata["updatedAt"] = nil
                    metadata["fields"] = .array((metadata["fields"]?.arrayValue ?? []).map(withoutUpdatedAt))
                    members["metadata"] = .object(metadata)
                }
                members["records"] = .array((members["records"]?.arrayValue ?? []).map(withoutUpdatedAt))
                return .object(members)
            })
        return .object(top)
    }

    private static func withoutUpdatedAt(_ value: JSONValue) -> JSONValue {
        guard case .object(var members) = value else { return value }
        members["updatedAt"] = nil
        return .object(members)
    }
}
