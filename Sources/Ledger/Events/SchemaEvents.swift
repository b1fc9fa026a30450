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

/// `schema.change.requested`: intent to change Twenty's data model, committed before the call.
public struct SchemaChangeRequested: EventPayload {
    public static let type = EventType.schemaChangeRequested
    public var changeId: String
    public var change: SchemaChange
    public var object: String? { change.object }

    public init(changeId: String, change: SchemaChange) {
        self.changeId = changeId
        self.change = change
    }

    enum CodingKeys: String, CodingKey { case changeId, change }
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
