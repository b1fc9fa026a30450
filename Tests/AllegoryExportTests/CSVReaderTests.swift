import Foundation
import Testing

@testable import AllegoryExport

/// Writes `bytes` to a temporary file and reads it back with the CSV reader.
struct CSVFixture {
    let url: URL

    init(_ bytes: [UInt8], name: String = "sample.csv") throws {
        let directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
            "csv-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
    }

    init(_ text: String, name: String = "sample.csv") throws { try self.init(Array(text.utf8), name: name) }

    func read(chunkSize: Int = 1 << 20, encoding: TextEncoding? = nil) throws
        -> (reader: CSVReader, rows: [(line: Int, values: [String], extra: [String])])
    {
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let reader = try CSVReader(
            path: url.path, fileName: url.lastPathComponent, encoding: encoding, chunkSize: chunkSize)
        var rows: [(line: Int, values: [String], extra: [String])] = []
        try reader.read { row in
            rows.append((row.line, row.values, row.extraCells))
            return true
        }
        return (reader, rows)
    }
}

@Suite("CSV reader: RFC 4180 and line ends")
struct CSVSyntaxTests {
    @Test("quoted cells keep delimiters, doubled quotes and line breaks, and records report their first line")
    func quoting() throws {
        let text =
            "Id,Note,Count\r\n1,\"a, b\",2\r\n2,\"say \"\"hi\"\"\",3\r\n3,\"line one\r\nline two\nline three\",4\r\n4,plain,5\r\n"
        let (reader, rows) = try CSVFixture(text).read()
        #expect(reader.header == ["Id", "Note", "Count"])
        #expect(
            rows.map(\.values) == [
                ["1", "a, b", "2"], ["2", "say \"hi\"", "3"], ["3", "line one\r\nline two\nline three", "4"],
                ["4", "plain", "5"],
            ])
        #expect(rows.map(\.line) == [2, 3, 4, 7])
        #expect(reader.findings.isEmpty)
    }

    @Test("LF, CR and CRLF line ends, mixed, each end one line", arguments: ["\n", "\r", "\r\n"])
    func lineEnds(end: String) throws {
        let text = "A,B" + end + "1,2" + end + "3,4" + end + "\"x" + end + "y\",5"
        let (_, rows) = try CSVFixture(text).read()
        #expect(rows.map(\.values) == [["1", "2"], ["3", "4"], ["x" + end + "y", "5"]])
        #expect(rows.map(\.line) == [2, 3, 4])
    }

    @Test("records that span many small chunks read the same as in one chunk")
    func chunkBoundaries() throws {
        let text =
            "Id,Body\n" + (1...200).map { "\($0),\"quoted, with \"\" and\r\nbreak \($0)\"" }.joined(separator: "\r\n")
            + "\n"
        let whole = try CSVFixture(text).read().rows
        for chunkSize in [1, 2, 3, 7, 64] {
            let pieces = try CSVFixture(text).read(chunkSize: chunkSize).rows
            #expect(pieces.map(\.values) == whole.map(\.values))
            #expect(pieces.map(\.line) == whole.map(\.line))
        }
        #expect(whole.count == 200)
        #expect(whole.last?.line == 2 + 199 * 2)
    }

    @Test("blank lines carry no record")
    func blankLines() throws {
        let (_, rows) = try CSVFixture("A,B\n\n1,2\n\n\n3,4\n\n").read()
        #expect(rows.map(\.values) == [["1", "2"], ["3", "4"]])
        #expect(rows.map(\.line) == [3, 6])
    }
}

@Suite("CSV reader: encodings and dialects")
struct CSVDialectTests {
    @Test("a UTF-8 byte order mark is not part of the first header")
    func utf8BOM() throws {
        let (reader, rows) = try CSVFixture([0xEF, 0xBB, 0xBF] + Array("Name,City\nZoë,Zürich\n".utf8)).read()
        #expect(reader.dialect.encoding == .utf8WithBOM)
        #expect(reader.header == ["Name", "City"])
        #expect(rows.first?.values == ["Zoë", "Zürich"])
        #expect(reader.findings.isEmpty)
    }

