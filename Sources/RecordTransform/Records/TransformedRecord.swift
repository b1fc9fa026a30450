import CanonicalJSON
import Ledger

/// A source record turned into the payload Twenty will receive, with what validation needs to know about it.
public struct TransformedRecord: Sendable, Equatable {
    public let object: String
    public let sourceId: String
    public let file: String
    public let line: Int
    public let targetObject: String
    /// The deterministic id (also `payload["id"]`).
    public let twentyId: String
    /// Top-level Twenty fields; composites are nested objects (`{"name":{"firstName":..,"lastName":..}}`).
    public var payload: [String: JSONValue]
    public var references: [Reference]
    public var uniqueKeys: [UniqueKey]

    public var values: JSONValue { .object(payload) }

    /// The records this one is linked to through a parent named per record (a reference with no join column):
    /// written as target records (taskTarget, noteTarget) once this record exists.
    public func linkedRecords(_ identity: RecordIdentity) -> [LinkedRecord] {
        references.filter { $0.joinColumn.isEmpty && !$0.sourceId.isEmpty }.map {
            LinkedRecord(
                object: $0.object, sourceId: $0.sourceId,
                twentyId: identity.id(object: $0.object, sourceId: $0.sourceId))
        }
    }

    public func event(mapSha256: String, identity: RecordIdentity) -> RecordTransformed {
        let targets = linkedRecords(identity)
        return RecordTransformed(
            object: object, sourceId: sourceId, targetObject: targetObject, mapSha256: mapSha256, values: values,
            targets: targets.isEmpty ? nil : targets)
    }
}

/// A join column filled from a source id of another record (or of the same object, for a parent company).
public struct Reference: Sendable, Equatable {
    /// The source column the id was read from.
    public let column: String
    /// The Twenty field written (`companyId`).
    public let joinColumn: String
    /// The source object the id belongs to (`companies`).
    public let object: String
    /// The referenced record's source id (for a reference by name, the id of the record that name resolved to).
    public let sourceId: String
    /// The cell as the export holds it (an id, or a name, email or domain).
    public let value: String
    /// Why the link cannot be written whatever becomes of its parent (a name matching no record, or several).
    public let unresolved: ReferentialIntegrity.Finding.Cause?

    public init(
        column: String, joinColumn: String, object: String, sourceId: String, value: String? = nil,
        unresolved: ReferentialIntegrity.Finding.Cause? = nil
    ) {
        self.column = column
        self.joinColumn = joinColumn
        self.object = object
        self.sourceId = sourceId
        self.value = value ?? sourceId
        self.unresolved = unresolved
    }
}

/// A value Twenty keeps unique, normalised as Twenty compares it.
public struct UniqueKey: Sendable, Hashable {
    /// The source column the value came from.
    public let column: String
    /// What a collision is reported as: `duplicate-email` or `duplicate-domain`.
    public let code: RejectionCode
    public let key: String
}

public enum TransformOutcome: Sendable, Equatable {
    case transformed(TransformedRecord)
    case rejected(RecordRejection)
}
