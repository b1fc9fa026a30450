import CanonicalJSON
import SQLite

/// What a rebuild did, and for `--check`, where the stored projections differ from the events.
public struct RebuildReport: Sendable {
    public struct Difference: Sendable, CustomStringConvertible {
        public let projection: String
        public let table: String
        /// Rows the events produce but the stored table lacks (or holds differently).
        public let missingFromStored: [String]
        /// Rows the stored table holds that the events do not produce.
        public let unexpectedInStored: [String]
        public let missingCount: Int
        public let unexpectedCount: Int

        public var description: String {
            var lines = [
                "\(projection) (\(table)): \(missingCount) row(s) missing or different, \(unexpectedCount) row(s)"
                    + " not produced by the events"
            ]
            lines += missingFromStored.map { "  expected: \($0)" }
            lines += unexpectedInStored.map { "  stored:   \($0)" }
            return lines.joined(separator: "\n")
        }
    }

    public let eventsFolded: Int64
    public let rowsWritten: Int
    public let differences: [Difference]
    public var matches: Bool { differences.isEmpty }
}

extension Ledger {
    /// Folds every event again from the start.
    ///
    /// Without `check`: replaces the stored projections with the fold (needs a writer). With `check`: folds into
    /// temporary shadow tables of the same definition (unqualified names resolve to TEMP first in SQLite), compares
    /// them with the stored tables row by row, and changes nothing; a reader can do it.
    @discardableResult
    public func rebuildProjections(check: Bool) throws -> RebuildReport {
        let projections = Projections.all
        if check {
            return try db.readTransaction {
                try withShadowTables(projections) {
                    try fold(from: 1, into: projections, cursors: [:])
                    return RebuildReport(
                        eventsFolded: head.seq, rowsWritten: try countRows(projections, schema: "temp"),
                        differences: try compareShadows(projections))
                }
            }
        }
        precondition(access == .write, "rebuilding projections needs a ledger opened for writing")
        return try db.transaction {
            for projection in projections {
                for table in projection.tables { try db.execute("DELETE FROM main.\(table.name)") }
            }
            try fold(from: 1, into: projections, cursors: [:])
            for projection in projections {
                try db.run(
                    """
                    INSERT INTO projection_cursors (projection, last_seq) VALUES (?, ?)
                    ON CONFLICT (projection) DO UPDATE SET last_seq = excluded.last_seq
                    """, [.text(projection.name), .integer(head.seq)])
            }
            return RebuildReport(
                eventsFolded: head.seq, rowsWritten: try countRows(projections, schema: "main"), differences: [])
        }
    }

    private func withShadowTables<T>(_ projections: [any Projection], _ body: () throws -> T) throws -> T {
        let tables = projections.flatMap { $0.tables.map(\.name) }
        var created: [String] = []
        defer { for table in created { try? db.execute("DROP TABLE temp.\(table)") } }
        for table in tables {
            let definitions = try db.query(
                "SELECT type, sql FROM main.sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL ORDER BY type DESC",
                [.text(table)]
            ) { ($0.string(0) ?? "", $0.string(1) ?? "") }
            for (type, sql) in definitions {
                if type == "table" {
                    try db.execute(sql.replacingFirst("CREATE TABLE ", with: "CREATE TEMP TABLE "))
                    created.append(table)
                } else if type == "index" {
                    // Indexes of a TEMP table live in the temp schema; name them apart from the main ones.
                    try db.execute(
                        sql.replacingFirst("CREATE INDEX ", with: "CREATE INDEX temp.shadow_")
                            .replacingFirst("CREATE UNIQUE INDEX ", with: "CREATE UNIQUE INDEX temp.shadow_"))
                }
            }
        }
        return try body()
    }

    private func compareShadows(_ projections: [any Projection]) throws -> [RebuildReport.Difference] {
        var differences: [RebuildReport.Difference] = []
        for projection in projections {
            for table in projection.tables {
                let missing = try rows(
                    "SELECT * FROM temp.\(table.name) EXCEPT SELECT * FROM main.\(table.name) ORDER BY \(table.orderBy)"
                )
                let unexpected = try rows(
                    "SELECT * FROM main.\(table.name) EXCEPT SELECT * FROM temp.\(table.name) ORDER BY \(table.orderBy)"
                )
                if !missing.isEmpty || !unexpected.isEmpty {
                    differences.append(
                        .init(
                            projection: projection.name, table: table.name,
                            missingFromStored: Array(missing.prefix(20)),
                            unexpectedInStored: Array(unexpected.prefix(20)),
                            missingCount: missing.count, unexpectedCount: unexpected.count))
                }
            }
        }
        return differences
    }

    /// Rows as `column=value` text, for a person reading a difference.
    private func rows(_ sql: String) throws -> [String] {
        try db.prepare(sql).rows { row in
            (0..<row.columnCount).map { "\(row.name($0))=\(row.value($0))" }.joined(separator: " ")
        }
    }

    private func countRows(_ projections: [any Projection], schema: String) throws -> Int {
        var total = 0
        for projection in projections {
            for table in projection.tables {
                if case .integer(let n)? = try db.scalar(sql: "SELECT count(*) FROM \(schema).\(table.name)") {
                    total += Int(n)
                }
            }
        }
        return total
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
