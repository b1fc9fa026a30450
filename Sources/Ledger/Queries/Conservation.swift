import SQLite

/// Where the records of one source object went (invariant 6): every record of the latest snapshot is counted in
/// exactly one of written, rejected, excluded and pending.
public struct ConservationRow: Sendable, Equatable {
    public var object: String
    public var extracted: Int
    public var written: Int
    public var rejected: Int
    public var excluded: Int
    public var pending: Int

    public var balances: Bool { extracted == written + rejected + excluded + pending }
}

extension Ledger {
    /// Per source object, from the "conservation" projection, in object order.
    public func conservation() throws -> [ConservationRow] {
        try db.query(
            "SELECT object, extracted, written, rejected, excluded, pending FROM conservation ORDER BY object"
        ) { row in
            ConservationRow(
                object: row.string(0) ?? "", extracted: Int(row.int(1)), written: Int(row.int(2)),
                rejected: Int(row.int(3)), excluded: Int(row.int(4)), pending: Int(row.int(5)))
        }
    }
}

extension Ledger {
    /// Source records whose latest disposition is a refusal by Twenty (across every run of the project).
    public func refusedByTwenty() throws -> Int {
        Int(
            try db.query("SELECT count(*) FROM source_dispositions WHERE disposition = 'refused'") { $0.int(0) }.first
                ?? 0)
    }
}
