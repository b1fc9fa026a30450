import CanonicalJSON
import SQLite

/// One record the twenty-state projection says the tool wrote, with when it last wrote it: what reconciliation
/// compares with what Twenty holds now.
public struct WrittenRecord: Sendable, Equatable {
    public var twentyId: String
    public var sourceId: String?
    /// The fields as last written (creates and later updates merged).
    public var values: JSONValue
    public var softDeleted: Bool
    /// The ledger time of the outcome that last changed the record: Twenty had applied our write by then, so a
    /// change Twenty dates later was made by someone else.
    public var writtenAt: String
}

extension Ledger {
    /// Every record of `object` in the twenty-state projection, in Twenty-id order.
    public func forEachWrittenRecord(object: String, _ body: (WrittenRecord) throws -> Void) throws {
        try db.prepare(
            """
            SELECT r.twenty_id, r.source_id, r."values", r.soft_deleted, e.recorded_at FROM twenty_records r
            JOIN events e ON e.seq = r.last_seq
            WHERE r.object = ? ORDER BY r.twenty_id
            """
        ).forEachRow([.text(object)]) { row in
            try body(
                WrittenRecord(
                    twentyId: row.string(0) ?? "", sourceId: row.string(1),
                    values: try JSONParser.parse(Array((row.string(2) ?? "{}").utf8)), softDeleted: row.int(3) != 0,
                    writtenAt: row.string(4) ?? ""))
        }
    }
}
