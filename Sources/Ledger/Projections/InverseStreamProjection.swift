import CanonicalJSON
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
        switch folded.type {
        case .recordCreated:
            try record(db, folded, .destroy)
        case .recordUpdated:
            try record(db, folded, .update, values: try folded.require(folded.payload.raw("before"), "before"))
        case .recordDeleted:
            if try folded.require(folded.payload.bool("soft"), "soft") {
                try record(db, folded, .restore)
            } else {
                try record(db, folded, .create, values: try folded.require(folded.payload.raw("before"), "before"))
            }
        case .schemaChangeApplied:
            try record(db, folded, .schema, schema: try folded.require(folded.payload.raw("inverse"), "inverse"))
        case .rollbackCompensated:
            try db.run(
                "UPDATE inverse_actions SET compensated_by = ? WHERE seq = ? AND compensated_by IS NULL",
                [.integer(folded.seq), .integer(try folded.require(folded.payload.int("compensates"), "compensates"))])
        default:
            break
        }
    }

    /// Stores the compensation as the canonical JSON of a `Compensation`, built from the payload's own canonical
    /// bytes: keys in byte order (action, object, schema, twentyId, values), absent ones omitted.
    private func record(
        _ db: Database, _ folded: FoldedEvent, _ action: Compensation.Action, values: ArraySlice<UInt8>? = nil,
        schema: ArraySlice<UInt8>? = nil
    ) throws {
        let object = folded.object ?? ""
        var out: [UInt8] = []
        out.reserveCapacity(128 + (values?.count ?? 0) + (schema?.count ?? 0))
        out.append(contentsOf: "{\"action\":".utf8)
        CanonicalJSON.writeString(action.rawValue, into: &out)
        out.append(contentsOf: ",\"object\":".utf8)
        CanonicalJSON.writeString(object, into: &out)
        if let schema {
            out.append(contentsOf: ",\"schema\":".utf8)
            out.append(contentsOf: schema)
        }
        if let twentyId = folded.twentyId {
            out.append(contentsOf: ",\"twentyId\":".utf8)
            CanonicalJSON.writeString(twentyId, into: &out)
        }
        if let values {
            out.append(contentsOf: ",\"values\":".utf8)
            out.append(contentsOf: values)
        }
        out.append(UInt8(ascii: "}"))
        try db.cached(
            "INSERT INTO inverse_actions (seq, run_id, object, twenty_id, compensation) VALUES (?, ?, ?, ?, ?)"
        ).execute { insert in
            try insert.bind(1, folded.seq)
            try insert.bind(2, folded.runId)
            try insert.bind(3, object)
            try insert.bind(4, folded.twentyId)
            try insert.bindText(5, out[...])
        }
    }
}
