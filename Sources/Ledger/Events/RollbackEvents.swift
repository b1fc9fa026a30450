import CanonicalJSON

/// What undoes one mutation; read from the inverse stream and carried out by rollback.
public struct Compensation: Codable, Sendable, Equatable {
    public enum Action: String, Codable, Sendable {
        /// Destroy a record the tool created.
        case destroy
        /// Put back the fields' values from before an update.
        case update
        /// Re-create a destroyed record from its before-image, with its old id.
        case create
        /// Restore a soft-deleted record.
        case restore
        /// Undo a data-model change (`schema` holds the inverse change).
        case schema
    }

    public var action: Action
    public var object: String
    public var twentyId: String?
    public var values: JSONValue?
    public var schema: SchemaChange?

    public init(
        action: Action, object: String, twentyId: String? = nil, values: JSONValue? = nil, schema: SchemaChange? = nil
    ) {
        self.action = action
        self.object = object
        self.twentyId = twentyId
        self.values = values
        self.schema = schema
    }
}

/// `rollback.started`: a rollback over the given scope began.
public struct RollbackStarted: EventPayload {
    public static let type = EventType.rollbackStarted
    /// Only mutations of this run, or all when absent.
    public var scopeRunId: String?
    /// Only mutations of this object, or all when absent.
    public var scopeObject: String?
    public var pending: Int

    public init(scopeRunId: String?, scopeObject: String?, pending: Int) {
        self.scopeRunId = scopeRunId
        self.scopeObject = scopeObject
        self.pending = pending
    }
}

/// `rollback.requested`: intent to carry out one batch of compensations, committed before the call (invariant 4
/// applies to rollback too): an interrupted rollback finds the batch in doubt and reads Twenty back before it
/// repeats anything.
public struct RollbackRequested: EventPayload {
    public static let type = EventType.rollbackRequested
    public var batchId: String
    public var action: Compensation.Action
    public var object: String?
    /// Each mutation the batch undoes (its `seq`) with the compensation carried out.
    public var items: [CompensationItem]
    /// A destroy sent with a condition: the filter sent, which matches only the items whose `updatedAt` Twenty
    /// still holds as the tool's write left it. Twenty's answer lists what it destroyed; the other items are
    /// settled by an `intent.resolved` (`absent`) and read back. Absent for an unconditional call.
    public var filter: String?

    public init(
        batchId: String, action: Compensation.Action, object: String, items: [CompensationItem], filter: String? = nil
    ) {
        self.batchId = batchId
        self.action = action
        self.object = object
        self.items = items
        self.filter = filter
    }
}

/// One mutation in a compensation batch.
public struct CompensationItem: Codable, Sendable, Equatable {
    public var compensates: Int64
    public var compensation: Compensation

    public init(compensates: Int64, compensation: Compensation) {
        self.compensates = compensates
        self.compensation = compensation
    }
}

/// `rollback.compensated`: the mutation recorded at `compensates` was undone by `compensation`.
public struct RollbackCompensated: EventPayload {
    public static let type = EventType.rollbackCompensated
    /// The `rollback.requested` batch it settles; absent when a read-back found it done.
    public var batchId: String?
    public var compensates: Int64
    public var compensation: Compensation
    public var object: String? { compensation.object }
    public var twentyId: String? { compensation.twentyId }

    public init(compensates: Int64, compensation: Compensation, batchId: String? = nil) {
        self.batchId = batchId
        self.compensates = compensates
        self.compensation = compensation
    }

    enum CodingKeys: String, CodingKey { case batchId, compensates, compensation }
}

/// `rollback.kept`: rollback left the record of the mutation at `compensates` as it is, because someone changed
/// it in Twenty after the tool wrote it (`fields`, compared after Twenty's normalisation) or removed it. It stays
/// in the inverse stream; `rollback --force` undoes it anyway.
public struct RollbackKept: EventPayload {
    public static let type = EventType.rollbackKept
    public var compensates: Int64
    public var compensation: Compensation
    /// The fields whose value in Twenty differs from what the tool wrote; empty when the record is gone.
    public var fields: [String]
    public var reason: String
    public var object: String? { compensation.object }
    public var twentyId: String? { compensation.twentyId }

    public init(compensates: Int64, compensation: Compensation, fields: [String], reason: String) {
        self.compensates = compensates
        self.compensation = compensation
        self.fields = fields
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey { case compensates, compensation, fields, reason }
}

/// `rollback.completed`: the rollback's scope has nothing left to compensate.
public struct RollbackCompleted: EventPayload {
    public static let type = EventType.rollbackCompleted
    public var compensated: Int
    public var failed: Int
    /// Records left as they are because they were changed in Twenty (see `rollback.kept`).
    public var kept: Int?

    public init(compensated: Int, failed: Int, kept: Int? = nil) {
        self.compensated = compensated
        self.failed = failed
        self.kept = kept
    }
}
