import SQLite

extension Ledger {
    /// Source records that stand for a record already in the workspace, found colliding on a unique value and
    /// merged into it or skipped: the id the record would have been created with -> the existing record's id.
    /// Children carry the first (ids are decided at transform time), so their links are sent with the second.
    ///
    /// Read from the conservation projection: only records whose latest outcome is an update or an exclusion are
    /// looked at, so a run of records created under their own ids costs nothing here.
    public func collisionStandIns() throws -> [String: String] {
        var result: [String: String] = [:]
        try db.prepare(
            """
            SELECT d.twenty_id, json_extract(t.payload, '$.values.id') FROM source_dispositions d
            JOIN events o ON o.seq = d.seq AND o.type IN ('record.updated', 'record.excluded')
            JOIN events t ON t.seq = (SELECT max(x.seq) FROM events x WHERE x.type = 'record.transformed'
                AND x.object = d.object AND x.source_id = d.source_id AND x.seq < d.seq)
            WHERE d.twenty_id IS NOT NULL AND d.disposition IN ('written', 'excluded')
            """
        ).forEachRow([]) { row in
            guard let existing = row.string(0), let ours = row.string(1), ours != existing else { return }
            result[ours] = existing
        }
        return result
    }
}
