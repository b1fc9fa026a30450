import CanonicalJSON

/// `intent.resolved`: an intent left without an outcome (a crash, a timeout, a dropped connection) was settled by
/// reading Twenty back, before anything was retried (invariant 4). `held` lists what Twenty was found to hold
/// (Twenty ids of a write's items, or `object.field` names of a schema change), `absent` what it did not; the
/// engine then records the usual outcome for what is held and retries only what is absent.
public struct IntentResolved: EventPayload {
    public static let type = EventType.intentResolved

    public enum Kind: String, Codable, Sendable {
        /// A `write.requested`, named by its `batchId`.
        case write
        /// A `schema.change.requested`, named by its `changeId`.
        case schema
        /// A `rollback.requested`, named by its `batchId`.
        case compensation
    }

    public var kind: Kind
    public var intentId: String
    /// The sequence number of the intent's event.
    public var intentSeq: Int64
    public var object: String?
    public var held: [String]
    public var absent: [String]

    public init(kind: Kind, intentId: String, intentSeq: Int64, object: String?, held: [String], absent: [String]) {
        self.kind = kind
        self.intentId = intentId
        self.intentSeq = intentSeq
        self.object = object
        self.held = held
        self.absent = absent
    }
}

/// `compensation.failed`: rollback tried to undo the mutation at `compensates` and Twenty refused or did not
/// answer. The mutation stays in the inverse stream, so running rollback again tries it again.
public struct CompensationFailed: EventPayload {
    public static let type = EventType.compensationFailed
    /// The `rollback.requested` batch it settles.
    public var batchId: String?
    public var compensates: Int64
    public var compensation: Compensation
    public var status: Int?
    public var error: String
    public var retryable: Bool
    public var object: String? { compensation.object }
    public var twentyId: String? { compensation.twentyId }

    public init(
        compensates: Int64, compensation: Compensation, status: Int?, error: String, retryable: Bool,
        batchId: String? = nil
    ) {
        self.batchId = batchId
        self.compensates = compensates
        self.compensation = compensation
        self.status = status
        self.error = error
        self.retryable = retryable
    }

    enum CodingKeys: String, CodingKey { case batchId, compensates, compensation, status, error, retryable }
}
