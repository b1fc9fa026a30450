import Foundation
import SQLite
import Testing

@testable import Ledger

@Suite("The ledger is append-only")
struct AppendOnlyTests {
    @Test("a raw connection cannot update an event")
    func updateRefused() throws {
        let dir = TemporaryDirectory()
        let ledger = try makeLedger(events: 20, in: dir)
        let raw = try rawConnection(ledger)
        #expect {
            try raw.execute("UPDATE events SET payload = '{}' WHERE seq = 3")
        } throws: { "\($0)".contains("append-only: events cannot be updated") }
        #expect(try ledger.verify().isIntact)
    }

    @Test("a raw connection cannot delete an event")
    func deleteRefused() throws {
        let dir = TemporaryDirectory()
        let ledger = try makeLedger(events: 20, in: dir)
        let raw = try rawConnection(ledger)
        #expect {
            try raw.execute("DELETE FROM events WHERE seq = 20")
        } throws: { "\($0)".contains("append-only: events cannot be deleted") }
        #expect(try raw.scalar("SELECT count(*) FROM events") == .integer(20))
    }

    @Test("the sqlite3 shell cannot update or delete events either")
    func shellRefused() throws {
        let dir = TemporaryDirectory()
        let ledger = try makeLedger(events: 5, in: dir)
        for sql in ["UPDATE events SET type = 'x' WHERE seq = 1;", "DELETE FROM events;"] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["sqlite3", ledger.path, sql]
            let stderr = Pipe()
            process.standardError = stderr
            try process.run()
            process.waitUntilExit()
            let message = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(process.terminationStatus != 0)
            #expect(message.contains("append-only"))
        }
        #expect(try ledger.verify().eventsChecked == 5)
    }

    @Test("a raw insert that skips a sequence number or breaks the chain is refused")
    func outOfOrderInsertRefused() throws {
        let dir = TemporaryDirectory()
        let ledger = try makeLedger(events: 3, in: dir)
        let raw = try rawConnection(ledger)
        let zeros = String(repeating: "0", count: 64)
        #expect(throws: SQLiteError.self) {
            try raw.execute(
                "INSERT INTO events VALUES (9, 'now', 'r', 'run.started', NULL, NULL, NULL, '{}', '\(zeros)', '\(zeros)')"
            )
        }
        #expect(throws: SQLiteError.self) {
            try raw.execute(
                "INSERT INTO events VALUES (4, 'now', 'r', 'run.started', NULL, NULL, NULL, '{}', '\(zeros)', '\(zeros)')"
            )
        }
    }

    @Test("another SQLite database is refused as not a ledger, and left untouched")
    func foreignDatabaseRefused() throws {
        let dir = TemporaryDirectory()
        let path = dir.path("other.sqlite")
        try Database(path: path).execute("CREATE TABLE customers (id INTEGER)")
        for access in [Ledger.Access.read, .write] {
            #expect {
                _ = try Ledger(path: path, access: access)
            } throws: { "\($0)".contains("is not a crm-migrate ledger") }
        }
        let tables = try Database(path: path, mode: .readOnly).query("SELECT name FROM sqlite_master") {
            $0.string(0) ?? ""
        }
        #expect(tables == ["customers"])
    }

    @Test("the ledger file is readable and writable by its owner only")
    func fileMode() throws {
        let dir = TemporaryDirectory()
        let ledger = try makeLedger(events: 1, in: dir)
        let attributes = try FileManager.default.attributesOfItem(atPath: ledger.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test("a batch of events is appended in one transaction with consecutive sequence numbers")
    func batchIsOneTransaction() throws {
        let dir = TemporaryDirectory()
        let ledger = try makeLedger(events: 0, in: dir)
        var generator = EventGenerator(seed: 3)
        let range = try ledger.append((0..<50).map { _ in generator.next() })
        #expect(range == 1...50)
        let runs = try rawConnection(ledger).query("SELECT count(DISTINCT recorded_at), count(*) FROM events") {
            [$0.int(0), $0.int(1)]
        }
        #expect(runs == [[1, 50]])
    }
}

@Suite("Concurrency")
struct ConcurrencyTests {
    @Test("a second writer is refused with a message naming the holder's pid")
    func secondWriterRefused() throws {
        let dir = TemporaryDirectory()
        let ledger = try makeLedger(events: 1, in: dir)
        #expect {
            _ = try Ledger(path: ledger.path, access: .write)
        } throws: { error in
            "\(error)".contains("being written by process \(getpid())")
        }
    }

    @Test("the writer lock is released when the writer closes")
    func lockReleased() throws {
        let dir = TemporaryDirectory()
        var ledger: Ledger? = try makeLedger(events: 1, in: dir)
        let path = ledger!.path
        ledger = nil
        let again = try Ledger(path: path, access: .write)
        #expect(again.head.seq == 1)
    }

    @Test("a reader holding an open read transaction does not block appends, and sees its snapshot")
    func readerDoesNotBlockWriter() throws {
        let dir = TemporaryDirectory()
        let ledger = try makeLedger(events: 10, in: dir)
        let auditor = try Database(path: ledger.path, mode: .readOnly)
        try auditor.execute("BEGIN")
        #expect(try auditor.scalar("SELECT count(*) FROM events") == .integer(10))
        var generator = EventGenerator(seed: 9)
        try ledger.append((0..<5).map { _ in generator.next() })
        #expect(try auditor.scalar("SELECT count(*) FROM events") == .integer(10))
        try auditor.execute("COMMIT")
        #expect(try auditor.scalar("SELECT count(*) FROM events") == .integer(15))
    }
}
