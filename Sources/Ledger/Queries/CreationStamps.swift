import SQLite

/// What the ledger knows of when Twenty dated a record the tool created: enough for rollback to tell, from the
/// record's `updatedAt` alone, that nobody has written it since.
public struct CreationStamp: Sendable, Equatable {
    /// The `write.requested` batch that created the record.
    public var batchId: String?
    /// The `updatedAt` the tool sent (the source's date), if it sent one.
    public var sentUpdatedAt: String?
    /// The `updatedAt` Twenty answered for the record; nil when the outcome came from a read-back.
    public var heldUpdatedAt: String?
    /// The ledger time (this machine's clock) of the `record.created`, recorded once Twenty had answered.
    public var recordedAt: String

    public init(batchId: String?, sentUpdatedAt: String?, heldUpdatedAt: String?, recordedAt: String) {
        self.batchId = batchId
        self.sentUpdatedAt = sentUpdatedAt
        self.heldUpdatedAt = heldUpdatedAt
        self.recordedAt = recordedAt
    }
}

extension Ledger {
    /// The creation stamps of the `record.created` events among `seqs`, by seq (other events are left out).
    public func creationStamps(seqs: [Int64]) throws -> [Int64: CreationStamp] {
        guard !seqs.isEmpty else { return [:] }
        var stamps: [Int64: CreationStamp] = [:]
        try db.prepare(
            """
            SELECT seq, json_extract(payload, '$.batchId'), json_extract(payload, '$.values.updatedAt'),
                json_extract(payload, '$.heldUpdatedAt'), recorded_at
            FROM events WHERE type = 'record.created'
                AND seq IN (\(Array(repeating: "?", count: seqs.count).joined(separator: ",")))
            """
        ).forEachRow(seqs.map { .integer($0) }) { row in
            stamps[row.int(0)] = CreationStamp(
                batchId: row.string(1), sentUpdatedAt: row.string(2), heldUpdatedAt: row.string(3),
                recordedAt: row.string(4) ?? "")
        }
        return stamps
    }
}
