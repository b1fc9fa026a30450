import CanonicalJSON
import SQLite

/// "source-delta": the history of every source record's content hash across snapshots, a row per extracted or
/// missing record (snapshots extract only new or changed records), so
/// that `Ledger.delta(from:to:)` can say what was added, changed or removed between any two snapshots.
struct SourceDeltaProjection: Projection {
    let name = "source-delta"
    let tables = [
        (name: "snapshots", orderBy: "snapshot"), (name: "source_versions", orderBy: "object, source_id, snapshot"),
    ]
    let interests: Set<EventType> = [.snapshotTaken, .snapshotCompleted, .recordExtracted, .recordMissing]

    func apply(_ folded: FoldedEvent, in db: Database) throws {
        let payload = folded.payload
        switch folded.type {
        case .snapshotTaken:
            let files = try folded.require(payload.value("files"), "files")
            try db.run(
                """
                INSERT OR REPLACE INTO snapshots (snapshot, seq, recorded_at, export_path, files) VALUES (?, ?, ?, ?, ?)
                """,
                [
                    .integer(try folded.require(payload.int("snapshot"), "snapshot")), .integer(folded.seq),
                    .text(folded.recordedAt), .text(try folded.require(payload.string("exportPath"), "exportPath")),
                    .integer(Int64(files.arrayCount)),
                ])
        case .snapshotCompleted:
            try db.run(
                "UPDATE snapshots SET completed_seq = ?, extracted = ?, unchanged = ?, missing = ? WHERE snapshot = ?",
                [
                    .integer(folded.seq), .integer(try folded.require(payload.int("extracted"), "extracted")),
                    .integer(try folded.require(payload.int("unchanged"), "unchanged")),
                    .integer(try folded.require(payload.int("missing"), "missing")),
                    .integer(try folded.require(payload.int("snapshot"), "snapshot")),
                ])
        case .recordExtracted:
            // Snapshots only extract new or changed records, so the version is written as it comes: a repeated
            // hash (a duplicate id, an older writer) adds a row that no delta reports, since deltas compare hashes.
            let snapshot = try folded.require(payload.int("snapshot"), "snapshot")
            let contentHash = try folded.require(payload.string("contentHash"), "contentHash")
            try db.cached(
                """
                INSERT OR REPLACE INTO source_versions (object, source_id, snapshot, content_hash, seq)
                VALUES (?, ?, ?, ?, ?)
                """
            ).execute { insert in
                try insert.bind(1, folded.object ?? "")
                try insert.bind(2, folded.sourceId ?? "")
                try insert.bind(3, snapshot)
                try insert.bind(4, contentHash)
                try insert.bind(5, folded.seq)
            }
        case .recordMissing:
            try recordAbsence(
                db, folded.object, folded.sourceId, try folded.require(payload.int("snapshot"), "snapshot"), folded.seq)
        default:
            break
        }
    }

    /// Records a record as absent from `snapshot` on, unless it already is (or never was present).
    private func recordAbsence(_ db: Database, _ object: String?, _ sourceId: String?, _ snapshot: Int64, _ seq: Int64)
        throws
    {
        try db.run(
            """
            INSERT OR REPLACE INTO source_versions (object, source_id, snapshot, content_hash, seq)
            SELECT ?1, ?2, ?3, NULL, ?4
            WHERE (SELECT content_hash FROM source_versions WHERE object = ?1 AND source_id = ?2
                   ORDER BY snapshot DESC LIMIT 1) IS NOT NULL
            """, [.text(object ?? ""), .text(sourceId ?? ""), .integer(snapshot), .integer(seq)])
    }
}

/// What changed in the source between two snapshots.
public struct SourceDelta: Sendable, Equatable {
    public struct Record: Sendable, Hashable {
        public let object: String
        public let sourceId: String
    }

    public var added: [Record] = []
    public var changed: [Record] = []
    public var removed: [Record] = []

    public init(added: [Record] = [], changed: [Record] = [], removed: [Record] = []) {
        self.added = added
        self.changed = changed
        self.removed = removed
    }
}

