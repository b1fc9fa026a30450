import CanonicalJSON

/// One field of a changed source record whose value in Twenty is no longer the one the tool wrote: someone edited
/// it in Twenty since. It carries the three values a person needs to decide, and what the delta did.
public struct FieldConflict: Codable, Sendable, Equatable {
    /// Who won: the source's new value was sent, or Twenty's edit was left alone.
    public enum Resolution: String, Codable, Sendable {
        case source, twenty
    }

    public var field: String
    /// What the tool last wrote (the twenty-state projection); absent when it never wrote the field.
    public var ours: JSONValue?
    /// The value the source holds now, transformed under the current map; absent when the source cleared it.
    public var source: JSONValue?
    /// The value Twenty holds now, read back just before deciding.
    public var twenty: JSONValue?
    public var resolution: Resolution

    public init(field: String, ours: JSONValue?, source: JSONValue?, twenty: JSONValue?, resolution: Resolution) {
        self.field = field
        self.ours = ours
        self.source = source
        self.twenty = twenty
        self.resolution = resolution
    }
}

/// `delta.settled`: a delta decided what to do with a changed source record the workspace already holds: the fields
/// it sends (in the `write.requested` update appended with it, in the same transaction), and each conflict with an
/// edit made in Twenty. Settles the record's disposition, so that a delta run again with the same export sends
/// nothing for it. Inverse: none (the update intent that follows carries its own before-image).
public struct DeltaSettled: EventPayload {
    public static let type = EventType.deltaSettled
    /// The Twenty object.
    public var object: String?
    public var sourceObject: String
    public var sourceId: String?
    public var twentyId: String?
    /// The fields the update sends; empty when nothing is sent (every change met an edit Twenty keeps, or no mapped
    /// field changed).
    public var sent: [String]
    public var conflicts: [FieldConflict]
    /// The record is gone from Twenty (deleted there since the tool wrote it): nothing is sent, nothing re-created.
    public var goneFromTwenty: Bool?

    public init(
        object: String, sourceObject: String, sourceId: String, twentyId: String, sent: [String],
        conflicts: [FieldConflict], goneFromTwenty: Bool? = nil
    ) {
        self.object = object
        self.sourceObject = sourceObject
        self.sourceId = sourceId
        self.twentyId = twentyId
        self.sent = sent
        self.conflicts = conflicts
        self.goneFromTwenty = goneFromTwenty
    }
}
