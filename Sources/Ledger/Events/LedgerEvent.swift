import CanonicalJSON
import Foundation

/// An event of any type, as appended and as folded by projections.
public enum LedgerEvent: Sendable, Equatable {
    case projectCreated(ProjectCreated)
    case snapshotTaken(SnapshotTaken)
    case recordExtracted(RecordExtracted)
    case recordMissing(RecordMissing)
    case sourceFinding(SourceFinding)
    case snapshotCompleted(SnapshotCompleted)
    case exportUnderstood(ExportUnderstood)
    case linkUnresolved(LinkUnresolved)
    case mapProposed(MapProposed)
    case mapConfirmed(MapConfirmed)
    case recordTransformed(RecordTransformed)
    case recordRejected(RecordRejected)
    case recordExcluded(RecordExcluded)
    case schemaChangeRequested(SchemaChangeRequested)
    case schemaChangeApplied(SchemaChangeApplied)
    case schemaChangeRefused(SchemaChangeRefused)
    case writeRequested(WriteRequested)
    case recordCreated(RecordCreated)
    case recordUpdated(RecordUpdated)
    case recordDeleted(RecordDeleted)
    case writeFailed(WriteFailed)
    case intentResolved(IntentResolved)
    case workspaceBound(WorkspaceBound)
    case runStarted(RunStarted)
    case runCompleted(RunCompleted)
    case runFailed(RunFailed)
    case rollbackStarted(RollbackStarted)
    case rollbackRequested(RollbackRequested)
    case rollbackKept(RollbackKept)
    case rollbackCompensated(RollbackCompensated)
    case rollbackCompleted(RollbackCompleted)
    case compensationFailed(CompensationFailed)
    case reconciliationComputed(ReconciliationComputed)
    case workflowReferenceWritten(WorkflowReferenceWritten)
    case sampleApproved(SampleApproved)
    case fileUploadRequested(FileUploadRequested)
    case fileUploaded(FileUploaded)
    case fileUploadFailed(FileUploadFailed)
    case deltaSettled(DeltaSettled)

    public var payload: any EventPayload {
        switch self {
        case .projectCreated(let p): p
        case .snapshotTaken(let p): p
        case .recordExtracted(let p): p
        case .recordMissing(let p): p
        case .sourceFinding(let p): p
        case .snapshotCompleted(let p): p
        case .exportUnderstood(let p): p
        case .linkUnresolved(let p): p
        case .mapProposed(let p): p
        case .mapConfirmed(let p): p
        case .recordTransformed(let p): p
        case .recordRejected(let p): p
        case .recordExcluded(let p): p
        case .schemaChangeRequested(let p): p
        case .schemaChangeApplied(let p): p
        case .schemaChangeRefused(let p): p
        case .writeRequested(let p): p
        case .recordCreated(let p): p
        case .recordUpdated(let p): p
        case .recordDeleted(let p): p
        case .writeFailed(let p): p
        case .intentResolved(let p): p
        case .workspaceBound(let p): p
        case .runStarted(let p): p
        case .runCompleted(let p): p
        case .runFailed(let p): p
        case .rollbackStarted(let p): p
        case .rollbackRequested(let p): p
        case .rollbackKept(let p): p
        case .rollbackCompensated(let p): p
        case .rollbackCompleted(let p): p
        case .compensationFailed(let p): p
        case .reconciliationComputed(let p): p
        case .workflowReferenceWritten(let p): p
        case .sampleApproved(let p): p
        case .fileUploadRequested(let p): p
        case .fileUploaded(let p): p
        case .fileUploadFailed(let p): p
        case .deltaSettled(let p): p
        }
    }

    public var type: EventType { Swift.type(of: payload).type }

    /// Decodes a stored payload (JSON text) of the given type.
    public static func decode(type: EventType, payload: some Collection<UInt8>) throws -> LedgerEvent {
        try decode(type: type, payload: try JSONParser.parse(payload))
    }

