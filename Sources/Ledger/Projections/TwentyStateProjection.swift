import SQLite

/// "twenty-state": (object, Twenty id) -> source id and the values last written: what the tool believes Twenty
/// holds for every record it created or changed. Compensations by rollback are applied like the writes they undo.
struct TwentyStateProjection: Projection {
    let name = "twenty-state"
    let tables = [(name: "twenty_records", orderBy: "object, twenty_id")]
    let interests: Set<EventType> = [.recordCreated, .recordUpdated, .recordDeleted, .rollbackCompensated]

    func apply(_ folded: FoldedEvent, in db: Database) throws {
        switch folded.event {
        case .recordCreated(let e):
            try put(db, e.object, e.twentyId, e.sourceId, e.values, folded.seq)
        case .recordUpdated(let e):
            try merge(db, e.object, e.twentyId, e.sourceId, e.values, folded.seq)
        case .recordDeleted(let e):
            if e.soft {
                try setSoftDeleted(db, e.object, e.twentyId, true, folded.seq)
            } else {
                try remove(db, e.object, e.twentyId)
            }
        case .rollbackCompensated(let e):
            let c = e.compensation
            switch c.action {
            case .destroy: try remove(db, c.object, c.twentyId)
            case .update: try merge(db, c.object, c.twentyId, nil, c.values ?? .object([:]), folded.seq)
            case .create: try put(db, c.object, c.twentyId, nil, c.values ?? .object([:]), folded.seq)
            case .restore: try setSoftDeleted(db, c.object, c.twentyId, false, folded.seq)
            case .schema: break
            }
        default:
            break
        }
    }

    private func put(
        _ db: Database, _ object: String?, _ twentyId: String?, _ sourceId: String?, _ values: JSONValue, _ seq: Int64
    ) throws {
        try db.run(
            """
            INSERT OR REPLACE INTO twenty_records (object, twenty_id, source_id, "values", soft_deleted, last_seq)
            VALUES (?, ?, ?, ?, 0, ?)
            """,
            [.text(object ?? ""), .text(twentyId ?? ""), .text(sourceId), .text(values.canonicalText), .integer(seq)])
    }

    /// Fields in `values` replace the stored ones; fields not mentioned keep their last written value.
    private func merge(
        _ db: Database, _ object: String?, _ twentyId: String?, _ sourceId: String?, _ values: JSONValue, _ seq: Int64
    ) throws {
        let existing = try db.query(
            "SELECT \"values\", source_id FROM twenty_records WHERE object = ? AND twenty_id = ?",
            [.text(object ?? ""), .text(twentyId ?? "")]
        ) { ($0.string(0) ?? "{}", $0.string(1)) }.first
        guard let existing else {
            return try put(db, object, twentyId, sourceId, values, seq)
        }
        var merged = try JSONValue(parsing: Array(existing.0.utf8)).objectValue ?? [:]
        for (key, value) in values.objectValue ?? [:] { merged[key] = value }
        try db.run(
            """
            UPDATE twenty_records SET "values" = ?, source_id = coalesce(source_id, ?), last_seq = ?
            WHERE object = ? AND twenty_id = ?
            """,
            [
                .text(JSONValue.object(merged).canonicalText), .text(sourceId), .integer(seq), .text(object ?? ""),
                .text(twentyId ?? ""),
            ])
    }

    private func setSoftDeleted(_ db: Database, _ object: String?, _ twentyId: String?, _ flag: Bool, _ seq: Int64)
        throws
    {
        try db.run(
            "UPDATE twenty_records SET soft_deleted = ?, last_seq = ? WHERE object = ? AND twenty_id = ?",
            [.integer(flag ? 1 : 0), .integer(seq), .text(object ?? ""), .text(twentyId ?? "")])
    }

    private func remove(_ db: Database, _ object: String?, _ twentyId: String?) throws {
        try db.run(
            "DELETE FROM twenty_records WHERE object = ? AND twenty_id = ?", [.text(object ?? ""), .text(twentyId ?? "")])
    }
}
