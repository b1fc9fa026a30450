import CanonicalJSON

/// `project.created`: the first event of every ledger.
public struct ProjectCreated: EventPayload {
    public static let type = EventType.projectCreated
    /// The project's UUID; record ids sent to Twenty are derived from it, so it never changes.
    public var projectId: String
    public var name: String
    public var toolVersion: String

    public init(projectId: String, name: String, toolVersion: String) {
        self.projectId = projectId
        self.name = name
        self.toolVersion = toolVersion
    }
}
