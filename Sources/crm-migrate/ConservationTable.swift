import Ledger

/// Where every source record went, per object, as `run` and `ledger status` print it.
enum ConservationTable {
    static func lines(_ rows: [ConservationRow]) -> [String] {
        var lines = [
            "OBJECT".padding(22) + "EXTRACTED".padding(11) + "WRITTEN".padding(9) + "REJECTED".padding(10)
                + "EXCLUDED".padding(10) + "PENDING"
        ]
        for row in rows {
            lines.append(
                row.object.padding(22) + String(row.extracted).padding(11) + String(row.written).padding(9)
                    + String(row.rejected).padding(10) + String(row.excluded).padding(10) + String(row.pending)
                    + (row.balances ? "" : "  (does not add up)"))
        }
        return lines
    }
}
