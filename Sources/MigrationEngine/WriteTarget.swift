import FieldMap
import TwentyClient

/// Where one source object's records go: the Twenty object and the REST paths that write and read it.
public struct WriteTarget: Sendable, Equatable {
    public var sourceObject: String
    /// `nameSingular` of the Twenty object.
    public var object: String
    /// `namePlural`, the REST collection (`rest/batch/companies`, `rest/companies`).
    public var plural: String

    public init(sourceObject: String, object: String, plural: String) {
        self.sourceObject = sourceObject
        self.object = object
        self.plural = plural
    }

    /// Where `object`'s records go in `workspace`; an error that says to prepare it when the workspace lacks it.
    public init(_ object: ObjectMap, in workspace: WorkspaceDescription) throws {
        guard let target = WriteTarget(sourceObject: object.source, object: object.twentyObject, in: workspace) else {
            throw MigrationError(
                "the workspace has no object \(object.twentyObject) for \(object.source); run `crm-migrate prepare` first"
            )
        }
        self = target
    }

    /// The target as the workspace names it; nil when the workspace has no such object.
    public init?(sourceObject: String, object: String, in workspace: WorkspaceDescription) {
        guard let description = workspace.object(object) else { return nil }
        self.init(sourceObject: sourceObject, object: object, plural: description.namePlural)
    }
}
