import CSQLite
import Foundation

/// SQLite copies bound text and blobs before `bind` returns.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
/// SQLite reads bound text where it lies, without a copy (`SQLITE_STATIC`).
private let borrowed: sqlite3_destructor_type? = nil

/// A prepared statement. Parameters are 1-based, columns 0-based, as in SQLite's C API.
public final class Statement {
    let handle: OpaquePointer
    unowned let database: Database
    public let sql: String

    init(database: Database, sql: String) throws {
        var handle: OpaquePointer?
        let code = sqlite3_prepare_v3(database.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &handle, nil)
        guard code == SQLITE_OK, let handle else {
            throw SQLiteError(connection: database.handle, code: code, sql: sql)
        }
        self.handle = handle
        self.database = database
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    // MARK: Binding

    public func bind(_ index: Int32, _ value: Int64) throws {
        try check(sqlite3_bind_int64(handle, index, value))
    }

    public func bind(_ index: Int32, _ value: Int) throws { try bind(index, Int64(value)) }

    public func bind(_ index: Int32, _ value: Double) throws {
        try check(sqlite3_bind_double(handle, index, value))
    }

    public func bind(_ index: Int32, _ value: String?) throws {
        guard let value else { return try bindNull(index) }
        try check(sqlite3_bind_text(handle, index, value, -1, transient))
    }

    /// Binds UTF-8 bytes as TEXT without building a `String` first.
    public func bindText(_ index: Int32, _ bytes: UnsafeRawBufferPointer) throws {
        // A zero-length TEXT still needs a non-null pointer, or SQLite binds NULL.
        guard let base = bytes.baseAddress, bytes.count > 0 else {
            return try check(sqlite3_bind_text(handle, index, "", 0, transient))
        }
        try check(
            sqlite3_bind_text(handle, index, base.assumingMemoryBound(to: CChar.self), Int32(bytes.count), transient))
    }

    /// Binds UTF-8 bytes as TEXT without SQLite copying them: the bytes must stay where they are until the
    /// statement has stepped and been `reset()` (which clears the binding), so call both inside the scope that
    /// owns them. For the ledger's insert of each event, where the copies of its payload and hashes showed in
    /// profiles.
    public func bindBorrowedText(_ index: Int32, _ bytes: UnsafeRawBufferPointer) throws {
        guard let base = bytes.baseAddress, bytes.count > 0 else {
            return try check(sqlite3_bind_text(handle, index, "", 0, transient))
        }
        try check(
            sqlite3_bind_text(handle, index, base.assumingMemoryBound(to: CChar.self), Int32(bytes.count), borrowed))
    }

    public func bindBlob(_ index: Int32, _ bytes: UnsafeRawBufferPointer) throws {
        try check(sqlite3_bind_blob(handle, index, bytes.baseAddress, Int32(bytes.count), transient))
    }

    public func bindNull(_ index: Int32) throws { try check(sqlite3_bind_null(handle, index)) }

    /// Binds a list of values to parameters 1...n; `nil` binds NULL.
    public func bind(_ values: [SQLValue?]) throws {
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            switch value {
            case .none, .some(.null): try bindNull(index)
            case .some(.integer(let v)): try bind(index, v)
            case .some(.real(let v)): try bind(index, v)
            case .some(.text(let v)): try bind(index, v)
            case .some(.blob(let v)): try v.withUnsafeBytes { try bindBlob(index, $0) }
            }
        }
    }

    // MARK: Stepping

    /// Advances to the next row; `false` when the statement is done.
    @discardableResult
    public func step() throws -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = SQLiteError(connection: database.handle, code: code, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Resets the statement and clears its bindings so it can be run again.
    public func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// Resets the statement and binds `values`, ready for `step()`; read each row through `row`.
    public func start(_ values: [SQLValue?] = []) throws {
        reset()
        try bind(values)
    }

    /// The current row after a `step()` that returned `true`.
    public var row: Row { Row(statement: self) }

    /// Runs a statement that returns no rows.
    public func execute(_ values: [SQLValue?] = []) throws {
        reset()
        try bind(values)
        while try step() {}
        sqlite3_reset(handle)
    }

    /// Runs a statement that returns no rows, its parameters bound by `bind` on the statement itself: no
    /// `[SQLValue?]` array to build and no `String` for text that is already bytes, for the per-event paths.
    public func execute(binding bind: (Statement) throws -> Void) throws {
        reset()
        try bind(self)
        while try step() {}
        sqlite3_reset(handle)
    }

    /// Binds UTF-8 bytes held in an array slice as TEXT.
    public func bindText(_ index: Int32, _ bytes: ArraySlice<UInt8>) throws {
        try bytes.withUnsafeBytes { try bindText(index, $0) }
    }

    /// Runs a query and hands each row to `body`.
    public func forEachRow(_ values: [SQLValue?] = [], _ body: (Row) throws -> Void) throws {
        reset()
        try bind(values)
        defer { sqlite3_reset(handle) }
        let row = Row(statement: self)
        while try step() { try body(row) }
    }

    /// Runs a query and maps every row.
    public func rows<T>(_ values: [SQLValue?] = [], _ transform: (Row) throws -> T) throws -> [T] {
        var result: [T] = []
        try forEachRow(values) { result.append(try transform($0)) }
        return result
    }

    private func check(_ code: Int32) throws {
        guard code == SQLITE_OK else { throw SQLiteError(connection: database.handle, code: code, sql: sql) }
    }
}

/// The current row of a statement; valid only inside the callback that received it.
public struct Row {
    let statement: Statement
    var handle: OpaquePointer { statement.handle }

    public var columnCount: Int32 { sqlite3_column_count(handle) }
    public func name(_ column: Int32) -> String { String(cString: sqlite3_column_name(handle, column)) }
    public func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }
    public func int(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }
    public func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }

    public func string(_ column: Int32) -> String? {
        guard let text = sqlite3_column_text(handle, column) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    /// The column's bytes (TEXT or BLOB) without copying; valid until the next step.
    public func bytes(_ column: Int32) -> UnsafeRawBufferPointer {
        let pointer = sqlite3_column_blob(handle, column)
        let count = Int(sqlite3_column_bytes(handle, column))
        return UnsafeRawBufferPointer(start: pointer, count: pointer == nil ? 0 : count)
    }

    public func data(_ column: Int32) -> Data? {
        if isNull(column) { return nil }
        return Data(bytes(column))
    }

    /// The column as a dynamically typed value, for generic dumps and comparisons.
    public func value(_ column: Int32) -> SQLValue {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_INTEGER: return .integer(int(column))
        case SQLITE_FLOAT: return .real(double(column))
        case SQLITE_TEXT: return .text(string(column) ?? "")
        case SQLITE_BLOB: return .blob(data(column) ?? Data())
        default: return .null
        }
    }
}

/// A dynamically typed SQLite value.
public enum SQLValue: Hashable, Sendable, CustomStringConvertible {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob(Data)

    public var description: String {
        switch self {
        case .null: return "NULL"
        case .integer(let v): return String(v)
        case .real(let v): return String(v)
        case .text(let v): return v
        case .blob(let v): return "x'" + v.map { String(format: "%02x", $0) }.joined() + "'"
        }
    }
}

extension SQLValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
}

extension Optional where Wrapped == SQLValue {
    /// `nil` for a missing string binds NULL.
    public static func text(_ value: String?) -> SQLValue? { value.map { .text($0) } }
}
