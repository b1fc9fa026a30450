import AllegoryExport
import CanonicalJSON
import FieldMap
import Foundation
import Ledger
import MigrationEngine
import Testing

/// `export-csv`: files for Twenty's in-app import, read back with the project's own CSV reader.
@Suite("Import files")
struct ImportFileTests {
    static func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("import-files-\(UUID())")
    }

    /// Every data row of a CSV file, cells as read.
    static func rows(_ url: URL) throws -> (header: [String], rows: [[String]]) {
        let reader = try CSVReader(path: url.path)
        var rows: [[String]] = []
        try reader.read { row in
            rows.append(row.values)
            return true
        }
        return (reader.header, rows)
    }

    /// The rig's pending payloads by source object and source id.
    static func pending(_ ledger: Ledger, _ map: FieldMap) throws -> [String: [String: PendingWrite]] {
        var pending: [String: [String: PendingWrite]] = [:]
        for object in map.objects {
            try ledger.forEachPendingWrite(sourceObject: object.source) {
                pending[object.source, default: [:]][$0.sourceId] = $0
            }
        }
        return pending
    }

    @Test("the files re-read by the project's CSV reader give back every transformed value under Twenty's labels")
    func filesRoundTrip() async throws {
        let rig = try await MigrationRig(contacts: 60, clean: true)
        let ledger = try rig.ledger()
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let catalog = TargetCatalog.builtIn(rig.confirmed.map.twenty.version)
        let summary = try ImportFileExport(ledger: ledger, map: rig.confirmed.map, catalog: catalog).write(
            to: directory)
        let pending = try Self.pending(ledger, rig.confirmed.map)

        #expect(!summary.objects.isEmpty)
        for object in summary.objects {
            let file = try #require(object.files.first)
            let (header, rows) = try Self.rows(directory.appendingPathComponent(file.name))
            #expect(rows.count == file.rows && object.files.count == 1)
            // The columns the export chose, recomputed from the same payloads: the file must give back each cell.
            var columns = ImportColumns(
                object: catalog.object(object.target),
                newFields: rig.confirmed.map.objects.filter { $0.target == object.target }.flatMap {
                    $0.fields.compactMap(\.newField)
                })
            let records = object.sourceIds.compactMap { pending[object.sourceObject]?[$0] }
            #expect(records.count == rows.count)
            for record in records { columns.include(record.values) }
            #expect(header == columns.columns.map(\.header))
            for (record, row) in zip(records, rows) {
                #expect(row.map(SpreadsheetCell.original) == columns.row(record.values).map(SpreadsheetCell.original))
                #expect(row.first == record.twentyId, "the Id column comes first and holds the record's UUID")
            }
        }
        let people = try #require(summary.objects.first { $0.target == "person" })
        let peopleHeader = try Self.rows(directory.appendingPathComponent(people.files[0].name)).header
        for label in ["Id", "Name / First Name", "Name / Last Name", "Emails / Primary Email", "Company (ID)"] {
            #expect(peopleHeader.contains(label), "\(label) missing from \(peopleHeader)")
        }
        // Select values are option values, and amounts are in currency units.
        let deals = try #require(summary.objects.first { $0.target == "opportunity" })
        let (dealHeader, dealRows) = try Self.rows(directory.appendingPathComponent(deals.files[0].name))
        // The stage's options: the workspace's own, and those the map adds (prepare creates them).
        let stageMappings = rig.confirmed.map.objects.filter { $0.target == "opportunity" }.flatMap(\.fields)
            .filter { $0.target == "stage" }.flatMap(\.values).map(\.target)
        let options = Set(
            (catalog.object("opportunity")?.field(named: "stage")?.options?.map(\.value) ?? []) + stageMappings)
        let stage = try #require(dealHeader.firstIndex(of: "Stage"))
        #expect(!dealRows.isEmpty)
        for row in dealRows { #expect(row[stage].isEmpty || options.contains(row[stage]), "\(row[stage]) \(options)") }
        let amount = try #require(dealHeader.firstIndex(of: "Amount / Amount"))
        for (id, row) in zip(deals.sourceIds, dealRows) {
            guard let micros = pending[deals.sourceObject]?[id]?.values["amount"]?["amountMicros"]?.numberValue
            else { continue }
            #expect(Double(row[amount]) == micros / 1_000_000)
        }
    }

    @Test("files come in import order: companies, people, opportunities, then tasks and notes")
    func filesInImportOrder() async throws {
        let rig = try await MigrationRig(contacts: 30, clean: true)
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let summary = try ImportFileExport(
            ledger: try rig.ledger(), map: rig.confirmed.map, catalog: .builtIn(rig.confirmed.map.twenty.version)
        ).write(to: directory)
        let targets = summary.objects.map(\.target)
        let order = ["company", "person", "opportunity", "task", "note"].compactMap { targets.firstIndex(of: $0) }
        #expect(order.count == 5 && order == order.sorted(), "\(targets)")
        let readme = try String(contentsOf: directory.appendingPathComponent("README-import.md"), encoding: .utf8)
        let positions = summary.objects.compactMap { readme.range(of: "`\($0.files[0].name)`")?.lowerBound }
        #expect(positions.count == summary.objects.count && positions == positions.sorted())
    }

    @Test("every transformed record not yet written is in exactly one file or named in the README as left behind")
    func everyRecordAccountedFor() async throws {
        let rig = try await MigrationRig(contacts: 40, clean: true)
        let ledger = try rig.ledger()
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var export = ImportFileExport(
            ledger: ledger, map: rig.confirmed.map, catalog: .builtIn(rig.confirmed.map.twenty.version))
        export.rowsPerFile = 7
        let summary = try export.write(to: directory)
        let readme = try String(contentsOf: directory.appendingPathComponent("README-import.md"), encoding: .utf8)
        let pending = try Self.pending(ledger, rig.confirmed.map)
        #expect(!summary.leftBehind.isEmpty, "the generated export has attachments")

        for (sourceObject, records) in pending {
            var inFiles: [String] = []
            for object in summary.objects where object.sourceObject == sourceObject {
                #expect(object.files.allSatisfy { $0.rows <= 7 })
                for file in object.files {
                    let (header, rows) = try Self.rows(directory.appendingPathComponent(file.name))
                    #expect(header.first == "Id")
                    inFiles += rows.map { $0[0] }
                }
            }
            let leftBehind = summary.leftBehind.filter { $0.sourceObject == sourceObject }.flatMap(\.sourceIds)
            for id in leftBehind { #expect(readme.contains("`\(id)`")) }
            let filed = Set(inFiles)
            #expect(filed.count == inFiles.count, "a record in two rows of \(sourceObject)")
            #expect(filed.isDisjoint(with: leftBehind.compactMap { records[$0]?.twentyId }))
            #expect(
                filed.union(leftBehind.compactMap { records[$0]?.twentyId })
                    == Set(records.values.compactMap(\.twentyId)),
                "\(sourceObject)")
        }
    }

    @Test("a cell starting with = + - @ tab or CR gets one leading space, reads back as written, and maps back")
    func formulaNeutralisation() throws {
        let directory = Self.temporaryDirectory()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let values = ["=HYPERLINK(\"http://x\")", "+33 1 23 45 67 89", "-5", "@SUM(A1)", "\tcmd", "\rcmd", " =1+1"]
        var writer = ImportFileWriter(directory: directory, stem: "cells", header: ["value", "plain"])
        for value in values {
            let cell = SpreadsheetCell.neutralised(value)
            #expect(cell == " " + value)
            #expect(cell.first == " " && !"=+-@\t\r".contains(cell.first!))
            #expect(SpreadsheetCell.original(cell) == value)
            try writer.append([cell, "Ada, \"the\" first"])
        }
        try writer.finish()
        let (_, rows) = try Self.rows(directory.appendingPathComponent("cells-1.csv"))
        #expect(rows.map { SpreadsheetCell.original($0[0]) } == values)
        #expect(rows.allSatisfy { $0[1] == "Ada, \"the\" first" })
        for plain in ["Ada", "42", "a=b", " Ada", ""] {
            #expect(SpreadsheetCell.neutralised(plain) == plain && SpreadsheetCell.original(plain) == plain)
        }
    }

    @Test("rows past 10,000 go to the next file, each file with the header")
    func tenThousandRowSplit() throws {
        let directory = Self.temporaryDirectory()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var writer = ImportFileWriter(directory: directory, stem: "companies", header: ["Id", "Name"])
        for index in 0..<20_001 { try writer.append([String(index), "Company \(index)"]) }
        try writer.finish()
        #expect(writer.files.map(\.name) == ["companies-1.csv", "companies-2.csv", "companies-3.csv"])
        #expect(writer.files.map(\.rows) == [10_000, 10_000, 1])
        var all: [String] = []
        for file in writer.files {
            let (header, rows) = try Self.rows(directory.appendingPathComponent(file.name))
            #expect(header == ["Id", "Name"] && rows.count == file.rows)
            all += rows.map { $0[0] }
        }
        #expect(all == (0..<20_001).map(String.init))
    }
}
