import CanonicalJSON

/// Every kind of event the ledger holds. The raw value is the `type` column; `Ledger/EVENTS.md` describes each
/// one's payload, meaning and inverse. Names are never reused or changed once released.
public enum EventType: String, CaseIterable, Codable, Sendable {
    case projectCreated = "project.created"
    case snapshotTaken = "snapshot.taken"
    case recordExtracted = "record.extracted"
    case recordMissing = "record.missing"
    case sourceFinding = "source.finding"
    case snapshotCompleted = "snapshot.completed"
    case exportUnderstood = "export.understood"
    case linkUnresolved = "link.unresolved"
    case mapProposed = "map.proposed"
    case mapConfirmed = "map.confirmed"
    case recordTransformed = "record.transformed"
    case recordRejected = "record.rejected"
    case recordExcluded = "record.excluded"
    case schemaChangeRequested = "schema.change.requested"
    case schemaChangeApplied = "schema.change.applied"
    case schemaChangeRefused = "schema.change.refused"
    case writeRequested = "write.requested"
    case recordCreated = "record.created"
    case recordUpdated = "record.updated"
    case recordDeleted = "record.deleted"
    case writeFailed = "write.failed"
    case intentResolved = "intent.resolved"
    case workspaceBound = "workspace.bound"
    case runStarted = "run.started"
    case runCompleted = "run.completed"
    case runFailed = "run.failed"
    case rollbackStarted = "rollback.started"
    case rollbackRequested = "rollback.requested"
    case rollbackKept = "rollback.kept"
    case rollbackCompensated = "rollback.compensated"
    case rollbackCompleted = "rollback.completed"
    case compensationFailed = "compensation.failed"
    case reconciliationComputed = "reconciliation.computed"
    case workflowReferenceWritten = "workflow.reference.written"
    case sampleApproved = "sample.approved"
    case fileUploadRequested = "file.upload.requested"
    case fileUploaded = "file.uploaded"
    case fileUploadFailed = "file.upload.failed"
    case deltaSettled = "delta.settled"
}

/// The typed payload of one event type.
public protocol EventPayload: Codable, Sendable, Equatable {
    static var type: EventType { get }
    /// The source or Twenty object the event is about, copied to the `object` column for auditors' queries.
    var object: String? { get }
    /// The source record's id, copied to the `source_id` column.
    var sourceId: String? { get }
    /// The Twenty record's id, copied to the `twenty_id` column.
    var twentyId: String? { get }
}

extension EventPayload {
    public var object: String? { nil }
    public var sourceId: String? { nil }
    public var twentyId: String? { nil }
}
