import CSQLite
import Foundation
import SQLite

/// The reference for "the physical limit of this machine": the ledger's rows inserted with the bare C API,
/// with the same pragmas and batch size, and no encoding, hashing, triggers or projections.
enum BareInsert {
    struct Result {
        var seconds: Double
        /// The process's CPU time (user + system) for the same span: steadier than wall time when other work
        /// shares the machine's cores.
        var cpuSeconds: Double
        var bytes: Int64
    }

    typealias EventRow = [String?]

    /// Reads back the rows the ledger wrote, so the reference inserts exactly the same bytes.
    static func rows(from ledgerPath: String) throws -> [EventRow] {
        let db = try Database(path: ledgerPath, mode: .readOnly)
        return try db.query(
            """
            SELECT seq, recorded_at, run_id, type, object, source_id, twenty_id, payload, prev_hash, hash
            FROM events ORDER BY seq
            """
        ) { row in (0..<10).map { row.isNull(Int32($0)) ? nil : row.string(Int32($0)) } }
    }

    static func run(rows: [EventRow], path: String, batch: Int, indexes: Bool) throws -> Result {
        var handle: OpaquePointer?
        guard sqlite3_open(path, &handle) == SQLITE_OK, let db = handle else { throw BenchError("cannot open \(path)") }
        defer { sqlite3_close(db) }
        var ddl = """
            PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA cache_size = -65536;
            CREATE TABLE events (seq INTEGER PRIMARY KEY, recorded_at TEXT NOT NULL, run_id TEXT NOT NULL,
              type TEXT NOT NULL, object TEXT, source_id TEXT, twenty_id TEXT, payload TEXT NOT NULL,
              prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
            """
        if indexes {
            ddl += """
                CREATE INDEX events_by_source_record ON events (object, source_id) WHERE source_id IS NOT NULL;
                CREATE INDEX events_by_twenty_record ON events (twenty_id) WHERE twenty_id IS NOT NULL;
                """
        }
        guard sqlite3_exec(db, ddl, nil, nil, nil) == SQLITE_OK else { throw BenchError("cannot create table") }
        var statement: OpaquePointer?
        sqlite3_prepare_v2(db, "INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?)", -1, &statement, nil)
        defer { sqlite3_finalize(statement) }
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        let start = DispatchTime.now().uptimeNanoseconds
        let cpuStart = processCPUSeconds()
        var index = 0
        while index < rows.count {
            sqlite3_exec(db, "BEGIN", nil, nil, nil)
            for row in rows[index..<min(index + batch, rows.count)] {
                sqlite3_reset(statement)
                sqlite3_bind_int64(statement, 1, Int64(row[0]!)!)
                for column in 1..<10 {
                    if let text = row[column] {
                        sqlite3_bind_text(statement, Int32(column + 1), text, -1, transient)
                    } else {
                        sqlite3_bind_null(statement, Int32(column + 1))
                    }
                }
                guard sqlite3_step(statement) == SQLITE_DONE else { throw BenchError("insert failed") }
            }
            sqlite3_exec(db, "COMMIT", nil, nil, nil)
            index += batch
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let cpuSeconds = processCPUSeconds() - cpuStart
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)??.int64Value ?? 0
        return Result(seconds: seconds, cpuSeconds: cpuSeconds, bytes: bytes)
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
