import CanonicalJSON
import SQLite

extension Ledger {
    /// `forEachCurrentRecord(object:_:)` with each record's values limited to `columns` (all when nil): the same
    /// records, in the same order, with the same values for the columns kept.
    ///
    /// Faster on the paths that read every record: values are read straight from the stored bytes into the
    /// dictionary (`CanonicalPayload.stringMembers`), and runs of consecutive events are read with one range query
    /// instead of a lookup each. A first pass that needs only a record's key columns reads only those.
    public func forEachCurrentRecord(object: String, columns: [String]?, _ body: (SourceRecord) throws -> Void) throws {
        var latest: [Int64] = []
        var current: (id: String, seq: Int64, present: Bool)?
        // As `forEachLatestVersion`: each record's last version, in key order, kept when it is present.
        try db.prepare(
            "SELECT source_id, seq, content_hash IS NOT NULL FROM source_versions WHERE object = ? ORDER BY source_id, snapshot"
        ).forEachRow([.text(object)]) { row in
            let sourceId = row.string(0) ?? ""
            if let last = current, last.id != sourceId, last.present { latest.append(last.seq) }
            current = (sourceId, row.int(1), row.int(2) != 0)
        }
        if let last = current, last.present { latest.append(last.seq) }
        latest.sort()

        // Rows are collected a chunk at a time and handed to `body` after the statement is reset, so `body` may
        // append to the ledger as it does with the lookup-per-record reader.
        let read = try db.prepare("SELECT seq, source_id, payload FROM events WHERE seq BETWEEN ? AND ? ORDER BY seq")
        let chunkSize = 2_000
        var rows: [(seq: Int64, sourceId: String, payload: [UInt8])] = []
        rows.reserveCapacity(chunkSize)
        var index = 0
        while index < latest.count {
            // The longest run of consecutive sequence numbers from `index`, at most a chunk.
            var end = index + 1
            while end < latest.count, end - index < chunkSize, latest[end] == latest[end - 1] + 1 { end += 1 }
            rows.removeAll(keepingCapacity: true)
            try read.forEachRow([.integer(latest[index]), .integer(latest[end - 1])]) { row in
                rows.append((row.int(0), row.string(1) ?? "", Array(row.bytes(2))))
            }
            var next = rows.makeIterator()
            for expected in latest[index..<end] {
                guard let row = next.next(), row.seq == expected else {
                    throw LedgerError.undecodablePayload(
                        seq: expected, type: EventType.recordExtracted.rawValue, reason: "no values")
                }
                try body(
                    try Self.sourceRecord(
                        seq: row.seq, sourceId: row.sourceId, payload: CanonicalPayload(bytes: row.payload),
                        columns: columns))
            }
            index = end
        }
    }

    private static func sourceRecord(seq: Int64, sourceId: String, payload: CanonicalPayload, columns: [String]?) throws
        -> SourceRecord
    {
        var values: [String: String]
        if let read = payload.stringMembers("values", only: columns) {
            values = read
        } else {
            // Not an object of strings (or not valid JSON): read as `forEachCurrentRecord(object:_:)` reads it.
            guard case .object(let members)? = payload.value("values") else {
                throw LedgerError.undecodablePayload(
                    seq: seq, type: EventType.recordExtracted.rawValue, reason: "no values")
            }
            values = [:]
            values.reserveCapacity(members.count)
            for (key, value) in members where columns?.contains(key) ?? true { values[key] = value.stringValue ?? "" }
        }
        return SourceRecord(
            sourceId: sourceId, file: payload.string("file") ?? "", line: Int(payload.int("line") ?? 0), values: values)
    }
}
