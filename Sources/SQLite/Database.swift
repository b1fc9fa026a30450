import CSQLite
import Foundation

/// One connection to a SQLite file through the system libsqlite3.
///
/// A thin wrapper of our own rather than GRDB: the ledger's append path is a handful of cached statements, and
/// on this machine the bare C API inserts ~245k rows/s against GRDB's ~180k (see the foundation issue's note).
/// Not thread-safe: one connection belongs to one task.
public final class Database {
    public enum Mode: Sendable { case readOnly, readWrite, readWriteCreate }

    let handle: OpaquePointer
    public let path: String
    private var statementCache: [String: Statement] = [:]
    /// Statements for SQL written as literals, keyed by the literal's address: no hashing of the SQL text on the
    /// hot path (a projection runs several statements per event).
    private var staticStatementCache: [Int: Statement] = [:]

    public init(path: String, mode: Mode = .readWriteCreate) throws {
        var handle: OpaquePointer?
        let flags: Int32
        switch mode {
        case .readOnly: flags = SQLITE_OPEN_READONLY
        case .readWrite: flags = SQLITE_OPEN_READWRITE
        case .readWriteCreate: flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        }
        let code = sqlite3_open_v2(path, &handle, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard code == SQLITE_OK, let handle else {
            let error = SQLiteError(connection: handle, code: code, sql: nil)
            sqlite3_close_v2(handle)
            throw SQLiteError(code: error.code, message: "cannot open \(path): \(error.message)")
        }
        self.handle = handle
        self.path = path
        sqlite3_extended_result_codes(handle, 1)
    }

    deinit {
        statementCache.removeAll()
        staticStatementCache.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Waits up to `milliseconds` for another connection's lock instead of failing at once with SQLITE_BUSY.
    public func setBusyTimeout(milliseconds: Int32) { sqlite3_busy_timeout(handle, milliseconds) }

    /// Runs one or more SQL statements that return no rows (schema scripts, pragmas).
    public func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        if code != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_free(message)
            throw SQLiteError(
                code: code & 0xFF, extendedCode: sqlite3_extended_errcode(handle), message: text, sql: sql)
        }
    }

    /// A new statement, owned by the caller.
    public func prepare(_ sql: String) throws -> Statement { try Statement(database: self, sql: sql) }

    /// A statement kept for the connection's lifetime; use for statements on hot paths.
    ///
    /// Disfavoured so that a literal picks `cached(_: StaticString)`: looking SQL text up here hashes all of it on
    /// every call, which the ledger's projections did several times per appended event.
    @_disfavoredOverload
    public func cached(_ sql: String) throws -> Statement {
        if let statement = statementCache[sql] { return statement }
        let statement = try Statement(database: self, sql: sql)
        statementCache[sql] = statement
        return statement
    }

    /// A cached statement for SQL written as a literal.
    public func cached(_ sql: StaticString) throws -> Statement {
        let key = Int(bitPattern: sql.utf8Start)
        if let statement = staticStatementCache[key] { return statement }
        let text = sql.withUTF8Buffer { String(decoding: $0, as: UTF8.self) }
        let statement = try Statement(database: self, sql: text)
        staticStatementCache[key] = statement
        return statement
    }

    /// Runs literal `sql` with `values` and returns every row mapped by `transform`.
    public func query<T>(_ sql: StaticString, _ values: [SQLValue?] = [], _ transform: (Row) throws -> T) throws -> [T]
    {
        try cached(sql).rows(values, transform)
    }

    /// Runs SQL built at run time (table names, conditions) and returns every row mapped by `transform`.
    public func query<T>(sql: String, _ values: [SQLValue?] = [], _ transform: (Row) throws -> T) throws -> [T] {
        try cached(sql).rows(values, transform)
    }

    /// The first column of the first row, or `nil` when there is no row.
    public func scalar(_ sql: StaticString, _ values: [SQLValue?] = []) throws -> SQLValue? {
        try query(sql, values) { $0.value(0) }.first
    }

    public func scalar(sql: String, _ values: [SQLValue?] = []) throws -> SQLValue? {
        try query(sql: sql, values) { $0.value(0) }.first
    }

    public func run(_ sql: StaticString, _ values: [SQLValue?] = []) throws { try cached(sql).execute(values) }

    /// Runs `body` inside `BEGIN IMMEDIATE ... COMMIT`, rolling back if it throws.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// Runs `body` inside a read transaction, so every query in it sees the same snapshot.
    public func readTransaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN DEFERRED")
        defer { try? execute("COMMIT") }
        return try body()
    }

    public var changes: Int { Int(sqlite3_changes64(handle)) }
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    public static var libraryVersion: String { String(cString: sqlite3_libversion()) }
}
