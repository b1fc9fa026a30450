import CanonicalJSON

/// One change to Twenty's data model, or its inverse.
public struct SchemaChange: Codable, Sendable, Equatable {
    public enum Operation: String, Codable, Sendable {
        case createObject, deleteObject, createField, deleteField, updateField
    }

    public var op: Operation
    /// The Twenty object's singular name (`company`, `invoice`).
    public var object: String
    public var field: String?
    /// The metadata id Twenty gave the object or field, once known.
    public var metadataId: String?
    /// The metadata API body (for creates and updates), e.g. the full option list of a SELECT.
    public var definition: JSONValue?

    public init(
        op: Operation, object: String, field: String? = nil, metadataId: String? = nil, definition: JSONValue? = nil
    ) {
        self.op = op
        self.object = object
        self.field = field
        self.metadataId = metadataId
        self.definition = definition
    }
}

/// `schema.change.requested`: intent to change Twenty's data model, committed before the call, with the change
/// that undoes it decided before the call (invariant 5): a creation's removal (named by object and field, since
/// the metadata id is only known afterwards), an option list's exact earlier list as read from Twenty.
public struct SchemaChangeRequested: EventPayload {
    public static let type = EventType.schemaChangeRequested
    public var changeId: String
    public var change: SchemaChange
    /// Absent only in ledgers written before intents carried their undo.
    public var inverse: SchemaChange?
    public var object: String? { change.object }

    public init(changeId: String, change: SchemaChange, inverse: SchemaChange?) {
        self.changeId = changeId
        self.change = change
        self.inverse = inverse
    }

    enum CodingKeys: String, CodingKey { case changeId, change, inverse }
}

/// `schema.change.refused`: Twenty refused the change (or it could not be made); nothing changed, nothing to undo.
public struct SchemaChangeRefused: EventPayload {
    public static let type = EventType.schemaChangeRefused
    public var changeId: String
    public var change: SchemaChange
    /// HTTP status, or absent when no response arrived and a read-back found the change absent.
    public var status: Int?
    public var error: String
    public var object: String? { change.object }

    public init(changeId: String, change: SchemaChange, status: Int?, error: String) {
        self.changeId = changeId
        self.change = change
        self.status = status
        self.error = error
    }

    enum CodingKeys: String, CodingKey { case changeId, change, status, error }
}

/// `schema.change.applied`: Twenty accepted the change; `inverse` undoes it exactly (for an option list, the
/// complete earlier list).
public struct SchemaChangeApplied: EventPayload {
    public static let type = EventType.schemaChangeApplied
    public var changeId: String
    public var change: SchemaChange
    public var inverse: SchemaChange
    public var object: String? { change.object }

    public init(changeId: String, change: SchemaChange, inverse: SchemaChange) {
        self.changeId = changeId
        self.change = change
        self.inverse = inverse
    }

    enum CodingKeys: String, CodingKey { case changeId, change, inverse }
}
