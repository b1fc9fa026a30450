import AllegoryExport
import CanonicalJSON
import Foundation
import Ledger
import Testing

@testable import SourceSnapshot

@Suite("Canonical JSON of a CSV row")
struct CanonicalRowWriterTests {
    /// Every row of the CSV file `bytes` as the row writer writes it, beside the canonical JSON of the same values
    /// in a dictionary (the way the snapshot wrote it before, and still does for a row with extra cells).
    func bothWays(_ bytes: [UInt8], encoding: TextEncoding? = nil) throws -> [(fast: String, dictionary: String)] {
        let path = NSTemporaryDirectory() + "row-writer-\(UUID().uuidString).csv"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = try CSVReader(path: path, encoding: encoding)
        let writer = CanonicalRowWriter(header: reader.header)
        var rows: [(String, String)] = []
        try reader.read { row in
            let values = Dictionary(uniqueKeysWithValues: reader.header.indices.map { (reader.header[$0], row[$0]) })
            rows.append(
                (
                    String(decoding: writer.canonical(row), as: UTF8.self),
                    String(decoding: Snapshotter.canonicalBytes(values), as: UTF8.self)
                ))
            return true
        }
        return rows
    }

    @Test("tricky cells give the same bytes as the dictionary's canonical JSON: unicode, quotes, newlines, empties")
    func trickyCells() throws {
        let csv =
            "Zeta,É,E,émoji 😀,\"Quote \"\"q\"\"\",back\\slash,a,A,\n"
            + "1,\"line\nbreak\",\"crlf\r\nbreak\",😀 é ß,\"say \"\"hi\"\"\",c:\\path,\ttab,\u{1}ctl,\n"
            + ",,,,,,,,\n"
            + "short,row\n"
            + "\"\",\" spaced \",ünïcödé,日本語,\\\",\"\"\"\",/,\u{7F},x\n"
        let rows = try bothWays(Array(csv.utf8))
        #expect(rows.count == 4)
        for row in rows { #expect(row.fast == row.dictionary) }
        #expect(rows[0].fast.contains(#""Quote \"q\"":"say \"hi\"""#))
        #expect(rows[0].fast.contains(#""É":"line\nbreak""#))
    }

    @Test("bytes that are not UTF-8 are written as the text the reader made of them")
    func notUTF8() throws {
        // A UTF-8 file with a stray Windows-1252 byte (read as that code page) and a NUL byte (dropped).
        var bytes = Array("Contact ID,Name,City\nC1,Ada,".utf8)
        bytes += [0x4D, 0xFC, 0x6E, 0x63, 0x68, 0x65, 0x6E]  // "München" with a Latin-1 ü
        bytes += Array("\nC2,Gr\u{0}ace,Zürich\n".utf8)
        let rows = try bothWays(bytes, encoding: .utf8)
        #expect(rows.count == 2)
        for row in rows { #expect(row.fast == row.dictionary) }
        #expect(rows[0].fast.contains("München"))
        #expect(rows[1].fast.contains(#""Name":"Grace""#))
        // A whole file in a legacy code page, converted to UTF-8 as it is read.
        let legacy = try bothWays(
            [0x4E, 0x61, 0x6D, 0x65, 0x0A, 0x47, 0x72, 0xFC, 0xDF, 0x80, 0x0A], encoding: .windows1252)
        #expect(legacy.map(\.fast) == [#"{"Name":"Grüß€"}"#])
        #expect(legacy.map(\.fast) == legacy.map(\.dictionary))
    }

    @Test("a record built from its canonical values reads back those values and appends the same payload")
    func recordFromCanonicalValues() throws {
        let values = ["Name": "Ada \"the\" first", "É": "line\nbreak", "": ""]
        let canonical = Snapshotter.canonicalBytes(values)
        let fromCanonical = RecordExtracted(
            snapshot: 1, object: "contacts", sourceId: "C1", file: "contacts.csv", line: 2, contentHash: "h",
            canonicalValues: canonical)
        let fromValues = RecordExtracted(
            snapshot: 1, object: "contacts", sourceId: "C1", file: "contacts.csv", line: 2, contentHash: "h",
            values: values)
        #expect(fromCanonical.values == values)
        #expect(fromCanonical == fromValues)
        #expect(
            try CanonicalJSONEncoder().encode(fromCanonical)
                == CanonicalJSONEncoder(usesHandWrittenForms: false).encode(fromValues))
    }
}
