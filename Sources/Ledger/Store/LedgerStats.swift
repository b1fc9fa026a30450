import CanonicalJSON
import Foundation
import SQLite

/// Figures about a ledger for `ledger stats`.
public struct LedgerStats: Sendable {
    public struct TypeCount: Sendable {
        public let type: String
        public let events: Int64
        public let payloadBytes: Int64
    }

    public let events: Int64
    public let head: Ledger.Head
    public let firstRecordedAt: String?
    public let lastRecordedAt: String?
    public let runs: Int64
    public let byType: [TypeCount]
    /// Bytes of the database file and its write-ahead log.
    public let fileBytes: Int64
    public let walBytes: Int64
    public let projectionCursors: [String: Int64]
    public let schemaMigrations: [String]
}

extension Ledger {
    public func stats() throws -> LedgerStats {
        try db.readTransaction {
            let byType = try db.query(
                "SELECT type, count(*), sum(length(payload)) FROM events GROUP BY type ORDER BY count(*) DESC, type"
            ) { LedgerStats.TypeCount(type: $0.string(0) ?? "", events: $0.int(1), payloadBytes: $0.int(2)) }
            let range = try db.query("SELECT min(recorded_at), max(recorded_at), count(DISTINCT run_id) FROM events") {
                ($0.string(0), $0.string(1), $0.int(2))
            }.first
            func size(_ path: String) -> Int64 {
                ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
            }
            return LedgerStats(
                events: head.seq, head: try readHead(), firstRecordedAt: range?.0, lastRecordedAt: range?.1,
                runs: range?.2 ?? 0, byType: byType, fileBytes: size(path), walBytes: size(path + "-wal"),
                projectionCursors: try projectionCursors(), schemaMigrations: try SchemaMigrator.applied(db))
        }
    }
}
