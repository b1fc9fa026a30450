import Foundation
import Testing

@testable import AllegoryExport

@Suite("JSON record reader")
struct JSONRecordReaderTests {
    private func read(_ text: String, chunkSize: Int = 1 << 20) throws -> (JSONRecordReader, [JSONRecordReader.Record])
    {
        let fixture = try CSVFixture(text, name: "records.json")
        defer { try? FileManager.default.removeItem(at: fixture.url.deletingLastPathComponent()) }
        let reader = JSONRecordReader(path: fixture.url.path, fileName: "records.json", chunkSize: chunkSize)
        var records: [JSONRecordReader.Record] = []
        try reader.read {
            records.append($0)
            return true
        }
        return (reader, records)
    }

    @Test(
        "a top-level array of objects is read record by record, values as text, members in written order",
        arguments: [1, 5, 1 << 20])
    func array(chunkSize: Int) throws {
        let text = """
            [
              {"id": "W1", "name": "Welcome, \\"new\\" lead", "active": true, "delay": 2.5, "steps": [1, {"a": "]"}]},
              {"id": "W2", "name": null, "active": false, "count": 3}
            ]
            """
        let (reader, records) = try read(text, chunkSize: chunkSize)
        #expect(reader.layout == .array)
        #expect(records.count == 2)
        #expect(records[0].fields.map(\.name) == ["id", "name", "active", "delay", "steps"])
        #expect(records[0].fields.map(\.value) == ["W1", "Welcome, \"new\" lead", "true", "2.5", #"[1,{"a":"]"}]"#])
        #expect(records[1].fields.map(\.value) == ["W2", "", "false", "3"])
        #expect(records.map(\.line) == [2, 3])
        #expect(reader.findings.isEmpty)
    }

    @Test("NDJSON is read line by line, and a bad line is reported and skipped")
    func ndjson() throws {
        let (reader, records) = try read(
            "{\"id\": 1}\n{\"id\": 2, broken\n\n{\"id\": 3}\n[1]\n{\"id\": 4}", chunkSize: 4)
        #expect(reader.layout == .ndjson)
        #expect(records.map { $0.fields.first?.value } == ["1", "3", "4"])
        #expect(records.map(\.line) == [1, 4, 6])
        #expect(reader.findings.map(\.kind) == [.invalidJSON, .invalidJSON])
        #expect(reader.findings.map(\.line) == [2, 5])
    }

    @Test("one object holding an array of records is read as those records")
    func wrappedArray() throws {
        let (reader, records) = try read(
            "{\"exportedAt\": \"2026-06-30\",\n \"workflows\": [{\"id\": \"A\"}, {\"id\": \"B\"}]}")
        #expect(reader.layout == .wrappedArray)
        #expect(records.map { $0.fields.first?.value } == ["A", "B"])
    }

    @Test("an array element that is not an object, and an unclosed array, are findings")
    func arrayProblems() throws {
        let (reader, records) = try read("[{\"id\": 1}, 42, \"x\", {\"id\": 2}")
        #expect(records.count == 2)
        #expect(reader.findings.map(\.kind) == [.invalidJSON, .invalidJSON, .invalidJSON])
    }

    @Test("an empty file is a finding")
    func empty() throws {
        let (reader, records) = try read("  \n ")
        #expect(records.isEmpty)
        #expect(reader.findings.map(\.kind) == [.emptyFile])
    }
}
