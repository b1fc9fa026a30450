import CanonicalJSON
import SQLite

/// A pending record Twenty already holds: the source changed after it was written (or the map did), so a delta
/// updates it with the fields that differ from what the tool wrote.
public struct PendingUpdate: Sendable {
    public var record: PendingWrite
    /// The values the tool last wrote to the record (twenty-state).
    public var written: JSONValue
    /// Whether the source record was extracted again after the tool last wrote it; false when only the map changed.
    public var sourceChanged: Bool
}

/// A record the tool created that the latest snapshot no longer holds.
public struct GoneRecord: Sendable, Equatable {
    public var sourceId: String
    public var twentyId: String

    public init(sourceId: String, twentyId: String) {
        self.sourceId = sourceId
        self.twentyId = twentyId
    }
}

extension Ledger {
    /// The pending records of `sourceObject` whose id Twenty already holds, with what was written to each.
    public func forEachPendingUpdate(sourceObject: String, _ body: (PendingUpdate) throws -> Void) throws {
        let sql = """
            SELECT d.source_id, e.seq, e.payload, h."values", r.seq > h.last_seq FROM source_dispositions d
            JOIN events e ON e.seq = d.seq
            JOIN source_records r ON r.object = d.object AND r.source_id = d.source_id AND r.content_hash IS NOT NULL
            JOIN twenty_records h ON h.object = json_extract(e.payload, '$.targetObject')
                AND h.twenty_id = json_extract(e.payload, '$.values.id')
            WHERE d.object = ? AND d.disposition = 'transformed' AND e.type = 'record.transformed'
            ORDER BY d.seq
            """
        var written: [String: (JSONValue, Bool)] = [:]
        try db.prepare(sql).forEachRow([.text(sourceObject)]) { row in
            let values = try JSONParser.parse(Array((row.string(3) ?? "{}").utf8))
            written[row.string(0) ?? ""] = (values, row.int(4) != 0)
        }
        guard !written.isEmpty else { return }
        try forEachTransform(sourceObject: sourceObject, sql: sql) { record in
            guard let (values, changed) = written[record.sourceId] else { return }
            try body(PendingUpdate(record: record, written: values, sourceChanged: changed))
        }
    }

    /// The records of `sourceObject` the tool created as `object` (never one a collision merged into: that record
    /// was the workspace's before) and still believes Twenty holds, whose source record the latest snapshot misses.
    public func goneFromSource(sourceObject: String, object: String) throws -> [GoneRecord] {
        try db.query(
            """
            SELECT h.source_id, h.twenty_id FROM twenty_records h
            JOIN source_records r ON r.object = ?1 AND r.source_id = h.source_id AND r.content_hash IS NULL
            WHERE h.object = ?2 AND h.soft_deleted = 0
                AND EXISTS (SELECT 1 FROM events c WHERE c.twenty_id = h.twenty_id AND c.type = 'record.created')
            ORDER BY h.source_id
            """, [.text(sourceObject), .text(object)]
        ) { GoneRecord(sourceId: $0.string(0) ?? "", twentyId: $0.string(1) ?? "") }
    }

    /// The latest snapshot a migration had finished with when its last `run` or `delta` completed (0 when none
    /// has): what `ledger delta` compares the latest snapshot with by default.
    public func lastMigratedSnapshot() throws -> Int {
        let value = try db.scalar(
            """
            SELECT coalesce(max(s.snapshot), 0) FROM snapshots s
            WHERE s.completed_seq < (SELECT coalesce(max(seq), 0) FROM events WHERE type = 'run.completed'
                AND json_extract(payload, '$.command') IN ('run', 'delta'))
            """)
        if case .integer(let n)? = value { return Int(n) }
        return 0
    }
}