extension Ledger {
    /// Records added, changed (content hash differs) or removed between snapshot `from` and snapshot `to`.
    public func delta(from: Int, to: Int) throws -> SourceDelta {
        let rows = try db.query(
            """
            WITH touched AS (
                SELECT DISTINCT object, source_id FROM source_versions WHERE snapshot > ?1 AND snapshot <= ?2
            ), compared AS (
                SELECT t.object, t.source_id,
                    (SELECT content_hash FROM source_versions v WHERE v.object = t.object AND v.source_id = t.source_id
                        AND v.snapshot <= ?1 ORDER BY v.snapshot DESC LIMIT 1) AS before,
                    (SELECT content_hash FROM source_versions v WHERE v.object = t.object AND v.source_id = t.source_id
                        AND v.snapshot <= ?2 ORDER BY v.snapshot DESC LIMIT 1) AS after
                FROM touched t
            )
            SELECT object, source_id, before, after FROM compared WHERE before IS NOT after ORDER BY object, source_id
            """, [.integer(Int64(from)), .integer(Int64(to))]
        ) { ($0.string(0) ?? "", $0.string(1) ?? "", $0.string(2), $0.string(3)) }
        var delta = SourceDelta()
        for (object, sourceId, before, after) in rows {
            let record = SourceDelta.Record(object: object, sourceId: sourceId)
            switch (before, after) {
            case (nil, _?): delta.added.append(record)
            case (_?, nil): delta.removed.append(record)
            default: delta.changed.append(record)
            }
        }
        return delta
    }
}

extension Ledger {
    /// The number of the latest snapshot, 0 before the first.
    public func latestSnapshot() throws -> Int {
        if case .integer(let n)? = try db.scalar("SELECT coalesce(max(snapshot), 0) FROM snapshots") { return Int(n) }
        return 0
    }

    /// Whether the latest snapshot accounted for every record (`snapshot.completed`); true before any snapshot.
    public func latestSnapshotIsComplete() throws -> Bool {
        let value = try db.scalar("SELECT completed_seq IS NOT NULL FROM snapshots ORDER BY snapshot DESC LIMIT 1")
        if case .integer(let complete)? = value { return complete != 0 }
        return true
    }

    /// Calls `body` with every record of `object` present in the latest snapshot that saw it, and its content
    /// hash: what a new snapshot compares against. Read in key order, keeping each record's last version.
    public func forEachPresentSourceRecord(object: String, _ body: (_ sourceId: String, _ contentHash: String) -> Void)
        throws
    {
        try forEachLatestVersion(object: object) { sourceId, _, hash in
            if let hash { body(sourceId, hash) }
        }
    }

    /// Each record's latest version of `object`: its id, the event that recorded it, and its content hash (nil
    /// when the record is absent from that snapshot on). Read in key order from the projection.
    private func forEachLatestVersion(object: String, _ body: (String, Int64, String?) throws -> Void) throws {
        var current: (id: String, seq: Int64, hash: String?)?
        try db.prepare(
            "SELECT source_id, seq, content_hash FROM source_versions WHERE object = ? ORDER BY source_id, snapshot"
        ).forEachRow([.text(object)]) { row in
            let sourceId = row.string(0) ?? ""
            if let last = current, last.id != sourceId { try body(last.id, last.seq, last.hash) }
            current = (sourceId, row.int(1), row.string(2))
        }
        if let last = current { try body(last.id, last.seq, last.hash) }
    }
}

/// A source record as the latest snapshot holds it: its values and where they were read.
public struct SourceRecord: Sendable {
    public let sourceId: String
    public let file: String
    public let line: Int
    public let values: [String: String]
}

extension Ledger {
    /// Calls `body` with every record of `object` present in the latest snapshot, with the values of the
    /// `record.extracted` event that last changed it, in the order those events were recorded: file order for a
    /// first snapshot, changed records after the others for later ones.
    public func forEachCurrentRecord(object: String, _ body: (SourceRecord) throws -> Void) throws {
        // Only the sequence numbers are kept (8 bytes a record); ids and values come back with each event.
        var latest: [Int64] = []
        try forEachLatestVersion(object: object) { _, seq, hash in
            if hash != nil { latest.append(seq) }
        }
        latest.sort()
        let read = try db.prepare("SELECT source_id, payload FROM events WHERE seq = ?")
        for seq in latest {
            var found: (id: String, payload: CanonicalPayload)?
            try read.forEachRow([.integer(seq)]) {
                found = ($0.string(0) ?? "", CanonicalPayload(bytes: Array($0.bytes(1))))
            }
            guard let (id, payload) = found, case .object(let members)? = payload.value("values") else {
                throw LedgerError.undecodablePayload(
                    seq: seq, type: EventType.recordExtracted.rawValue, reason: "no values")
            }
            var values: [String: String] = [:]
            values.reserveCapacity(members.count)
            for (key, value) in members { values[key] = value.stringValue ?? "" }
            try body(
                SourceRecord(
                    sourceId: id, file: payload.string("file") ?? "", line: Int(payload.int("line") ?? 0),
                    values: values))
        }
    }

    /// The folder the latest snapshot read, as its `snapshot.taken` event recorded it.
    public func latestSnapshotExportPath() throws -> String? {
        try db.query("SELECT export_path FROM snapshots ORDER BY snapshot DESC LIMIT 1") { $0.string(0) }.first ?? nil
    }
}