    @Test("UTF-16 with a byte order mark, either byte order, is converted", arguments: [false, true])
    func utf16(bigEndian: Bool) throws {
        let text = "Name;City\r\nZoë;Zürich 😀\r\n"
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in text.utf16 {
            bytes += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        let (reader, rows) = try CSVFixture(bytes).read(chunkSize: 5)
        #expect(reader.dialect.encoding == (bigEndian ? .utf16BigEndian : .utf16LittleEndian))
        #expect(rows.first?.values == ["Zoë", "Zürich 😀"])
        #expect(reader.findings.map(\.kind) == [.encoding])
    }

    @Test("a file that is not UTF-8 is read as Windows-1252, and said so")
    func windows1252() throws {
        let bytes: [UInt8] = Array("Name,Price\nCaf".utf8) + [0xE9] + Array(",".utf8) + [0x80] + Array("5\n".utf8)
        let (reader, rows) = try CSVFixture(bytes).read()
        #expect(reader.dialect.encoding == .windows1252)
        #expect(rows.first?.values == ["Café", "€5"])
        #expect(reader.findings.first?.kind == .encoding)
    }

    @Test("bytes that are not UTF-8 far into a UTF-8 file are read as Windows-1252 and reported with their line")
    func invalidUTF8Late() throws {
        let filler = (1...3000).map { "\($0),row number \($0) from Zürich" }.joined(separator: "\n")
        let bytes = Array(("Id,Text\n" + filler + "\n3001,na").utf8) + [0xEF] + Array("ve\n3002,ok\n".utf8)
        let (reader, rows) = try CSVFixture(bytes).read(chunkSize: 4096)
        #expect(reader.dialect.encoding == .utf8)
        #expect(rows[3000].values == ["3001", "naïve"])
        #expect(reader.findings.map(\.kind) == [.invalidUTF8])
        #expect(reader.findings.first?.line == 3002)
    }

    @Test("semicolon, tab and pipe delimiters are detected", arguments: [";", "\t", "|"])
    func delimiters(delimiter: String) throws {
        let text =
            ["Id", "Name", "Note"].joined(separator: delimiter) + "\n"
            + ["1", "Ada, Countess", "x"].joined(separator: delimiter) + "\n"
            + ["2", "Grace", "\"a\(delimiter)b\""].joined(separator: delimiter) + "\n"
        let (reader, rows) = try CSVFixture(text).read()
        #expect(reader.dialect.delimiter == UInt8(ascii: Unicode.Scalar(delimiter)!))
        #expect(rows.map(\.values) == [["1", "Ada, Countess", "x"], ["2", "Grace", "a\(delimiter)b"]])
    }
}

@Suite("CSV reader: tolerance")
struct CSVToleranceTests {
    @Test("a banner line before the header is skipped and reported")
    func bannerLine() throws {
        let (reader, rows) = try CSVFixture(
            "Allegory CRM export - Activities - generated 2026-06-30\nId,Subject,Owner\n1,Call,a@b.c\n"
        ).read()
        #expect(reader.header == ["Id", "Subject", "Owner"])
        #expect(reader.dialect.headerLine == 2)
        #expect(rows.map(\.values) == [["1", "Call", "a@b.c"]])
        #expect(rows.first?.line == 3)
        #expect(reader.findings.map(\.kind) == [.bannerLine])
        #expect(reader.findings.first?.line == 1)
    }

