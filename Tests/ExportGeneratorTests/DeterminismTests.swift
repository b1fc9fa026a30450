import ExportGenerator
import Foundation
import Testing

@Suite("Generation is deterministic")
struct DeterminismTests {
    @Test("the same seed and size write byte-identical files")
    func sameSeedSameBytes() throws {
        let first = try GeneratedExport(contacts: 600, seed: 42)
        let second = try GeneratedExport(contacts: 600, seed: 42)
        let files = try first.allFiles()
        #expect(try second.allFiles() == files)
        #expect(files.contains("contacts.csv") && files.contains("planted-defects.json"))
        for file in files {
            #expect(try first.bytes(file) == second.bytes(file), "\(file) differs between two runs")
        }
    }

    @Test("a different seed writes a different contacts.csv")
    func differentSeedDifferentContacts() throws {
        let first = try GeneratedExport(contacts: 300, seed: 1, clean: true)
        let second = try GeneratedExport(contacts: 300, seed: 2, clean: true)
        #expect(try first.bytes("contacts.csv") != second.bytes("contacts.csv"))
    }

    @Test("generating again into an earlier generated export replaces it")
    func regenerateReplaces() throws {
        let export = try GeneratedExport(contacts: 300, seed: 3)
        let summary = try ExportGenerator(contacts: 200, seed: 3, clean: true).write(to: export.url)
        #expect(summary.defects.isEmpty)
        #expect(try TestTable(export.file("contacts.csv")).rows.count == 200)
    }

    @Test("a directory holding other files is refused")
    func foreignDirectoryRefused() throws {
        let directory = TemporaryDirectory()
        try FileManager.default.createDirectory(at: directory.url, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: directory.url.appendingPathComponent("notes.txt"))
        #expect(throws: (any Error).self) {
            try ExportGenerator(contacts: 200, seed: 3, clean: true).write(to: directory.url)
        }
        #expect(FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("notes.txt").path))
    }
}
