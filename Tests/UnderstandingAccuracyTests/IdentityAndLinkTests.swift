import AllegoryExport
import ExportUnderstanding
import FieldMap
import ForeignExport
import Foundation
import Ledger
import RecordTransform
import SourceSnapshot
import Testing

/// A foreign export snapshotted into a fresh ledger.
final class SnapshottedForeignExport {
    let root: URL
    let export: URL
    let ledger: Ledger
    let key: AnswerKey
    var understanding: ExportUnderstanding!

    init(_ style: ForeignStyle, records: Int = 120, seed: UInt64 = 5) throws {
        root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("identity-\(UUID().uuidString)")
        export = root.appendingPathComponent("export")
        key = try ForeignExportWriter(style: style, records: records, seed: seed).write(to: export)
        ledger = try Ledger.create(at: root.appendingPathComponent("ledger.sqlite").path)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    @discardableResult
    func snapshot() throws -> SnapshotCompleted {
        let snapshotter = Snapshotter(ledger: ledger, layout: try ExportLayout(root: export))
        let completed = try snapshotter.run()
        understanding = snapshotter.understanding
        return completed
    }

    /// Rewrites every CSV file with its records in reverse order (header and title lines kept first).
    func reverseRecords() throws {
        for truth in key.files where truth.path.hasSuffix(".csv") {
            let url = export.appendingPathComponent(truth.path)
            let data = try Data(contentsOf: url)
            let records = try CSVRecordSplitter.records(data)
            var reversed = Data(records.head)
            for record in records.body.reversed() { reversed.append(contentsOf: record) }
            try reversed.write(to: url)
        }
    }
}

/// Splits CSV bytes into its header line and one byte range per record, quotes respected (a quoted cell may hold
/// line breaks): enough to reorder a file's records without changing a byte of any of them.
enum CSVRecordSplitter {
    static func records(_ data: Data) throws -> (head: [UInt8], body: [[UInt8]]) {
        let bytes = [UInt8](data)
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        var quoted = false
        for byte in bytes {
            current.append(byte)
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if byte == UInt8(ascii: "\n"), !quoted {
                lines.append(current)
                current = []
            }
        }
        if !current.isEmpty {
            // The last record without a line break gets the file's own line ending, so it can move.
            let ending: [UInt8] = lines.first.map { $0.suffix(2) == [13, 10] ? [13, 10] : [10] } ?? [10]
            lines.append(current + ending)
        }
        guard let head = lines.first else { return ([], []) }
        return (head, Array(lines.dropFirst()))
    }
}

@Suite("Identity and links on foreign exports")
struct IdentityAndLinkTests {
    @Test("source ids are the key column's values in every file that has one", arguments: ForeignStyle.allCases)
    func sourceIdsAreKeyValues(style: ForeignStyle) throws {
        let fixture = try SnapshottedForeignExport(style)
        try fixture.snapshot()
        for file in fixture.understanding.files where file.keyKind == .id && file.keyColumns.count == 1 {
            var checked = 0
            try fixture.ledger.forEachCurrentRecord(object: file.object) { record in
                let value = (record.values[file.keyColumns[0]] ?? "").trimmingWhitespace
                let base = record.sourceId.split(separator: "#").first.map(String.init) ?? record.sourceId
                #expect(base == value, "\(file.path) line \(record.line): \(record.sourceId) is not \(value)")
                checked += 1
            }
            #expect(checked == file.records, "\(file.path)")
        }
    }

    @Test(
        "a reordered export snapshots to no changes: identities do not depend on lines",
        arguments: ForeignStyle.allCases)
    func reorderedExportHasNoChanges(style: ForeignStyle) throws {
        let fixture = try SnapshottedForeignExport(style)
        let first = try fixture.snapshot()
        #expect(first.extracted > 0)
        try fixture.reverseRecords()
        let second = try fixture.snapshot()
        #expect(second.extracted == 0, "\(second.files.filter { $0.extracted > 0 }.map(\.path))")
        #expect(second.missing == 0)
        #expect(second.unchanged == first.extracted)
    }

    @Test(
        "every link on a record to write is written or recorded as a link.unresolved event",
        arguments: ForeignStyle.allCases)
    func noLinkLostWithoutAnEvent(style: ForeignStyle) throws {
        let fixture = try SnapshottedForeignExport(style)
        try fixture.snapshot()
        let layout = try ExportLayout(root: fixture.export)
        let map = try MapProposer(layout: layout, catalog: .builtIn(), understanding: fixture.understanding).propose()
            .map
        let context = try TransformContext(projectId: "p", map: map)
        let summary = try TransformRun(ledger: fixture.ledger, map: map, mapSha256: "test", context: context).run()
        #expect(summary.balances)
        var events = 0
        try fixture.ledger.events(matching: EventFilter(type: EventType.linkUnresolved.rawValue)) { _ in events += 1 }
        #expect(events == summary.unresolvedLinks.values.reduce(0, +))
        // Every reference cell of every transformed record: written, or unresolved with an event.
        var cells = 0
        for object in map.objects {
            let columns = object.fields.filter {
                $0.transform == .reference && $0.references.map { map.object(source: $0) != nil } == true
            }
            guard !columns.isEmpty else { continue }
            var outcomes: [String: Bool] = [:]
            try fixture.ledger.events(
                matching: EventFilter(type: EventType.recordTransformed.rawValue, object: object.source)
            ) { event in
                if let id = event.sourceId { outcomes[id] = true }
            }
            try fixture.ledger.forEachCurrentRecord(object: object.source) { record in
                guard outcomes[record.sourceId] == true else { return }
                for column in columns where !(record.values[column.column] ?? "").trimmingWhitespace.isEmpty {
                    cells += 1
                }
            }
        }
        let droppedOnWritten = summary.droppedLinks.values.reduce(0, +)
        #expect(summary.linksWritten + droppedOnWritten == cells)
    }
}
