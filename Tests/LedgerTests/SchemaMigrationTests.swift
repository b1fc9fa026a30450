import Foundation
import SQLite
import Testing

@testable import Ledger

@Suite("Schema migrations")
struct SchemaMigrationTests {
    /// Written by crm-migrate when the schema had only 0001 (`crm-migrate init` + `ledger-bench append --events
    /// 240 --batch 60 --seed 42`); never regenerate it.
    let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/ledger-0001.sqlite")
    let fixtureHead = Ledger.Head(seq: 241, hash: "57ac9b6e39141d57536a8a3199dc6995ee95248c058b6e343596fa6df0600e58")

    private func copyOfFixture(_ dir: TemporaryDirectory) throws -> String {
        let path = dir.path("ledger.sqlite")
        try FileManager.default.copyItem(atPath: fixture.path, toPath: path)
        return path
    }

    @Test("a ledger written by the first schema version opens, migrates and verifies")
    func firstVersionOpensMigratesVerifies() throws {
        let dir = TemporaryDirectory()
        let path = try copyOfFixture(dir)
        #expect(try SchemaMigrator.applied(Database(path: path, mode: .readOnly)) == ["0001_events_and_projections"])

        let ledger = try Ledger(path: path, access: .write)
        #expect(try SchemaMigrator.applied(ledger.db) == SchemaMigrator.migrations.map(\.name))
        let report = try ledger.verify()
        #expect(report.isIntact)
        #expect(report.head == fixtureHead)
        // The projection added by 0002 was folded from the old events when the ledger opened.
        #expect(try ledger.projectionCursors()["source-delta"] == 241)
        #expect(try ledger.projectionCursors()["intents"] == 241)
        #expect(try ledger.projectionCursors()["conservation"] == 241)
        #expect(try ledger.db.scalar("SELECT count(*) FROM source_versions") == .integer(120))
        #expect(try ledger.rebuildProjections(check: true).matches)
        // And it goes on appending to the same chain.
        try ledger.append([.runStarted(RunStarted(command: "test", mode: "full"))])
        #expect(try ledger.verify().eventsChecked == 242)
    }

    @Test("opening an old ledger only to read it never writes to it, and still reads every projection")
    func readerNeverWrites() throws {
        let dir = TemporaryDirectory()
        let path = try copyOfFixture(dir)
        let bytesBefore = try Data(contentsOf: URL(fileURLWithPath: path))
        do {
            let reader = try Ledger(path: path, access: .read)
            #expect(reader.head == fixtureHead)
            #expect(try reader.delta(from: 0, to: 1).added.count == 120)
            #expect(try reader.intentsInDoubt().count >= 0)
            #expect(try reader.verify().isIntact)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytesBefore)
        #expect(!FileManager.default.fileExists(atPath: Ledger.lockPath(for: path)))
        #expect(try SchemaMigrator.applied(Database(path: path, mode: .readOnly)) == ["0001_events_and_projections"])
    }

    @Test("a reader of a read-only ledger file from an earlier version still reads it")
    func readOnlyFileReads() throws {
        let dir = TemporaryDirectory()
        let path = try copyOfFixture(dir)
        try FileManager.default.setAttributes([.posixPermissions: 0o400], ofItemAtPath: path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path) }
        let reader = try Ledger(path: path, access: .read)
        #expect(reader.head == fixtureHead)
    }

    @Test("a ledger from a newer version, with a migration this one does not know, is refused by name")
    func newerSchemaRefused() throws {
        let dir = TemporaryDirectory()
        let path = try copyOfFixture(dir)
        let raw = try Database(path: path, mode: .readWrite)
        try raw.execute("INSERT INTO schema_migrations VALUES ('9999_from_the_future', 'later')")
        #expect {
            _ = try Ledger(path: path, access: .write)
        } throws: { "\($0)".contains("9999_from_the_future") }
    }
}

@Suite("Source delta")
struct SourceDeltaTests {
    private func extracted(_ snapshot: Int, _ id: String, _ hash: String) -> LedgerEvent {
        .recordExtracted(
            RecordExtracted(
                snapshot: snapshot, object: "contacts", sourceId: id, file: "contacts.csv", line: 2, contentHash: hash,
                values: [:]))
    }

    @Test("the delta between two snapshots lists added, changed and removed records, and nothing unchanged")
    func deltaBetweenSnapshots() throws {
        let dir = TemporaryDirectory()
        let ledger = try makeLedger(in: dir)
        try ledger.append([
            .snapshotTaken(SnapshotTaken(snapshot: 1, exportPath: "/e1", files: [])),
            extracted(1, "A", "h1"), extracted(1, "B", "h2"), extracted(1, "C", "h3"),
            .snapshotCompleted(SnapshotCompleted(snapshot: 1, extracted: 3, unchanged: 0, missing: 0)),
            .snapshotTaken(SnapshotTaken(snapshot: 2, exportPath: "/e2", files: [])),
            extracted(2, "A", "h1"), extracted(2, "B", "h2-changed"), extracted(2, "D", "h4"),
            .recordMissing(RecordMissing(snapshot: 2, object: "contacts", sourceId: "C")),
            .snapshotCompleted(SnapshotCompleted(snapshot: 2, extracted: 2, unchanged: 1, missing: 1)),
        ])
        let delta = try ledger.delta(from: 1, to: 2)
        #expect(delta.added.map(\.sourceId) == ["D"])
        #expect(delta.changed.map(\.sourceId) == ["B"])
        #expect(delta.removed.map(\.sourceId) == ["C"])
        #expect(try ledger.delta(from: 2, to: 2) == SourceDelta())
        #expect(try ledger.delta(from: 0, to: 2).added.map(\.sourceId) == ["A", "B", "D"])
        // A, B, C; then A again (same hash: a row, but no delta), B changed, D, C missing.
        #expect(try ledger.db.scalar("SELECT count(*) FROM source_versions") == .integer(7))
        #expect(try ledger.rebuildProjections(check: true).matches)
    }
}
