import Foundation
import SQLite
import Testing

@testable import Ledger

@Suite("Projections")
struct ProjectionTests {
    @Test("incrementally maintained projections equal rebuilt ones for random event sequences", arguments: 1...12)
    func incrementalEqualsRebuilt(seed: UInt64) throws {
        let dir = TemporaryDirectory()
        let ledger = try makeLedger(events: 300, seed: seed, in: dir)
        let incremental = try projectionDump(ledger.db)
        #expect(!(incremental["inverse_actions"] ?? []).isEmpty)
        let check = try ledger.rebuildProjections(check: true)
        #expect(check.matches, "\(check.differences)")
        try ledger.rebuildProjections(check: false)
        #expect(try projectionDump(ledger.db) == incremental)
    }

    @Test("rebuild --check reports a projection row changed behind the ledger's back, and changes nothing")
    func checkFindsDifference() throws {
        let dir = TemporaryDirectory()
        let ledger = try makeLedger(events: 200, seed: 5, in: dir)
        let raw = try rawConnection(ledger)
        try raw.execute(
            "UPDATE twenty_records SET \"values\" = '{\"name\":\"forged\"}' WHERE twenty_id = (SELECT min(twenty_id) FROM twenty_records)"
        )
        let before = try projectionDump(ledger.db)
        let report = try ledger.rebuildProjections(check: true)
        #expect(report.differences.map(\.table) == ["twenty_records"])
        #expect(report.differences.first?.unexpectedInStored.first?.contains("forged") == true)
        #expect(try projectionDump(ledger.db) == before)
        try ledger.rebuildProjections(check: false)
        #expect(try ledger.rebuildProjections(check: true).matches)
    }

    @Test("a create, an update and their compensations leave the state and inverse stream a rollback needs")
    func foldSemantics() throws {
        let dir = TemporaryDirectory()
        let ledger = try makeLedger(in: dir)
        let id = "00000000-0000-5000-8000-000000000001"
        try ledger.append([
            .recordCreated(
                RecordCreated(
                    batchId: "b1", object: "person", sourceId: "C1", twentyId: id,
                    values: ["jobTitle": "CTO", "city": "Oslo"])),
            .recordUpdated(
                RecordUpdated(
                    batchId: nil, object: "person", sourceId: "C1", twentyId: id, values: ["jobTitle": "CEO"],
                    before: ["jobTitle": "CTO"])),
        ])
        let state = try ledger.db.query(
            "SELECT \"values\", soft_deleted FROM twenty_records WHERE twenty_id = ?", [.text(id)]
        ) { [$0.string(0) ?? "", "\($0.int(1))"] }
        #expect(state == [[#"{"city":"Oslo","jobTitle":"CEO"}"#, "0"]])
        let inverse = try ledger.db.query("SELECT seq, compensation FROM inverse_stream") {
            "\($0.int(0)) \($0.string(1) ?? "")"
        }
        #expect(
            inverse == [
                #"2 {"action":"update","object":"person","twentyId":"00000000-0000-5000-8000-000000000001","values":{"jobTitle":"CTO"}}"#,
                #"1 {"action":"destroy","object":"person","twentyId":"00000000-0000-5000-8000-000000000001"}"#,
            ])
        try ledger.append([
            .rollbackCompensated(
                RollbackCompensated(
                    compensates: 2,
                    compensation: Compensation(
                        action: .update, object: "person", twentyId: id, values: ["jobTitle": "CTO"]))),
            .rollbackCompensated(
                RollbackCompensated(
                    compensates: 1, compensation: Compensation(action: .destroy, object: "person", twentyId: id))),
        ])
        #expect(try ledger.db.scalar("SELECT count(*) FROM inverse_stream") == .integer(0))
        #expect(try ledger.db.scalar("SELECT count(*) FROM twenty_records") == .integer(0))
    }

    @Test(
        "projections whose cursors are behind are folded forward on open, each from its own cursor, and no other",
        arguments: 1...4)
    func catchUpFoldsEachProjectionFromItsCursor(seed: UInt64) throws {
        let dir = TemporaryDirectory()
        var ledger: Ledger? = try makeLedger(events: 300, seed: seed, in: dir)
        let path = ledger!.path
        let expected = try projectionDump(ledger!.db)
        ledger = nil
        // Source delta starts over, as a projection added by a later migration does; the inverse stream loses its
        // rows after event 150, as if it had stopped there. Folding either from the wrong event shows: the
        // inverse stream's rows are keyed by event (a second insert fails), and intents count settled items.
        let raw = try Database(path: path, mode: .readWrite)
        try raw.execute(
            """
            DELETE FROM snapshots;
            DELETE FROM source_versions;
            UPDATE projection_cursors SET last_seq = 0 WHERE projection = 'source-delta';
            DELETE FROM inverse_actions WHERE seq > 150;
            UPDATE inverse_actions SET compensated_by = NULL WHERE compensated_by > 150;
            UPDATE projection_cursors SET last_seq = 150 WHERE projection = 'inverse-stream';
            """)
        let reopened = try Ledger(path: path, access: .write)
        #expect(try reopened.projectionCursors().values.allSatisfy { $0 == 300 })
        #expect(try projectionDump(reopened.db) == expected)
    }

    @Test(
        "a rebuild gives the source-delta rows the fold at append gave, for records with absences and without",
        arguments: 1...6)
    func rebuiltSourceDeltaEqualsAppendTimeFold(seed: UInt64) throws {
        let dir = TemporaryDirectory()
        let ledger = try Ledger.create(at: dir.path("ledger.sqlite"))
        var random = SplitMix64(seed: seed)
        // Records S-0...S-29 may go missing, S-30...S-99 never do; snapshots and hashes repeat, so later events
        // replace earlier rows of the same snapshot.
        for _ in 0..<60 {
            let events: [LedgerEvent] = (0..<8).map { _ in
                let object = random.next() % 4 == 0 ? "companies" : "contacts"
                let snapshot = Int(random.next() % 3) + 1
                if random.next() % 6 == 0 {
                    return .recordMissing(
                        RecordMissing(snapshot: snapshot, object: object, sourceId: "S-\(random.next() % 30)"))
                }
                return .recordExtracted(
                    RecordExtracted(
                        snapshot: snapshot, object: object, sourceId: "S-\(random.next() % 100)", file: "\(object).csv",
                        line: 2, contentHash: "h\(random.next() % 3)", values: ["Name": "N"]))
            }
            try ledger.append(events)
        }
        let folded = try projectionDump(ledger.db)
        let versions = folded["source_versions"] ?? []
        #expect(versions.contains { $0.contains("|NULL|") }, "some record is recorded absent")
        let ids = versions.compactMap { Int($0.split(separator: "|")[1].dropFirst(2)) }
        #expect(ids.contains { $0 >= 30 } && ids.contains { $0 < 30 }, "records of both kinds")
        let check = try ledger.rebuildProjections(check: true)
        #expect(check.matches, "\(check.differences)")
        try ledger.rebuildProjections(check: false)
        #expect(try projectionDump(ledger.db) == folded)
    }

    @Test("reopening a ledger does not replay it: the projections' cursors are already at the head")
    func reopenDoesNotReplay() throws {
        let dir = TemporaryDirectory()
        var ledger: Ledger? = try makeLedger(events: 100, in: dir)
        let path = ledger!.path
        ledger = nil
        let reopened = try Ledger(path: path, access: .write)
        #expect(try reopened.projectionCursors().values.allSatisfy { $0 == 100 })
    }
}
