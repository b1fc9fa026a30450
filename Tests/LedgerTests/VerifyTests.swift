import CanonicalJSON
import Crypto
import Foundation
import SQLite
import Testing

@testable import Ledger

/// Each test plays an attacker with write access to the file who first drops the append-only triggers.
@Suite("verify detects tampering")
struct VerifyTests {
    private func tamper(_ ledger: Ledger, _ sql: String) throws {
        let raw = try rawConnection(ledger)
        try raw.execute(
            """
            DROP TRIGGER events_refuse_update; DROP TRIGGER events_refuse_delete; DROP TRIGGER events_append_in_order;
            \(sql)
            """)
    }

    /// The first problem, found the same way by the sequential check and by the two-halves check.
    private func firstBad(_ ledger: Ledger) throws -> VerificationReport.Problem? {
        let sequential = try ledger.verify(splittingFrom: .max).problem
        let halves = try ledger.verify(splittingFrom: 2).problem
        #expect(
            sequential?.seq == halves?.seq,
            "sequential: \(String(describing: sequential)), halves: \(String(describing: halves))")
        return sequential
    }

    @Test("an intact ledger verifies, and its head is the last event's hash")
    func intact() throws {
        let dir = TemporaryDirectory()
        let ledger = try makeLedger(events: 200, in: dir)
        for threshold in [Int64.max, 2] {
            let report = try ledger.verify(splittingFrom: threshold)
            #expect(report.isIntact)
            #expect(report.eventsChecked == 200)
            #expect(report.head == ledger.head)
        }
    }

    @Test("one changed payload byte is found at its event")
    func changedPayloadByte() throws {
        let dir = TemporaryDirectory()
        let ledger = try makeLedger(events: 50, in: dir)
        try tamper(ledger, "UPDATE events SET payload = replace(payload, '\"', ' ') || '' WHERE seq = 17;")
        // The replace above changes more than a byte; change exactly one as well, on another ledger event.
        #expect(try firstBad(ledger)?.seq == 17)

        let dir2 = TemporaryDirectory()
        let other = try makeLedger(events: 50, in: dir2)
        try tamper(
            other,
            "UPDATE events SET payload = substr(payload, 1, 5) || char(unicode(substr(payload, 6, 1)) + 1) || substr(payload, 7) WHERE seq = 23;"
        )
        #expect(try firstBad(other)?.seq == 23)
    }

    @Test(
        "a deleted event is found at its sequence number, also at the seam of the two halves",
        arguments: [31, 25, 26, 50])
    func deletedEventAnywhere(seq: Int) throws {
        let dir = TemporaryDirectory()
        let ledger = try makeLedger(events: 50, in: dir)
        try tamper(ledger, "DELETE FROM events WHERE seq = \(seq);")
        #expect(try firstBad(ledger)?.seq == Int64(seq))
    }

    @Test("a deleted event is found at its sequence number")
    func deletedEvent() throws {
        let dir = TemporaryDirectory()
        let ledger = try makeLedger(events: 50, in: dir)
        try tamper(ledger, "DELETE FROM events WHERE seq = 31;")
        let problem = try firstBad(ledger)
        #expect(problem?.seq == 31)
        #expect(problem?.reason.contains("missing") == true)
    }

    @Test("deleted events at the end are found through the projections' cursors")
    func truncatedTail() throws {
        let dir = TemporaryDirectory()
        let ledger = try makeLedger(events: 50, in: dir)
        try tamper(ledger, "DELETE FROM events WHERE seq > 45;")
        #expect(try firstBad(ledger)?.seq == 46)
    }

    @Test("a reordered pair of events is found at the first of the two")
    func reorderedPair() throws {
        let dir = TemporaryDirectory()
        let ledger = try makeLedger(events: 50, in: dir)
        try tamper(
            ledger,
            """
            UPDATE events SET seq = -1 WHERE seq = 12;
            UPDATE events SET seq = 12 WHERE seq = 13;
            UPDATE events SET seq = 13 WHERE seq = -1;
            """)
        #expect(try firstBad(ledger)?.seq == 12)
    }

    @Test("a forged hash is found: at the event if it does not match, at the next event if it does")
    func forgedHash() throws {
        let dir = TemporaryDirectory()
        let ledger = try makeLedger(events: 50, in: dir)
        try tamper(ledger, "UPDATE events SET hash = '\(String(repeating: "ab", count: 32))' WHERE seq = 40;")
        #expect(try firstBad(ledger)?.seq == 40)

        // A careful forger changes event 20's type and recomputes its hash correctly; event 21 still names the old one.
        let dir2 = TemporaryDirectory()
        let other = try makeLedger(events: 50, in: dir2)
        let raw = try rawConnection(other)
        let row = try raw.query(
            "SELECT seq, recorded_at, run_id, object, source_id, twenty_id, payload, prev_hash FROM events WHERE seq = 20"
        ) { r in (0..<8).map { r.isNull(Int32($0)) ? nil : r.string(Int32($0)) } }[0]
        func text(_ s: String?) -> String { s.map { JSONValue.string($0).canonicalText } ?? "null" }
        let envelope =
            "{\"object\":\(text(row[3])),\"payload\":\(row[6]!),\"recorded_at\":\(text(row[1])),\"run_id\":\(text(row[2])),"
            + "\"seq\":20,\"source_id\":\(text(row[4])),\"twenty_id\":\(text(row[5])),\"type\":\"run.failed\"}"
        let forged = EventHash.hex(SHA256.hash(data: Array((row[7]! + envelope).utf8)))
        try tamper(other, "UPDATE events SET type = 'run.failed', hash = '\(forged)' WHERE seq = 20;")
        let problem = try firstBad(other)
        #expect(problem?.seq == 21)
        #expect(problem?.reason.contains("prev_hash") == true)
    }

    @Test("the chain matches an independent implementation in Python")
    func independentVerifier() throws {
        let dir = TemporaryDirectory()
        let ledger = try makeLedger(events: 300, seed: 11, in: dir)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Tools/verify-ledger.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, ledger.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0)
        #expect(text.contains("OK 300 events, head \(ledger.head.hash)"))
    }
}
