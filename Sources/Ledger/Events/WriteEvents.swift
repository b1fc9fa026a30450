import CanonicalJSON

/// What a write to Twenty does to one record.
public enum WriteOperation: String, Codable, Sendable {
    case create, update, destroy, softDelete, restore
}

/// `write.requested`: intent to call Twenty, committed before the call (write-ahead). An intent without an
/// outcome after a crash is "in doubt" and is resolved by reading Twenty before anything is retried.
///
/// The intent carries its undo (invariant 5): a create is undone by destroying each item's `twentyId` (the id is
/// decided before the call), an update by each item's `before`, a delete by each item's full `before`, all read
/// from Twenty before the call, so a crash between the call and its outcome never loses an undo.
public struct WriteRequested: EventPayload {
    public static let type = EventType.writeRequested
    public var batchId: String
    public var op: WriteOperation
    /// The Twenty object written.
    public var object: String?
    /// The source object (export file) the items come from: two files can feed one Twenty object, and their
    /// source ids can collide. Absent in ledgers written before it was recorded.
    public var sourceObject: String?
    /// Whether the call upserts (`?upsert=true`), matching existing records on every unique index.
    public var upsert: Bool?
    /// An update that merges source records into records already in the workspace they collide with (the map's
    /// `onCollision: merge`); after a crash it is settled by sending it again, its before-image kept. Absent
    /// otherwise.
    public var merge: Bool?
    public var items: [WriteItem]

    public init(
        batchId: String, op: WriteOperation, object: String, sourceObject: String? = nil, upsert: Bool? = nil,
        merge: Bool? = nil, items: [WriteItem]
    ) {
        self.merge = merge
        self.batchId = batchId
        self.op = op
        self.object = object
        self.sourceObject = sourceObject
        self.upsert = upsert
        self.items = items
    }

    /// What undoes each item once Twenty has applied it, known before the call.
    public func undo(of item: WriteItem) -> Compensation? {
        let object = object ?? ""
        switch op {
        case .create: return Compensation(action: .destroy, object: object, twentyId: item.twentyId)
        case .update:
            guard let before = item.before else { return nil }
            return Compensation(action: .update, object: object, twentyId: item.twentyId, values: before)
        case .destroy:
            guard let before = item.before else { return nil }
            return Compensation(action: .create, object: object, twentyId: item.twentyId, values: before)
        case .softDelete: return Compensation(action: .restore, object: object, twentyId: item.twentyId)
        // A restore is only ever sent as a rollback's compensation, which is not itself undone.
        case .restore: return nil
        }
    }
}

public struct WriteItem: Codable, Sendable, Equatable {
    public var sourceId: String?
    public var twentyId: String
    public var values: JSONValue?
    /// For an update, the touched fields as read from Twenty before the call; for a delete, the whole record.
    public var before: JSONValue?

    public init(sourceId: String?, twentyId: String, values: JSONValue?, before: JSONValue? = nil) {
        self.sourceId = sourceId
        self.twentyId = twentyId
        self.values = values
        self.before = before
    }
}

/// `record.created`: Twenty holds a new record. Inverse: destroy `twentyId`.
public struct RecordCreated: EventPayload {
    public static let type = EventType.recordCreated
    public var batchId: String?
    public var object: String?
    /// The source object the record came from (see `WriteRequested.sourceObject`).
    public var sourceObject: String?
    public var sourceId: String?
    public var twentyId: String?
    public var values: JSONValue
    /// The record's `updatedAt` as Twenty answered the create (its own clock): rollback destroys the record without
    /// reading it back while Twenty still holds an `updatedAt` no later than its write batch's. Absent when the
    /// outcome came from a read-back, and in ledgers written before it was recorded.
    public var heldUpdatedAt: String?

    public init(
        batchId: String?, object: String, sourceObject: String? = nil, sourceId: String?, twentyId: String,
        values: JSONValue, heldUpdatedAt: String? = nil
    ) {
        self.batchId = batchId
        self.object = object
        self.sourceObject = sourceObject
        self.sourceId = sourceId
        self.twentyId = twentyId
        self.values = values
        self.heldUpdatedAt = heldUpdatedAt
    }
}

/// `record.updated`: fields of an existing record were changed. Inverse: update back to `before`, the touched
/// fields as read from Twenty before the update.
public struct RecordUpdated: EventPayload {
    public static let type = EventType.recordUpdated
    public var batchId: String?
    public var object: String?
    /// The source object the record came from (see `WriteRequested.sourceObject`).
    public var sourceObject: String?
    public var sourceId: String?
    public var twentyId: String?
    public var values: JSONValue
    public var before: JSONValue

    public init(
        batchId: String?, object: String, sourceObject: String? = nil, sourceId: String?, twentyId: String,
        values: JSONValue, before: JSONValue
    ) {
        self.batchId = batchId
        self.object = object
        self.sourceObject = sourceObject
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
    /// The source object the record came from (see `WriteRequested.sourceObject`).
    public var sourceObject: String?
    public var sourceId: String?
    public var twentyId: String?
    public var soft: Bool
    public var before: JSONValue

    public init(
        batchId: String?, object: String, sourceObject: String? = nil, sourceId: String?, twentyId: String,
        soft: Bool, before: JSONValue
    ) {
        self.batchId = batchId
        self.object = object
        self.sourceObject = sourceObject
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
    public var sourceObject: String?
    public var sourceIds: [String]
    /// HTTP status, or absent when no response arrived.
    public var status: Int?
    public var error: String
    public var retryable: Bool

    public init(
        batchId: String, object: String, sourceObject: String? = nil, sourceIds: [String], status: Int?,
        error: String, retryable: Bool
    ) {
        self.batchId = batchId
        self.object = object
        self.sourceObject = sourceObject
        self.sourceIds = sourceIds
        self.status = status
        self.error = error
        self.retryable = retryable
    }
}
