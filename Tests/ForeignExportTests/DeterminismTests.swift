import ForeignExport
import Foundation
import Testing

@Suite("Determinism")
struct DeterminismTests {
    @Test("the same style, records and seed give byte-identical files and answer key", arguments: ForeignStyle.allCases)
    func sameSeedSameBytes(style: ForeignStyle) throws {
        let first = try WrittenExport(style: style, seed: 11)
        let second = try WrittenExport(style: style, seed: 11)
        let files = try first.exportFiles() + ["answer-key.json"]
        #expect(try second.exportFiles() + ["answer-key.json"] == files)
        for file in files {
            let a = try Data(contentsOf: first.folder.appendingPathComponent(file))
            let b = try Data(contentsOf: second.folder.appendingPathComponent(file))
            #expect(a == b, "\(style) \(file) differs between two runs with one seed")
        }
    }

    @Test("another seed gives other records", arguments: ForeignStyle.allCases)
    func otherSeedOtherRecords(style: ForeignStyle) throws {
        let first = try WrittenExport(style: style, seed: 11)
        let second = try WrittenExport(style: style, seed: 12)
        let companies = try #require(first.key.files.first { $0.role == "companies" }).path
        #expect(
            try Data(contentsOf: first.folder.appendingPathComponent(companies))
                != Data(contentsOf: second.folder.appendingPathComponent(companies)))
    }

    @Test("the in-memory rendering is what the folder holds")
    func renderMatchesWrite() throws {
        let rendered = try ForeignExportWriter(style: .german, records: 80, seed: 3).render()
        let written = try WrittenExport(style: .german, records: 80, seed: 3)
        for file in rendered.files {
            #expect(Array(try Data(contentsOf: written.folder.appendingPathComponent(file.path))) == file.bytes)
        }
        #expect(rendered.key == written.key)
    }
}
