import SQLite

/// A rebuild from the first event folds `record.extracted` events in one statement rather than one by one.
///
/// Why this gives the same rows as the fold in event order: source-delta is the only projection that reads
/// `record.extracted`, and such an event writes the version row of its record and snapshot, replacing an earlier
/// event's row for the same record and snapshot (the later event wins). What happened to other records never
/// matters, and so neither does the order between records. Only `record.missing` reads what is already folded (it
/// records an absence unless the record is already absent), so the records some `record.missing` event names are
/// left to the fold in event order, every one of their events; for the others, the row of each record and
/// snapshot is the one from its last event, which is what one statement can write.
enum SetBasedExtractionFold {
    /// Records named by a `record.missing` event: folded in event order. A TEMP table, so that a `--check`
    /// rebuild, which must not write to the ledger, can make it too.
    static let orderedRecords = "rebuild_records_with_absences"

    /// Writes the version rows of every record no `record.missing` event names, and fills `orderedRecords`.
    /// Fails, naming the event, on a `record.extracted` payload the fold in event order would refuse.
    static func fold(in db: Database) throws {
        try db.execute(
            """
            DROP TABLE IF EXISTS temp.\(orderedRecords);
            CREATE TEMP TABLE \(orderedRecords) (object TEXT NOT NULL, source_id TEXT NOT NULL,
                PRIMARY KEY (object, source_id)) WITHOUT ROWID;
            INSERT OR IGNORE INTO temp.\(orderedRecords)
                SELECT coalesce(object, ''), coalesce(source_id, '') FROM main.events WHERE type = 'record.missing';
            """)
        let unreadable = try db.query(
            """
            SELECT seq, json_type(payload, '$.snapshot') = 'integer' FROM main.events
            WHERE type = 'record.extracted'
                AND (json_type(payload, '$.snapshot') IS NOT 'integer' OR json_type(payload, '$.contentHash') IS NOT 'text')
            ORDER BY seq LIMIT 1
            """
        ) { ($0.int(0), $0.int(1) != 0) }.first
        if let (seq, hasSnapshot) = unreadable {
            throw LedgerError.undecodablePayload(
                seq: seq, type: EventType.recordExtracted.rawValue,
                reason: "no usable \"\(hasSnapshot ? "contentHash" : "snapshot")\"")
        }
        // `max(seq)` makes the other columns come from each group's last event (SQLite's rule for a lone max).
        try db.execute(
            """
            INSERT OR REPLACE INTO source_versions (object, source_id, snapshot, content_hash, seq)
            SELECT object, source_id, snapshot, content_hash, max(seq) FROM (
                SELECT coalesce(object, '') AS object, coalesce(source_id, '') AS source_id,
                    json_extract(payload, '$.snapshot') AS snapshot, json_extract(payload, '$.contentHash') AS content_hash,
                    seq
                FROM main.events WHERE type = 'record.extracted') AS e
            WHERE NOT EXISTS (
                SELECT 1 FROM temp.\(orderedRecords) o WHERE o.object = e.object AND o.source_id = e.source_id)
            GROUP BY object, source_id, snapshot
            """)
    }

    static func dropOrderedRecords(in db: Database) throws {
        try db.execute("DROP TABLE IF EXISTS temp.\(orderedRecords)")
    }
}
