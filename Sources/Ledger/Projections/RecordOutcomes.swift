import CanonicalJSON
import SQLite

/// The outcome events already recorded for an object's source records, read straight from the events table for
/// commands that must not repeat themselves (`transform` skips records settled under the same map).
public struct RecordOutcomeMark: Sendable, Equatable {
    public let sourceId: String
    public let seq: Int64
    public let type: EventType
    public let runId: String
    /// For `record.transformed`: the map it was transformed under.
    public let mapSha256: String?
    /// For `record.excluded`: the rule that excluded it.
    public let rule: String?
}

extension Ledger {
    /// Every `record.transformed`, `record.rejected` and `record.excluded` event of `object`, in sequence order.
    public func forEachRecordOutcome(object: String, _ body: (RecordOutcomeMark) throws -> Void) throws {
        try db.prepare(
            """
            SELECT source_id, seq, type, run_id,
                CASE WHEN type = 'record.transformed' THEN json_extract(payload, '$.mapSha256') END,
                CASE WHEN type = 'record.excluded' THEN json_extract(payload, '$.rule') END
            FROM events WHERE object = ? AND type IN ('record.transformed', 'record.rejected', 'record.excluded')
            ORDER BY seq
            """
        ).forEachRow([.text(object)]) { row in
            guard let type = EventType(rawValue: row.string(2) ?? "") else { return }
            try body(
                RecordOutcomeMark(
                    sourceId: row.string(0) ?? "", seq: row.int(1), type: type, runId: row.string(3) ?? "",
                    mapSha256: row.string(4), rule: row.string(5)))
        }
    }

    /// The sequence number of the `record.extracted` event holding each current record's values, by source id.
    public func currentExtractionSeqs(object: String) throws -> [String: Int64] {
        var result: [String: Int64] = [:]
        try db.prepare(
            """
            SELECT v.source_id, v.seq, v.content_hash FROM source_versions v
            WHERE v.object = ?1 AND v.snapshot = (SELECT max(snapshot) FROM source_versions w
                WHERE w.object = v.object AND w.source_id = v.source_id)
            """
        ).forEachRow([.text(object)]) { row in
            if row.string(2) != nil, let id = row.string(0) { result[id] = row.int(1) }
        }
        return result
    }

    /// The run ids of `run.started` events of `command` with `mode`.
    public func runIds(command: String, mode: String) throws -> Set<String> {
        var result = Set<String>()
        try db.prepare(
            """
            SELECT run_id FROM events WHERE type = 'run.started'
                AND json_extract(payload, '$.command') = ? AND json_extract(payload, '$.mode') = ?
            """
        ).forEachRow([.text(command), .text(mode)]) { row in
            if let id = row.string(0) { result.insert(id) }
        }
        return result
    }
}
