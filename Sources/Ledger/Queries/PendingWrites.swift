import CanonicalJSON
import SQLite

/// A source record transformed and not yet written: what a migration run still has to send.
public struct PendingWrite: Sendable, Equatable {
    public var sourceObject: String
    public var sourceId: String
    public var targetObject: String
    /// The Twenty record as transformed, its deterministic `id` included.
    public var values: JSONValue
    /// The `record.transformed` event it comes from.
    public var transformedSeq: Int64

    public var twentyId: String? { values["id"]?.stringValue }
}

extension Ledger {
    /// The records of `sourceObject` whose latest disposition is "transformed" and that are in the latest snapshot,
    /// in the order they were transformed (the conservation projection's pending records that have a payload).
    public func forEachPendingWrite(sourceObject: String, _ body: (PendingWrite) throws -> Void) throws {
        try db.prepare(
            """
            SELECT d.source_id, e.seq, e.payload FROM source_dispositions d
            JOIN events e ON e.seq = d.seq
            JOIN source_records r ON r.object = d.object AND r.source_id = d.source_id AND r.content_hash IS NOT NULL
            WHERE d.object = ? AND d.disposition = 'transformed' AND e.type = 'record.transformed'
            ORDER BY d.seq
            """
        ).forEachRow([.text(sourceObject)]) { row in
            let payload = try JSONParser.parse(Array((row.string(2) ?? "{}").utf8))
            try body(
                PendingWrite(
                    sourceObject: sourceObject, sourceId: row.string(0) ?? "",
                    targetObject: payload["targetObject"]?.stringValue ?? "", values: payload["values"] ?? .null,
                    transformedSeq: row.int(1)))
        }
    }

    /// The `write.requested` intent recorded at `seq`, for resolving it.
    public func writeIntent(seq: Int64) throws -> WriteRequested? {
        guard let stored = try event(seq: seq), case .writeRequested(let intent) = try stored.decoded() else {
            return nil
        }
        return intent
    }
}
