import CanonicalJSON
import SQLite

/// One mutation not yet undone, as the inverse stream holds it.
public struct InverseAction: Sendable, Equatable {
    /// The mutation's event.
    public var seq: Int64
    public var runId: String
    public var compensation: Compensation
}

extension Ledger {
    /// The compensations not yet carried out, newest first, limited to the mutations of run `runId` and of Twenty
    /// object `object` when given (the `inverse_stream` view).
    public func inverseStream(runId: String? = nil, object: String? = nil) throws -> [InverseAction] {
        var conditions = ["compensated_by IS NULL"]
        var arguments: [SQLValue] = []
        if let runId {
            conditions.append("run_id = ?")
            arguments.append(.text(runId))
        }
        if let object {
            conditions.append("object = ?")
            arguments.append(.text(object))
        }
        let decoder = JSONValueDecoder()
        return try db.query(
            sql: """
                SELECT seq, run_id, compensation FROM inverse_actions
                WHERE \(conditions.joined(separator: " AND ")) ORDER BY seq DESC
                """, arguments
        ) { row in
            InverseAction(
                seq: row.int(0), runId: row.string(1) ?? "",
                compensation: try decoder.decode(
                    Compensation.self, from: try JSONParser.parse(Array((row.string(2) ?? "{}").utf8))))
        }
    }

    /// The `rollback.requested` intent recorded at `seq`, for resolving it.
    public func compensationIntent(seq: Int64) throws -> RollbackRequested? {
        guard let stored = try event(seq: seq), case .rollbackRequested(let intent) = try stored.decoded() else {
            return nil
        }
        return intent
    }
}
