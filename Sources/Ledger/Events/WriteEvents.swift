import CanonicalJSON

/// What a write to Twenty does to one record.
public enum WriteOperation: String, Codable, Sendable {
    case create, update, destroy, softDelete, restore
}

/// `write.requested`: intent to call Twenty, committed before the call (write-ahead). An intent without an
/// outcome after a crash is "in doubt" and is resolved by reading Twenty before anything is retried.
public struct WriteRequested: EventPayload {
    public static let type = EventType.writeRequested
    public var batchId: String
    public var op: WriteOperation
    public var object: String?
    public var items: [WriteItem]

    public init(batchId: String, op: WriteOperation, object: String, items: [WriteItem]) {
        self.batchId = batchId
        self.op = op
        self.object = object
        self.items = items
    }
}

public struct WriteItem: Codable, Sendable, Equatable {
    public var sourceId: String?
    public var twentyId: String
    public var values: JSONValue?

    public init(sourceId: String?, twentyId: String, values: JSONValue?) {
        self.sourceId = sourceId
        self.twentyId = twentyId
        self.values = values
    }
}

/// `record.created`: Twenty holds a new record. Inverse: destroy `twentyId`.
public struct RecordCreated: EventPayload {
    public static let type = EventType.recordCreated
    public var batchId: String?
    public var object: String?
    public var sourceId: String?
    public var twentyId: String?
    public var values: JSONValue

    public init(batchId: String?, object: String, sourceId: String?, twentyId: String, values: JSONValue) {
        self.batchId = batchId
        self.object = object
        self.sourceId = sourceId
        self.twentyId = twentyId
        self.values = values
    }
}

/// `record.updated`: fields of an existing record were changed. Inverse: update back to `before`, the touched
/// fields as read from Twenty before the update.
public struct RecordUpdated: EventPayload {
    public static let type = EventType.recordUpdated
    public var batchId: String?
    public var object: String?
    public var sourceId: String?
    public var twentyId: String?
    public var values: JSONValue
    public var before: JSONValue

    public init(
        batchId: String?, object: String, sourceId: String?, twentyId: String, values: JSONValue, before: JSONValue
    ) {
        self.batchId = batchId
        self.object = object
        self.sourceId = sourceId
        self.twentyId = twentyId
        self.values = values
        self.before = before
    }
}

/// `record.deleted`: a record was destroyed (or soft-deleted when `soft`). Inverse: restore it (soft) or
/// re-create it from `before`, the full record as read before the delete (hard).
public struct RecordDeleted: EventPayload {
    public static let type = EventType.recordDeleted
    public var batchId: String?
    public var object: String?
    public var sourceId: String?
    public var twentyId: String?
    public var soft: Bool
    public var before: JSONValue

    public init(batchId: String?, object: String, sourceId: String?, twentyId: String, soft: Bool, before: JSONValue) {
        self.batchId = batchId
        self.object = object
        self.sourceId = sourceId
        self.twentyId = twentyId
        self.soft = soft
        self.before = before
    }
}

/// `write.failed`: Twenty refused or did not answer a requested write.
public struct WriteFailed: EventPayload {
    public static let type = EventType.writeFailed
    public var batchId: String
    public var object: String?
    public var sourceIds: [String]
    /// HTTP status, or absent when no response arrived.
    public var status: Int?
    public var error: String
    public var retryable: Bool

    public init(batchId: String, object: String, sourceIds: [String], status: Int?, error: String, retryable: Bool) {
        self.batchId = batchId
        self.object = object
        self.sourceIds = sourceIds
        self.status = status
        self.error = error
        self.retryable = retryable
    }
}
