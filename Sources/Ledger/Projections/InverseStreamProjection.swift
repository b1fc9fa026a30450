import SQLite

/// "inverse-stream": for every mutation, the compensation that undoes it, captured when the mutation was
/// recorded (invariant 5). A `rollback.compensated` event marks its mutation as undone; what is left, newest
/// first, is what a rollback still has to do.
struct InverseStreamProjection: Projection {
    let name = "inverse-stream"
    let tables = [(name: "inverse_actions", orderBy: "seq")]
    let interests: Set<EventType> = [
        .recordCreated, .recordUpdated, .recordDeleted, .schemaChangeApplied, .rollbackCompensated,
    ]

    func apply(_ folded: FoldedEvent, in db: Database) throws {
        switch folded.event {
        case .recordCreated(let e):
            try record(db, folded, Compensation(action: .destroy, object: e.object ?? "", twentyId: e.twentyId))
        case .recordUpdated(let e):
            try record(
                db, folded, Compensation(action: .update, object: e.object ?? "", twentyId: e.twentyId, values: e.before))
        case .recordDeleted(let e):
            let compensation =
                e.soft
                ? Compensation(action: .restore, object: e.object ?? "", twentyId: e.twentyId)
                : Compensation(action: .create, object: e.object ?? "", twentyId: e.twentyId, values: e.before)
            try record(db, folded, compensation)
        case .schemaChangeApplied(let e):
            try record(db, folded, Compensation(action: .schema, object: e.change.object, schema: e.inverse))
        case .rollbackCompensated(let e):
            try db.run(
                "UPDATE inverse_actions SET compensated_by = ? WHERE seq = ? AND compensated_by IS NULL",
                [.integer(folded.seq), .integer(e.compensates)])
        default:
            break
        }
    }

    private func record(_ db: Database, _ folded: FoldedEvent, _ compensation: Compensation) throws {
        let text = compensation.jsonValue.canonicalText
        try db.run(
            "INSERT INTO inverse_actions (seq, run_id, object, twenty_id, compensation) VALUES (?, ?, ?, ?, ?)",
            [
                .integer(folded.seq), .text(folded.runId), .text(compensation.object), .text(compensation.twentyId),
                .text(text),
            ])
    }
}
