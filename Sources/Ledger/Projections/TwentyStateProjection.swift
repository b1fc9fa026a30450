import CanonicalJSON
import SQLite

/// "twenty-state": (object, Twenty id) -> source id and the values last written: what the tool believes Twenty
/// holds for every record it created or changed. Compensations by rollback are applied like the writes they undo.
struct TwentyStateProjection: Projection {
    let name = "twenty-state"
    let tables = [(name: "twenty_records", orderBy: "object, twenty_id")]
    let interests: Set<EventType> = [.recordCreated, .recordUpdated, .recordDeleted, .rollbackCompensated]

    func apply(_ folded: FoldedEvent, in db: Database) throws {
        let object = folded.object ?? ""
        let twentyId = folded.twentyId ?? ""
        switch folded.type {
        case .recordCreated:
            // The payload is canonical, so the bytes of its `values` member are the canonical text to store.
            let values = try folded.require(folded.payload.raw("values"), "values")
            try put(db, object, twentyId, folded.sourceId, values, folded.seq)
        case .recordUpdated:
            let values = try folded.require(folded.payload.value("values"), "values")
            try merge(db, object, twentyId, folded.sourceId, values, folded.seq)
        case .recordDeleted:
            if try folded.require(folded.payload.bool("soft"), "soft") {
                try setSoftDeleted(db, object, twentyId, true, folded.seq)
            } else {
                try remove(db, object, twentyId)
            }
        case .rollbackCompensated:
            let compensation = try folded.require(folded.payload.value("compensation"), "compensation")
            let values = compensation["values"] ?? .object([:])
            switch compensation["action"]?.stringValue {
            case Compensation.Action.destroy.rawValue: try remove(db, object, twentyId)
            case Compensation.Action.update.rawValue: try merge(db, object, twentyId, nil, values, folded.seq)
            case Compensation.Action.create.rawValue:
                try put(db, object, twentyId, nil, ArraySlice(values.canonicalText.utf8), folded.seq)
            case Compensation.Action.restore.rawValue: try setSoftDeleted(db, object, twentyId, false, folded.seq)
            default: break
            }
        default:
            break
        }
    }

    private func put(
        _ db: Database, _ object: String, _ twentyId: String, _ sourceId: String?, _ values: ArraySlice<UInt8>,
        _ seq: Int64
    ) throws {
        try db.cached(
            """
            INSERT OR REPLACE INTO twenty_records (object, twenty_id, source_id, "values", soft_deleted, last_seq)
            VALUES (?, ?, ?, ?, 0, ?)
            """
        ).execute { insert in
            try insert.bind(1, object)
            try insert.bind(2, twentyId)
            try insert.bind(3, sourceId)
            try insert.bindText(4, values)
            try insert.bind(5, seq)
        }
    }

    /// Fields in `values` replace the stored ones; fields not mentioned keep their last written value.
    private func merge(
        _ db: Database, _ object: String, _ twentyId: String, _ sourceId: String?, _ values: JSONValue, _ seq: Int64
    ) throws {
        let existing = try db.query(
            "SELECT \"values\" FROM twenty_records WHERE object = ? AND twenty_id = ?",
            [.text(object), .text(twentyId)]
        ) { $0.string(0) ?? "{}" }.first
        guard let existing else {
            return try put(db, object, twentyId, sourceId, ArraySlice(values.canonicalText.utf8), seq)
        }
        var merged = try JSONValue(parsing: Array(existing.utf8)).objectValue ?? [:]
        for (key, value) in values.objectValue ?? [:] { merged[key] = value }
        try db.run(
            """
            UPDATE twenty_records SET "values" = ?, source_id = coalesce(source_id, ?), last_seq = ?
            WHERE object = ? AND twenty_id = ?
            """,
            [
                .text(JSONValue.object(merged).canonicalText), .text(sourceId), .integer(seq), .text(object),
                .text(twentyId),
            ])
    }

    private func setSoftDeleted(_ db: Database, _ object: String, _ twentyId: String, _ flag: Bool, _ seq: Int64) throws
    {
        try db.run(
            "UPDATE twenty_records SET soft_deleted = ?, last_seq = ? WHERE object = ? AND twenty_id = ?",
            [.integer(flag ? 1 : 0), .integer(seq), .text(object), .text(twentyId)])
    }

    private func remove(_ db: Database, _ object: String, _ twentyId: String) throws {
        try db.run("DELETE FROM twenty_records WHERE object = ? AND twenty_id = ?", [.text(object), .text(twentyId)])
    }
}
