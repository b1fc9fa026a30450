import SQLite

/// One write-ahead intent as the "intents" projection holds it.
public struct IntentState: Sendable, Equatable {
    public enum Kind: String, Sendable { case write, schema, compensation }
    public enum State: String, Sendable { case pending, applied, failed, resolved }

    /// The intent's event.
    public var seq: Int64
    public var kind: Kind
    /// The `batchId` of a write or a compensation batch, the `changeId` of a schema change.
    public var intentId: String
    public var runId: String
    public var object: String
    public var sourceObject: String?
    public var op: String
    public var items: Int
    /// Items with an outcome event.
    public var settled: Int
    public var state: State
    public var outcomeSeq: Int64?
}

extension Ledger {
    /// The intents in `state` (all when nil), oldest first.
    public func intents(state: IntentState.State? = nil) throws -> [IntentState] {
        let sql = """
            SELECT seq, kind, intent_id, run_id, object, source_object, op, items, settled, state, outcome_seq
            FROM intents \(state == nil ? "" : "WHERE state = ?") ORDER BY seq
            """
        return try db.query(sql: sql, state.map { [SQLValue.text($0.rawValue)] } ?? []) { row in
            IntentState(
                seq: row.int(0), kind: IntentState.Kind(rawValue: row.string(1) ?? "") ?? .write,
                intentId: row.string(2) ?? "", runId: row.string(3) ?? "", object: row.string(4) ?? "",
                sourceObject: row.string(5), op: row.string(6) ?? "", items: Int(row.int(7)),
                settled: Int(row.int(8)), state: IntentState.State(rawValue: row.string(9) ?? "") ?? .pending,
                outcomeSeq: row.isNull(10) ? nil : row.int(10))
        }
    }

    /// The intents a crash may have left half-done (called, perhaps applied, no outcome recorded): each must be
    /// resolved by reading Twenty back before anything is retried.
    public func intentsInDoubt() throws -> [IntentState] { try intents(state: .pending) }
}
