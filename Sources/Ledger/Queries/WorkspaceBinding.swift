import CanonicalJSON

/// Invariant 8: a project writes to one Twenty workspace. The first command that reaches a workspace for the
/// project binds it; every later one must reach the same workspace or is refused before it sends anything.
extension Ledger {
    /// The workspace the project is bound to (its latest `workspace.bound`), or nil before the first binding.
    public func workspaceBinding() throws -> WorkspaceBound? {
        var latest: WorkspaceBound?
        try events(matching: EventFilter(type: EventType.workspaceBound.rawValue)) { stored in
            if case .workspaceBound(let bound) = try stored.decoded() { latest = bound }
        }
        return latest
    }

    /// Binds the project to `reached` if it is not bound yet, records a new binding when the same workspace is
    /// reached under another URL or version (a server upgrade during a migration is worth knowing), and refuses
    /// another workspace. Returns what the ledger now says the project is bound to.
    @discardableResult
    public func bind(to reached: WorkspaceBound) throws -> WorkspaceBound {
        if let bound = try workspaceBinding() {
            guard bound.isSameWorkspace(as: reached) else {
                throw WorkspaceMismatch(bound: bound, reached: reached)
            }
            guard bound != reached else { return bound }
        }
        try append([.workspaceBound(reached)])
        return reached
    }
}

extension Ledger {
    /// Refuses, recording nothing, a workspace other than the bound one, for commands that read a workspace to
    /// prepare writes to it (transform resolves owners to its member ids: another workspace's ids would be wrong
    /// in the bound one). Before the first binding there is nothing to compare with.
    public func requireBoundWorkspace(url: String, workspaceId: String?, fingerprint: String?) throws {
        guard let bound = try workspaceBinding() else { return }
        let reached = WorkspaceBound(
            url: url, workspaceId: workspaceId, fingerprint: fingerprint ?? "", version: bound.version,
            serverVersion: nil, batchMaximum: bound.batchMaximum)
        guard bound.isSameWorkspace(as: reached) else { throw WorkspaceMismatch(bound: bound, reached: reached) }
    }
}

/// A command reached a workspace other than the one the project is bound to.
public struct WorkspaceMismatch: Error, CustomStringConvertible {
    public let bound: WorkspaceBound
    public let reached: WorkspaceBound

    public var description: String {
        func name(_ w: WorkspaceBound) -> String {
            "\(w.url) (workspace \(w.workspaceId ?? "fingerprint " + w.fingerprint))"
        }
        return "this project is bound to the Twenty workspace \(name(bound)), but \(name(reached)) was reached;"
            + " writing, reconciling or rolling back against another workspace is refused. Point --twenty and the"
            + " API key at the bound workspace, or start a new project for the other one."
    }
}
