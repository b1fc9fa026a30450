import FieldMap
import TwentyClient
import TwentyModel

/// What a run knows about collisions before writing: each source object's policy (the map's `onCollision`) and
/// the unique values of each Twenty object (every field the workspace's metadata declares unique, by the path
/// Twenty keeps it under), so that a record Twenty refuses as a duplicate can be matched to the record it meets.
public struct CollisionRules: Sendable {
    /// Source object -> policy; objects not named (task targets, attachments) refuse a collision.
    var policies: [String: CollisionPolicy] = [:]
    /// Twenty object -> the dotted paths of its unique values (`emails.primaryEmail`).
    var uniquePaths: [String: [String]] = [:]

    /// No lookups: every collision is refused as Twenty reports it.
    public static let none = CollisionRules()

    public init(map: FieldMap, workspace: WorkspaceDescription) {
        for object in map.objects { policies[object.source] = object.onCollision }
        for object in workspace.objects {
            let paths = object.fields.filter { $0.isUnique && $0.name != "id" && !$0.isSystem }.map(UniqueValue.path)
            if !paths.isEmpty { uniquePaths[object.nameSingular] = paths }
        }
    }

    private init() {}

    func policy(of sourceObject: String) -> CollisionPolicy { policies[sourceObject] ?? .fail }

    func paths(of object: String) -> [String] { uniquePaths[object] ?? [] }
}
