import CanonicalJSON
import SQLite

/// "conservation": each source record's latest disposition (invariant 6). The view `conservation` counts, per
/// source object, the records of the latest snapshot as written, rejected, excluded or pending, each exactly once,
/// so that nothing can leave the migration without a column saying where it went.
struct ConservationProjection: Projection {
    let name = "conservation"
    let tables = [(name: "source_dispositions", orderBy: "object, source_id")]
    let interests: Set<EventType> = [
        .recordTransformed, .recordRejected, .recordExcluded, .recordCreated, .recordUpdated, .writeFailed,
        .rollbackCompensated, .deltaSettled,
    ]

    func apply(_ folded: FoldedEvent, in db: Database) throws {
        let payload = folded.payload
        switch folded.type {
        case .recordTransformed: try put(db, folded.object, folded.sourceId, "transformed", nil, folded.seq)
        case .recordRejected: try put(db, folded.object, folded.sourceId, "rejected", nil, folded.seq)
        // An excluded record may stand for a record already in the workspace (a collision skipped): kept, so that
        // links to it go there.
        case .recordExcluded: try put(db, folded.object, folded.sourceId, "excluded", folded.twentyId, folded.seq)
        case .recordCreated, .recordUpdated:
            // Records written without a source record (none today) are not the source's to count.
            guard folded.sourceId != nil else { return }
            try put(
                db, payload.string("sourceObject") ?? folded.object, folded.sourceId, "written", folded.twentyId,
                folded.seq)
        case .deltaSettled:
            // A changed record the delta decided is written (Twenty holds it, some fields perhaps Twenty's own edits);
            // one gone from Twenty since is left out, not re-created.
            let gone = payload.bool("goneFromTwenty") == true
            try put(
                db, payload.string("sourceObject") ?? folded.object, folded.sourceId, gone ? "excluded" : "written",
                gone ? nil : folded.twentyId, folded.seq)
        case .writeFailed:
            // A refusal that retrying cannot change takes the record out of pending; a retryable one leaves it there.
            guard payload.bool("retryable") == false else { return }
            let object = payload.string("sourceObject") ?? folded.object
            for sourceId in payload.value("sourceIds")?.arrayValue ?? [] {
                try put(db, object, sourceId.stringValue, "refused", nil, folded.seq)
            }
        case .rollbackCompensated:
            // Destroying a created record puts its source record back to "transformed": a re-run writes it again.
            // The row points at the record's latest transform again, the event pending writes read the payload
            // from (pointing it at the compensation would leave the record pending with nothing to write).
            // Restoring the before-image of a record the tool did not create (a workspace record a collision
            // merged into) likewise ends the source record's write: the record is the workspace's again.
            let compensation = try folded.require(payload.value("compensation"), "compensation")
            guard let twentyId = compensation["twentyId"]?.stringValue else { return }
            switch compensation["action"]?.stringValue {
            case Compensation.Action.destroy.rawValue:
                break
            case Compensation.Action.update.rawValue:
                let created = try db.scalar(
                    "SELECT count(*) FROM events WHERE twenty_id = ? AND type = 'record.created' AND seq < ?",
                    [.text(twentyId), .integer(folded.seq)])
                guard created == .integer(0) else { return }
            default:
                return
            }
            try db.run(
                """
                UPDATE source_dispositions SET disposition = 'transformed', twenty_id = NULL,
                    seq = coalesce((SELECT max(t.seq) FROM events t WHERE t.type = 'record.transformed'
                        AND t.object = source_dispositions.object AND t.source_id = source_dispositions.source_id
                        AND t.seq < ?1), ?1)
                WHERE twenty_id = ?2 AND disposition = 'written'
                """, [.integer(folded.seq), .text(twentyId)])
        default:
            break
        }
    }

    private func put(
        _ db: Database, _ object: String?, _ sourceId: String?, _ disposition: String, _ twentyId: String?,
        _ seq: Int64
    ) throws {
        guard let object, let sourceId else { return }
        try db.cached(
            """
            INSERT OR REPLACE INTO source_dispositions (object, source_id, disposition, twenty_id, seq)
            VALUES (?, ?, ?, ?, ?)
            """
        ).execute { insert in
            try insert.bind(1, object)
            try insert.bind(2, sourceId)
            try insert.bind(3, disposition)
            try insert.bind(4, twentyId)
            try insert.bind(5, seq)
        }
    }
}
