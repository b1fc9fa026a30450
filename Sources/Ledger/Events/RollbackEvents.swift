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

/// `rollback.compensated`: the mutation recorded at `compensates` was undone by `compensation`.
public struct RollbackCompensated: EventPayload {
    public static let type = EventType.rollbackCompensated
    public var compensates: Int64
    public var compensation: Compensation
    public var object: String? { compensation.object }
    public var twentyId: String? { compensation.twentyId }

    public init(compensates: Int64, compensation: Compensation) {
        self.compensates = compensates
        self.compensation = compensation
    }

    enum CodingKeys: String, CodingKey { case compensates, compensation }
}

/// `rollback.completed`: the rollback's scope has nothing left to compensate.
public struct RollbackCompleted: EventPayload {
    public static let type = EventType.rollbackCompleted
    public var compensated: Int
    public var failed: Int

    public init(compensated: Int, failed: Int) {
        self.compensated = compensated
        self.failed = failed
    }
}
