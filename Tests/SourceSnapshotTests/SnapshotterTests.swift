import AllegoryExport
import Foundation
import Ledger
import Testing

@testable import SourceSnapshot

/// An export folder in a temporary directory, and a ledger beside it.
final class ExportFixture {
    let root: URL
    let ledger: Ledger

    init(_ files: [String: String]) throws {
        root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
            "snapshot-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("export"), withIntermediateDirectories: true)
        ledger = try Ledger.create(at: root.appendingPathComponent("ledger.sqlite").path)
        try write(files)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func write(_ files: [String: String]) throws {
        for (path, text) in files {
            let url = root.appendingPathComponent("export").appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    func snapshot() throws -> SnapshotCompleted {
        try Snapshotter(ledger: ledger, layout: try ExportLayout(root: root.appendingPathComponent("export"))).run()
    }

    func events(_ type: String) throws -> [StoredEvent] {
        var events: [StoredEvent] = []
        try ledger.events(matching: EventFilter(type: type)) { events.append($0) }
        return events
    }
}

@Suite("Snapshot")
struct SnapshotterTests {
    let contacts =
        "Contact ID,First Name,Email,Company ID\nC1,Ada,ada@x.com,CO1\nC2,Grace,grace@x.com,CO1\nC3,Alan,alan@x.com,CO2\n"

    @Test("the first snapshot extracts every record with its file, line, values and a content hash")
    func firstSnapshot() throws {
        let fixture = try ExportFixture([
            "contacts.csv": contacts, "companies.csv": "Company ID,Company Name\nCO1,Acme\n",
        ])
        let completed = try fixture.snapshot()
        #expect(completed.snapshot == 1)
        #expect(completed.extracted == 4)
        #expect(completed.files.map(\.path) == ["companies.csv", "contacts.csv"])
        let extracted = try fixture.events("record.extracted")
        #expect(extracted.map(\.sourceId) == ["CO1", "C1", "C2", "C3"])
        guard case .recordExtracted(let ada) = try extracted[1].decoded() else { Issue.record("not extracted"); return }
        #expect(ada.file == "contacts.csv")
        #expect(ada.line == 2)
        #expect(ada.values == ["Contact ID": "C1", "First Name": "Ada", "Email": "ada@x.com", "Company ID": "CO1"])
        let taken = try fixture.events("snapshot.taken")
        #expect(taken.count == 1)
        #expect(taken[0].payload.contains(#""path":"contacts.csv""#))
    }

    @Test("a second snapshot of an unchanged export adds no record events, even with its columns reordered")
    func unchangedSnapshot() throws {
        let fixture = try ExportFixture(["contacts.csv": contacts])
        _ = try fixture.snapshot()
        try fixture.write([
            "contacts.csv":
                "Email,Contact ID,Company ID,First Name\r\nada@x.com,C1,CO1,Ada\r\ngrace@x.com,C2,CO1,Grace\r\nalan@x.com,C3,CO2,Alan\r\n"
        ])
        let second = try fixture.snapshot()
        #expect(second.snapshot == 2)
        #expect(second.extracted == 0)
        #expect(second.unchanged == 3)
        #expect(try fixture.events("record.extracted").count == 3)
        #expect(try fixture.ledger.delta(from: 1, to: 2) == SourceDelta())
    }

    @Test("changed, added and removed records are extracted or marked missing, and the delta says which")
    func changes() throws {
        let fixture = try ExportFixture(["contacts.csv": contacts])
        _ = try fixture.snapshot()
        try fixture.write([
            "contacts.csv":
                "Contact ID,First Name,Email,Company ID\nC1,Ada,ada@x.com,CO1\nC3,Alan,alan.turing@x.com,CO2\nC4,Edsger,ed@x.com,CO2\n"
        ])
        let second = try fixture.snapshot()
        #expect(second.extracted == 2)
        #expect(second.unchanged == 1)
        #expect(second.missing == 1)
        let delta = try fixture.ledger.delta(from: 1, to: 2)
        #expect(delta.added.map(\.sourceId) == ["C4"])
        #expect(delta.changed.map(\.sourceId) == ["C3"])
        #expect(delta.removed.map(\.sourceId) == ["C2"])
        // C2 coming back is new again.
        try fixture.write(["contacts.csv": contacts])
        let third = try fixture.snapshot()
        #expect(try fixture.ledger.delta(from: 2, to: 3).added.map(\.sourceId) == ["C2"])
        #expect(third.missing == 1)
    }

    @Test("every record read is extracted or unchanged, and reader findings become events with their lines")
    func conservationAndFindings() throws {
        let fixture = try ExportFixture([
            "contacts.csv":
                "Allegory export\nContact ID,First Name,Email\nC1,Ada\n,Nameless,n@x.com\nC3,Alan,a@x.com,extra\nC4,\"open"
        ])
        let completed = try fixture.snapshot()
        let file = try #require(completed.files.first)
        #expect(file.records == file.extracted + file.unchanged)
        #expect(file.records == 3)
        let findings = try fixture.events("source.finding").map { try $0.decoded() }.compactMap { event -> String? in
            if case .sourceFinding(let f) = event { return "\(f.kind)@\(f.line)" }
            return nil
        }
        #expect(findings == ["banner-line@1", "ragged-row@3", "ragged-row@5", "unterminated-quote@6"])
        let ids = try fixture.events("record.extracted").compactMap(\.sourceId)
        #expect(ids == ["C1", "@line-4", "C3"])
    }

    @Test("records sharing an id keep distinct identities, so an unchanged export adds no events the second time")
    func duplicateIds() throws {
        let fixture = try ExportFixture([
            "contacts.csv": "Contact ID,Name\nC1,Ada\nC1,Ada Lovelace\nC2,Grace\nC1,Third\n"
        ])
        _ = try fixture.snapshot()
        // The three records of C1 are told apart by content, not order: C2 first, then the C1 group at the end.
        let ids = try fixture.events("record.extracted").compactMap(\.sourceId)
        #expect(ids.first == "C2" && Set(ids) == ["C1", "C1#2", "C1#3", "C2"])
        let duplicates = try fixture.events("source.finding").map { try $0.decoded() }.compactMap { event -> Int? in
            if case .sourceFinding(let f) = event, f.kind == "duplicate-id" { return f.line }
            return nil
        }
        #expect(duplicates.sorted() == [3, 5])
        let second = try fixture.snapshot()
        #expect(second.extracted == 0)
        #expect(second.unchanged == 4)
    }

    @Test(
        "a duplicate of an id that appears in a later export becomes id#2, and the record snapshotted before keeps its id whatever their content order"
    )
    func laterDuplicateKeepsTheEarlierIdentity() throws {
        let original = ["Contact ID": "C1", "Name": "Ada"]
        let originalHash = EventHash.sha256Hex(Data(Snapshotter.canonicalBytes(original)))
        // A newcomer whose content sorts before the original's: ordered by content alone, it would take C1.
        let newcomer = try #require(
            (0..<64).lazy.map { "Ada \($0)" }.first { name in
                EventHash.sha256Hex(Data(Snapshotter.canonicalBytes(["Contact ID": "C1", "Name": name]))) < originalHash
            })
        let fixture = try ExportFixture(["contacts.csv": "Contact ID,Name\nC1,Ada\nC2,Grace\n"])
        _ = try fixture.snapshot()
        try fixture.write(["contacts.csv": "Contact ID,Name\nC1,Ada\nC2,Grace\nC1,\(newcomer)\n"])

        let second = try fixture.snapshot()

        #expect(second.unchanged == 2)
        let extracted = try fixture.events("record.extracted").compactMap { try $0.decoded() }.compactMap {
            event -> (String, Int64)? in
            if case .recordExtracted(let record) = event { return (record.sourceId ?? "", Int64(record.snapshot)) }
            return nil
        }
        #expect(extracted.filter { $0.1 == 2 }.map(\.0) == ["C1#2"])
    }

    @Test("a many-to-many link file is keyed by its pair of ids, and a JSON file by its id member")
    func linksAndJSON() throws {
        let fixture = try ExportFixture([
            "relationships/projects__contacts.csv": "Project ID,Contact ID,Role\nP1,C1,Lead\nP1,C2,Member\n",
            "workflows.json": #"[{"id": "W1", "name": "Welcome"}, {"id": "W2", "name": "Nurture"}]"#,
        ])
        _ = try fixture.snapshot()
        let ids = try fixture.events("record.extracted").compactMap(\.sourceId)
        #expect(ids == ["W1", "W2", "P1|C1", "P1|C2"])
    }
}
