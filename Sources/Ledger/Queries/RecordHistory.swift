import CanonicalJSON
import SQLite

/// One event in the life of one source record, as the `record_history` view lists it.
public struct RecordHistoryEntry: Sendable, Equatable {
    public var seq: Int64
    public var recordedAt: String
    public var runId: String
    /// The mode of the run that recorded it (`sample`, `run`, ...), when that run recorded a `run.started`.
    public var runMode: String?
    public var type: String
    /// The event's own object: the source object before the write, the Twenty object from the write on.
    public var object: String?
    public var twentyId: String?
    public var payload: JSONValue
}

/// A source record by its identity: a source id is unique only within its object.
public struct SourceRecordKey: Sendable, Hashable {
    public var object: String
    public var sourceId: String

    public init(object: String, sourceId: String) {
        self.object = object
        self.sourceId = sourceId
    }
}

extension Ledger {
    /// Every event that touched the source record, oldest first: extraction, transform, intents, writes, rollback,
    /// reconciliations (the `record_history` view, read through its indexes).
    public func recordHistory(_ record: SourceRecordKey) throws -> [RecordHistoryEntry] {
        try db.query(
            sql: """
                SELECT seq, recorded_at, run_id, run_mode, type, object, twenty_id, payload FROM record_history
                WHERE source_object = ? AND source_id = ? ORDER BY seq
                """, [.text(record.object), .text(record.sourceId)]
        ) { row in
            RecordHistoryEntry(
                seq: row.int(0), recordedAt: row.string(1) ?? "", runId: row.string(2) ?? "", runMode: row.string(3),
                type: row.string(4) ?? "", object: row.string(5), twentyId: row.string(6),
                payload: try JSONParser.parse(Array((row.string(7) ?? "{}").utf8)))
        }
    }

    /// The source records with this id, in whichever object holds one. Objects are found by stepping through the
    /// `(object, source_id)` index one object at a time, so no scan of the log is needed.
    public func sourceRecords(sourceId: String) throws -> [SourceRecordKey] {
        var found: [SourceRecordKey] = []
        var object = ""
        while let next = try db.query(
            sql: "SELECT min(object) FROM events WHERE source_id IS NOT NULL AND object > ?", [.text(object)],
            { $0.string(0) }
        ).first ?? nil {
            object = next
            let extracted = try db.scalar(
                """
                SELECT count(*) FROM events WHERE object = ? AND source_id = ?
                    AND type IN ('record.extracted', 'record.transformed', 'record.rejected', 'record.excluded')
                """, [.text(next), .text(sourceId)])
            if case .integer(let count) = extracted, count > 0 {
                found.append(SourceRecordKey(object: next, sourceId: sourceId))
            }
        }
        return found
    }

    /// The source record a Twenty record was written from, found through the outcome events that name both.
    public func sourceRecord(twentyId: String) throws -> SourceRecordKey? {
        try db.query(
            sql: """
                SELECT coalesce(json_extract(payload, '$.sourceObject'), object), source_id FROM events
                WHERE twenty_id = ? AND source_id IS NOT NULL
                    AND type IN ('record.created', 'record.updated', 'record.deleted')
                ORDER BY seq LIMIT 1
                """, [.text(twentyId)]
        ) { SourceRecordKey(object: $0.string(0) ?? "", sourceId: $0.string(1) ?? "") }.first
    }

    /// Events naming this Twenty id, for a record no source record became (a pre-existing record a merge updated).
    public func twentyRecordHistory(twentyId: String) throws -> [RecordHistoryEntry] {
        try db.query(
            sql: """
                SELECT seq, recorded_at, run_id,
                    (SELECT json_extract(s.payload, '$.mode') FROM events s
                     WHERE s.type = 'run.started' AND s.run_id = e.run_id),
                    type, object, twenty_id, payload
                FROM events e WHERE twenty_id = ? ORDER BY seq
                """, [.text(twentyId)]
        ) { row in
            RecordHistoryEntry(
                seq: row.int(0), recordedAt: row.string(1) ?? "", runId: row.string(2) ?? "", runMode: row.string(3),
                type: row.string(4) ?? "", object: row.string(5), twentyId: row.string(6),
                payload: try JSONParser.parse(Array((row.string(7) ?? "{}").utf8)))
        }
    }
}
