import CanonicalJSON
import Ledger

/// What `prepare` must change in a workspace so the confirmed map can be written, worked out before anything is
/// changed: the changes in the order they must be made, what is already in place, and what no change can fix.
public struct SchemaPlan: Sendable {
    /// Objects first (fields need them), then plain fields, then relations (their targets must exist), then
    /// option lists.
    public var changes: [PlannedChange]
    /// What the map needs and the workspace already has, in words ("person.allegoryId").
    public var present: [String]
    /// What the map needs and prepare cannot make: each names the map's object and column and says the fix.
    public var problems: [SchemaProblem]

    public var isEmpty: Bool { changes.isEmpty }
}

/// One change to make, with the change that undoes it, both decided before the call (invariant 5).
///
/// `change.definition` is the metadata API body with objects named, not identified: `objectMetadataId` and a
/// relation's `targetObjectMetadataId` are filled in from the workspace when the change is made, since an object
/// this run creates has no id before then. The ledger so records a body a person can read.
public struct PlannedChange: Sendable, Equatable {
    public var change: SchemaChange
    public var inverse: SchemaChange
    /// `create field person.allegoryId (TEXT, unique)`.
    public var summary: String
}

/// Something the map needs that preparing the workspace cannot provide.
public struct SchemaProblem: Sendable, Equatable, CustomStringConvertible {
    /// `deals` / `Stage` or the object alone.
    public var sourceObject: String
    public var column: String?
    public var message: String
    /// The edit to map.yaml that would settle it, when there is one.
    public var fix: String?

    public var description: String {
        let place = column.map { "\(sourceObject).\($0)" } ?? sourceObject
        return "\(place): \(message)" + (fix.map { "\n    fix in map.yaml: \($0)" } ?? "")
    }
}
