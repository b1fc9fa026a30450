import Foundation
import SQLite
import Testing

@Suite("SQLite wrapper")
struct DatabaseTests {
    let path = NSTemporaryDirectory() + "sqlite-tests-\(UUID().uuidString).sqlite"

    @Test("values of every type written through the wrapper read back unchanged")
    func roundTrip() throws {
        let db = try Database(path: path)
        defer { try? FileManager.default.removeItem(atPath: path) }
        try db.execute("CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB, n TEXT)")
        let blob = Data([0, 1, 2, 255])
        try db.run(
            "INSERT INTO t VALUES (?, ?, ?, ?, ?)",
            [.integer(-42), .real(2.5), .text("héllo \"world\"\n"), .blob(blob), nil])
        let row = try db.query("SELECT i, r, s, b, n FROM t") {
            [$0.value(0), $0.value(1), $0.value(2), $0.value(3), $0.value(4)]
        }
        #expect(row == [[.integer(-42), .real(2.5), .text("héllo \"world\"\n"), .blob(blob), .null]])
    }

    @Test(
        "a statement run with its parameters bound in place stores them, and binds nothing left over from the last run")
    func bindingInPlace() throws {
        let db = try Database(path: path)
        defer { try? FileManager.default.removeItem(atPath: path) }
        try db.execute("CREATE TABLE t (i INTEGER, s TEXT, n TEXT)")
        let insert = try db.prepare("INSERT INTO t VALUES (?, ?, ?)")
        let bytes = Array("{\"values\":{\"name\":\"Ada\"}}".utf8)
        try insert.execute { statement in
            try statement.bind(1, Int64(7))
            try statement.bindText(2, bytes[10...])
            try statement.bind(3, "kept")
        }
        // The second run binds only the first parameter: the others must be NULL, not the first run's values.
        try insert.execute { try $0.bind(1, Int64(8)) }
        let rows = try db.query("SELECT i, s, n FROM t ORDER BY i") { [$0.value(0), $0.value(1), $0.value(2)] }
        #expect(rows == [[.integer(7), .text("{\"name\":\"Ada\"}}"), .text("kept")], [.integer(8), .null, .null]])
    }

    @Test("an empty string binds as empty text, not NULL")
    func emptyTextIsNotNull() throws {
        let db = try Database(path: path)
        defer { try? FileManager.default.removeItem(atPath: path) }
        try db.execute("CREATE TABLE t (s TEXT)")
        let insert = try db.prepare("INSERT INTO t VALUES (?)")
        try Array("".utf8).withUnsafeBytes { try insert.bindText(1, $0) }
        try insert.step()
        #expect(try db.scalar("SELECT s IS NULL FROM t") == .integer(0))
    }

    @Test("a failing statement reports SQLite's message and the SQL")
    func errorsCarryContext() throws {
        let db = try Database(path: path)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect {
            try db.execute("SELECT * FROM missing_table")
        } throws: { error in
            let error = error as? SQLiteError
            return error?.message.contains("no such table: missing_table") == true && error?.sql != nil
        }
    }

    @Test("a transaction that throws leaves nothing behind")
    func transactionRollsBack() throws {
        let db = try Database(path: path)
        defer { try? FileManager.default.removeItem(atPath: path) }
        try db.execute("CREATE TABLE t (i INTEGER)")
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try db.transaction {
                try db.run("INSERT INTO t VALUES (1)")
                throw Boom()
            }
        }
        #expect(try db.scalar("SELECT count(*) FROM t") == .integer(0))
    }
}

@Suite("Borrowed bindings")
struct BorrowedBindingTests {
    let path = NSTemporaryDirectory() + "sqlite-borrowed-\(UUID().uuidString).sqlite"

    @Test("text bound without a copy is stored as it was when the statement stepped, and a reset unbinds it")
    func borrowedTextIsStoredAndUnbound() throws {
        let db = try Database(path: path)
        defer { try? FileManager.default.removeItem(atPath: path) }
        try db.execute("CREATE TABLE t (i INTEGER, s TEXT)")
        let insert = try db.prepare("INSERT INTO t VALUES (?, ?)")
        var buffer = Array("first payload".utf8)
        try buffer.withUnsafeBytes { bytes in
            insert.reset()
            try insert.bind(1, Int64(1))
            try insert.bindBorrowedText(2, bytes)
            try insert.step()
            insert.reset()
        }
        // The buffer changes after the reset; the stored row must not, and the next run must not see it.
        buffer = Array("overwritten".utf8)
        try insert.bind(1, Int64(2))
        try insert.step()
        try Array<UInt8>().withUnsafeBytes { empty in
            insert.reset()
            try insert.bind(1, Int64(3))
            try insert.bindBorrowedText(2, empty)
            try insert.step()
        }
        let rows = try db.query("SELECT i, s FROM t ORDER BY i") { [$0.value(0), $0.value(1)] }
        #expect(rows == [[.integer(1), .text("first payload")], [.integer(2), .null], [.integer(3), .text("")]])
        #expect(buffer == Array("overwritten".utf8))
    }
}
