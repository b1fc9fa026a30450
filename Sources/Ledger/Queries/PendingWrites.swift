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
    /// The records it links to through a parent named per record (see `RecordTransformed.targets`).
    public var targets: [LinkedRecord] = []

    public init(
        sourceObject: String, sourceId: String, targetObject: String, values: JSONValue, transformedSeq: Int64,
        targets: [LinkedRecord] = []
    ) {
        self.sourceObject = sourceObject
        self.sourceId = sourceId
        self.targetObject = targetObject
        self.values = values
        self.transformedSeq = transformedSeq
        self.targets = targets
    }

    public var twentyId: String? { values["id"]?.stringValue }
}

extension Ledger {
    /// The records of `sourceObject` whose latest disposition is "transformed" and that are in the latest snapshot,
    /// in the order they were transformed (the conservation projection's pending records that have a payload).
    public func forEachPendingWrite(sourceObject: String, _ body: (PendingWrite) throws -> Void) throws {
        try forEachTransform(sourceObject: sourceObject, sql: Self.pendingSQL, body)
    }

    /// At most `limit` of the pending writes `forEachPendingWrite` lists, those transformed after `afterSeq`: a run
    /// pages through an object's records instead of holding them all in memory. A record written or refused in
    /// between is no longer pending, so paging on from the last page's `transformedSeq` never meets it again.
    public func pendingWrites(sourceObject: String, afterSeq: Int64, limit: Int) throws -> [PendingWrite] {
        var page: [PendingWrite] = []
        try forEachTransform(
            sourceObject: sourceObject, sql: Self.pagedPendingSQL,
            extra: [.integer(afterSeq), .integer(Int64(limit))]
        ) { page.append($0) }
        return page
    }

    /// How many records `forEachPendingWrite` would list.
    public func pendingWriteCount(sourceObject: String) throws -> Int {
        Int(
            try db.query(sql: "SELECT count(*) FROM (" + Self.pendingSQL + ")", [.text(sourceObject)]) { $0.int(0) }
                .first ?? 0)
    }

    /// The records of `sourceObject` Twenty holds (latest disposition "written"), with the payload they were written
    /// from: what their links (task and note targets) are written from.
    public func forEachWrittenTransform(sourceObject: String, _ body: (PendingWrite) throws -> Void) throws {
        try forEachTransform(sourceObject: sourceObject, sql: Self.writtenSQL, body)
    }

    /// A pending record whose id Twenty already holds (the source changed after it was written, or the map did):
    /// creating it again would meet our own record, so it is an update, which only a delta sends.
    static let heldInTwenty = """
        EXISTS (SELECT 1 FROM twenty_records h WHERE h.object = json_extract(e.payload, '$.targetObject')
            AND h.twenty_id = json_extract(e.payload, '$.values.id'))
        """

    static let pendingSQL = """
        SELECT d.source_id, e.seq, e.payload FROM source_dispositions d
        JOIN events e ON e.seq = d.seq
        JOIN source_records r ON r.object = d.object AND r.source_id = d.source_id AND r.content_hash IS NOT NULL
        WHERE d.object = ? AND d.disposition = 'transformed' AND e.type = 'record.transformed'
            AND NOT \(heldInTwenty)
        ORDER BY d.seq
        """

    static let pagedPendingSQL = """
        SELECT d.source_id, e.seq, e.payload FROM source_dispositions d
        JOIN events e ON e.seq = d.seq
        JOIN source_records r ON r.object = d.object AND r.source_id = d.source_id AND r.content_hash IS NOT NULL
        WHERE d.object = ?1 AND d.disposition = 'transformed' AND e.type = 'record.transformed' AND d.seq > ?2
            AND NOT \(heldInTwenty)
        ORDER BY d.seq LIMIT ?3
        """

    /// The latest `record.transformed` of each written record: the outcome event names the record, the transform
    /// before it holds the payload and links.
    static let writtenSQL = """
        SELECT d.source_id, e.seq, e.payload FROM source_dispositions d
        JOIN events e ON e.seq = (SELECT max(t.seq) FROM events t WHERE t.type = 'record.transformed'
            AND t.object = d.object AND t.source_id = d.source_id AND t.seq < d.seq)
        WHERE d.object = ? AND d.disposition = 'written'
        ORDER BY d.seq
        """

    func forEachTransform(
        sourceObject: String, sql: String, extra: [SQLValue?] = [], _ body: (PendingWrite) throws -> Void
    ) throws {
        try db.prepare(sql).forEachRow([.text(sourceObject)] + extra) { row in
            let payload = try JSONParser.parse(Array((row.string(2) ?? "{}").utf8))
            let targets = (payload["targets"]?.arrayValue ?? []).compactMap { item -> LinkedRecord? in
                guard let object = item["object"]?.stringValue, let sourceId = item["sourceId"]?.stringValue,
                    let twentyId = item["twentyId"]?.stringValue
                else { return nil }
                return LinkedRecord(object: object, sourceId: sourceId, twentyId: twentyId)
            }
            try body(
                PendingWrite(
                    sourceObject: sourceObject, sourceId: row.string(0) ?? "",
                    targetObject: payload["targetObject"]?.stringValue ?? "", values: payload["values"] ?? .null,
                    transformedSeq: row.int(1), targets: targets))
        }
    }

    /// The Twenty ids of `object` the tool believes Twenty holds (the twenty-state projection).
    public func twentyIds(object: String) throws -> Set<String> {
        Set(
            try db.query("SELECT twenty_id FROM twenty_records WHERE object = ?", [.text(object)]) {
                $0.string(0) ?? ""
            })
    }

    /// The `write.requested` intent recorded at `seq`, for resolving it.
    public func writeIntent(seq: Int64) throws -> WriteRequested? {
        guard let stored = try event(seq: seq), case .writeRequested(let intent) = try stored.decoded() else {
            return nil
        }
        return intent
    }
}

extension Ledger {
    /// A source record as last extracted: its file, line and raw values (for columns the map does not write but a
    /// step still needs, such as an attachment's size and hash).
    public func extractedRecord(object: String, sourceId: String) throws -> (
        file: String, line: Int, values: [String: String]
    )? {
        try db.query(
            """
            SELECT payload FROM events
            WHERE object = ? AND source_id = ? AND type = 'record.extracted' ORDER BY seq DESC LIMIT 1
            """, [.text(object), .text(sourceId)]
        ) { row -> (String, Int, [String: String]) in
            let payload = try JSONParser.parse(Array((row.string(0) ?? "{}").utf8))
            var values: [String: String] = [:]
            for (key, value) in payload["values"]?.objectValue ?? [:] { values[key] = value.stringValue }
            return (payload["file"]?.stringValue ?? "", Int(payload["line"]?.numberValue ?? 0), values)
        }.first
    }
}

extension Ledger {
    /// The values the tool last wrote to each record of `object` (the twenty-state projection), by Twenty id.
    public func twentyValues(object: String) throws -> [String: JSONValue] {
        var result: [String: JSONValue] = [:]
        try db.prepare("SELECT twenty_id, \"values\" FROM twenty_records WHERE object = ?").forEachRow([.text(object)])
        {
            row in
            result[row.string(0) ?? ""] = try JSONParser.parse(Array((row.string(1) ?? "{}").utf8))
        }
        return result
    }
}
