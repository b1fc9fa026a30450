import CanonicalJSON
import SQLite

/// "intents": every write-ahead intent and how far it got (invariant 4). An intent is `pending` from its event
/// until every item has an outcome (`applied`), Twenty refused it (`failed`), or a read-back settled it
/// (`resolved`); what is still pending after a crash is in doubt, and `Ledger.intentsInDoubt()` lists it without
/// scanning the log.
struct IntentsProjection: Projection {
    let name = "intents"
    let tables = [(name: "intents", orderBy: "seq")]
    let interests: Set<EventType> = [
        .writeRequested, .recordCreated, .recordUpdated, .recordDeleted, .writeFailed, .schemaChangeRequested,
        .schemaChangeApplied, .schemaChangeRefused, .intentResolved, .rollbackRequested, .rollbackCompensated,
        .compensationFailed,
    ]

    func apply(_ folded: FoldedEvent, in db: Database) throws {
        let payload = folded.payload
        switch folded.type {
        case .writeRequested:
            let items = try folded.require(payload.value("items"), "items").arrayCount
            try insert(
                db, folded, kind: "write", id: try folded.require(payload.string("batchId"), "batchId"),
                sourceObject: payload.string("sourceObject"), op: try folded.require(payload.string("op"), "op"),
                items: items)
        case .schemaChangeRequested:
            let change = try folded.require(payload.value("change"), "change")
            try insert(
                db, folded, kind: "schema", id: try folded.require(payload.string("changeId"), "changeId"),
                sourceObject: nil, op: change["op"]?.stringValue ?? "", items: 1)
        case .rollbackRequested:
            let items = try folded.require(payload.value("items"), "items").arrayCount
            try insert(
                db, folded, kind: "compensation", id: try folded.require(payload.string("batchId"), "batchId"),
                sourceObject: nil, op: try folded.require(payload.string("action"), "action"), items: items)
        case .recordCreated, .recordUpdated, .recordDeleted, .rollbackCompensated:
            // Outcomes written outside a batch (a compensation a read-back found done) settle nothing.
            guard let batchId = payload.string("batchId") else { return }
            try db.cached(
                """
                UPDATE intents SET settled = settled + 1,
                    state = CASE WHEN state = 'pending' AND settled + 1 >= items THEN 'applied' ELSE state END,
                    outcome_seq = CASE WHEN state = 'pending' AND settled + 1 >= items THEN ?1 ELSE outcome_seq END
                WHERE seq = (SELECT max(seq) FROM intents WHERE kind = ?3 AND intent_id = ?2)
                """
            ).execute { update in
                try update.bind(1, folded.seq)
                try update.bind(2, batchId)
                try update.bind(3, folded.type == .rollbackCompensated ? "compensation" : "write")
            }
        case .compensationFailed:
            guard let batchId = payload.string("batchId") else { return }
            try settle(db, kind: "compensation", id: batchId, "failed", folded)
        case .writeFailed:
            try settle(
                db, kind: "write", id: try folded.require(payload.string("batchId"), "batchId"), "failed", folded)
        case .schemaChangeApplied:
            try settle(
                db, kind: "schema", id: try folded.require(payload.string("changeId"), "changeId"), "applied", folded)
        case .schemaChangeRefused:
            try settle(
                db, kind: "schema", id: try folded.require(payload.string("changeId"), "changeId"), "failed", folded)
        case .intentResolved:
            try db.run(
                "UPDATE intents SET state = 'resolved', outcome_seq = ? WHERE seq = ? AND state = 'pending'",
                [.integer(folded.seq), .integer(try folded.require(payload.int("intentSeq"), "intentSeq"))])
        default:
            break
        }
    }

    private func insert(
        _ db: Database, _ folded: FoldedEvent, kind: String, id: String, sourceObject: String?, op: String, items: Int
    ) throws {
        try db.run(
            """
            INSERT INTO intents (seq, kind, intent_id, run_id, object, source_object, op, items, state)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending')
            """,
            [
                .integer(folded.seq), .text(kind), .text(id), .text(folded.runId), .text(folded.object ?? ""),
                .text(sourceObject), .text(op), .integer(Int64(items)),
            ])
    }

    /// Moves the latest intent with this id out of pending (a schema change has one item; a failed batch is
    /// failed as a whole, whatever items it had settled before).
    private func settle(_ db: Database, kind: String, id: String, _ state: String, _ folded: FoldedEvent) throws {
        try db.run(
            """
            UPDATE intents SET state = ?1, outcome_seq = ?2,
                settled = CASE WHEN ?1 = 'applied' THEN items ELSE settled END
            WHERE seq = (SELECT max(seq) FROM intents WHERE kind = ?3 AND intent_id = ?4) AND state = 'pending'
            """, [.text(state), .integer(folded.seq), .text(kind), .text(id)])
    }
}