    @Test("in a short file with a banner and ragged rows, the header is still the first row about as wide as the table")
    func bannerWithRaggedRows() throws {
        let text =
            "Allegory CRM export - Activities\r\nActivity ID;Type;Subject;Participants\r\nA1;Call;\"Intro; pricing\";a@x.com;b@y.com\r\nA2;Email;Follow-up\r\n"
        let (reader, rows) = try CSVFixture(text).read()
        #expect(reader.header == ["Activity ID", "Type", "Subject", "Participants"])
        #expect(
            rows.map(\.values) == [["A1", "Call", "Intro; pricing", "a@x.com"], ["A2", "Email", "Follow-up", ""]])
        #expect(rows[0].extra == ["b@y.com"])
        #expect(reader.findings.map(\.kind) == [.bannerLine, .raggedRow, .raggedRow])
    }

    @Test("short rows are padded with empty cells and long rows keep their extra cells, each reported with its line")
    func raggedRows() throws {
        let (reader, rows) = try CSVFixture("A,B,C\n1,2\n3,4,5,6\n7,8,9\n").read()
        #expect(rows.map(\.values) == [["1", "2", ""], ["3", "4", "5"], ["7", "8", "9"]])
        #expect(rows[1].extra == ["6"])
        #expect(reader.findings.map(\.kind) == [.raggedRow, .raggedRow])
        #expect(reader.findings.map(\.line) == [2, 3])
    }

    @Test("a duplicate header is renamed and reported, so neither column's values are lost")
    func duplicateHeader() throws {
        let (reader, rows) = try CSVFixture("Id,Tier,Name,tier\n1,Gold,Acme,Silver\n").read()
        #expect(reader.header == ["Id", "Tier", "Name", "tier (2)"])
        #expect(rows.first?.values == ["1", "Gold", "Acme", "Silver"])
        #expect(reader.findings.map(\.kind) == [.duplicateHeader])
    }

    @Test("an empty header cell gets a name and a finding")
    func emptyHeader() throws {
        let (reader, _) = try CSVFixture("Id,,Name\n1,x,y\n").read()
        #expect(reader.header == ["Id", "Column 2", "Name"])
        #expect(reader.findings.map(\.kind) == [.emptyHeader])
    }

    @Test("NUL bytes are removed from the cell and reported")
    func nulBytes() throws {
        let (reader, rows) = try CSVFixture(
            Array("A,B\n1,ab".utf8) + [0] + Array("c\n2,\"q".utf8) + [0] + Array("\"\n".utf8)
        ).read()
        #expect(rows.map(\.values) == [["1", "abc"], ["2", "q"]])
        #expect(reader.findings.map(\.kind) == [.nulByte, .nulByte])
        #expect(reader.findings.map(\.line) == [2, 3])
    }

    @Test("a quote left open at the end of the file loses only that record, which is reported with its line")
    func unterminatedQuote() throws {
        let (reader, rows) = try CSVFixture("Id,Body\n1,ok\n2,\"never closed\nstill open\n3,gone\n").read()
        #expect(rows.map(\.values) == [["1", "ok"]])
        #expect(reader.findings.map(\.kind) == [.unterminatedQuote])
        #expect(reader.findings.first?.line == 3)
    }

    @Test("stray quotes in unquoted cells are read literally and reported")
    func strayQuotes() throws {
        let (reader, rows) = try CSVFixture("Item,Size\nScreen,15\" wide\n\"Cable\"x,2\n").read()
        #expect(rows.map(\.values) == [["Screen", "15\" wide"], ["Cablex", "2"]])
        #expect(reader.findings.map(\.kind) == [.strayQuote, .strayQuote])
    }

    @Test("an empty file is reported, not a crash")
    func emptyFile() throws {
        let (reader, rows) = try CSVFixture("").read()
        #expect(rows.isEmpty)
        #expect(reader.header.isEmpty)
        #expect(reader.findings.map(\.kind) == [.emptyFile])
    }

    @Test("a missing file is an error naming it")
    func missingFile() {
        #expect {
            _ = try CSVReader(path: "/nonexistent/contacts.csv")
        } throws: { "\($0)".contains("/nonexistent/contacts.csv") }
    }
}