    /// Decodes a payload already parsed.
    public static func decode(type: EventType, payload: JSONValue) throws -> LedgerEvent {
        let decoder = JSONValueDecoder()
        func d<T: EventPayload>(_: T.Type) throws -> T { try decoder.decode(T.self, from: payload) }
        switch type {
        case .projectCreated: return .projectCreated(try d(ProjectCreated.self))
        case .snapshotTaken: return .snapshotTaken(try d(SnapshotTaken.self))
        case .recordExtracted: return .recordExtracted(try d(RecordExtracted.self))
        case .recordMissing: return .recordMissing(try d(RecordMissing.self))
        case .sourceFinding: return .sourceFinding(try d(SourceFinding.self))
        case .snapshotCompleted: return .snapshotCompleted(try d(SnapshotCompleted.self))
        case .exportUnderstood: return .exportUnderstood(try d(ExportUnderstood.self))
        case .linkUnresolved: return .linkUnresolved(try d(LinkUnresolved.self))
        case .mapProposed: return .mapProposed(try d(MapProposed.self))
        case .mapConfirmed: return .mapConfirmed(try d(MapConfirmed.self))
        case .recordTransformed: return .recordTransformed(try d(RecordTransformed.self))
        case .recordRejected: return .recordRejected(try d(RecordRejected.self))
        case .recordExcluded: return .recordExcluded(try d(RecordExcluded.self))
        case .schemaChangeRequested: return .schemaChangeRequested(try d(SchemaChangeRequested.self))
        case .schemaChangeApplied: return .schemaChangeApplied(try d(SchemaChangeApplied.self))
        case .schemaChangeRefused: return .schemaChangeRefused(try d(SchemaChangeRefused.self))
        case .writeRequested: return .writeRequested(try d(WriteRequested.self))
        case .recordCreated: return .recordCreated(try d(RecordCreated.self))
        case .recordUpdated: return .recordUpdated(try d(RecordUpdated.self))
        case .recordDeleted: return .recordDeleted(try d(RecordDeleted.self))
        case .writeFailed: return .writeFailed(try d(WriteFailed.self))
        case .intentResolved: return .intentResolved(try d(IntentResolved.self))
        case .workspaceBound: return .workspaceBound(try d(WorkspaceBound.self))
        case .runStarted: return .runStarted(try d(RunStarted.self))
        case .runCompleted: return .runCompleted(try d(RunCompleted.self))
        case .runFailed: return .runFailed(try d(RunFailed.self))
        case .rollbackStarted: return .rollbackStarted(try d(RollbackStarted.self))
        case .rollbackRequested: return .rollbackRequested(try d(RollbackRequested.self))
        case .rollbackKept: return .rollbackKept(try d(RollbackKept.self))
        case .rollbackCompensated: return .rollbackCompensated(try d(RollbackCompensated.self))
        case .rollbackCompleted: return .rollbackCompleted(try d(RollbackCompleted.self))
        case .compensationFailed: return .compensationFailed(try d(CompensationFailed.self))
        case .reconciliationComputed: return .reconciliationComputed(try d(ReconciliationComputed.self))
        case .workflowReferenceWritten: return .workflowReferenceWritten(try d(WorkflowReferenceWritten.self))
        case .sampleApproved: return .sampleApproved(try d(SampleApproved.self))
        case .fileUploadRequested: return .fileUploadRequested(try d(FileUploadRequested.self))
        case .fileUploaded: return .fileUploaded(try d(FileUploaded.self))
        case .fileUploadFailed: return .fileUploadFailed(try d(FileUploadFailed.self))
        case .deltaSettled: return .deltaSettled(try d(DeltaSettled.self))
        }
    }
}

/// An event as stored: its envelope columns and its typed payload.
public struct RecordedEvent: Sendable, Equatable {
    public var seq: Int64
    public var recordedAt: String
    public var runId: String
    public var event: LedgerEvent
    public var prevHash: String
    public var hash: String

    public var type: EventType { event.type }
    public var object: String? { event.payload.object }
    public var sourceId: String? { event.payload.sourceId }
    public var twentyId: String? { event.payload.twentyId }
}
