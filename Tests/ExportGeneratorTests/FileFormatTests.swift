import Foundation
import Testing

@Suite("File formats")
struct FileFormatTests {
    static let csvFiles = [
        "companies.csv", "contacts.csv", "deals.csv", "stages.csv", "users.csv", "tasks.csv", "notes.csv",
        "activities.csv", "attachments.csv", "custom_objects/projects.csv", "relationships/projects__contacts.csv",
        "custom_fields.csv",
    ]

    @Test("the Windows-1252 file is not valid UTF-8 and holds accents and the euro sign")
    func windows1252File() throws {
        let export = try GeneratedExport(contacts: 500, seed: 8)
        let bytes = try export.bytes("custom_objects/projects.csv")
        #expect(String(validating: bytes, as: UTF8.self) == nil)
        #expect(bytes.contains(0x80))  // the euro sign
        let text = try #require(String(data: Data(bytes), encoding: .windowsCP1252))
        #expect(text.contains("€"))
        #expect(text.contains { "éüñçöøèêÉÜ".contains($0) })
    }

    @Test("a clean export is UTF-8 without BOM with CRLF line ends")
    func utf8AndCRLF() throws {
        let export = try GeneratedExport(contacts: 500, seed: 8, clean: true)
        for file in Self.csvFiles {
            let bytes = try export.bytes(file)
            #expect(String(validating: bytes, as: UTF8.self) != nil, "\(file) is not UTF-8")
            #expect(Array(bytes.prefix(3)) != [0xEF, 0xBB, 0xBF], "\(file) starts with a BOM")
            #expect(Array(bytes.suffix(2)) == [0x0D, 0x0A], "\(file) does not end with CRLF")
            #expect(!bytes.contains(0), "\(file) holds a NUL byte")
            let header = try #require(TestCSV.records(bytes).first)
            #expect(header.cells.count == Set(header.cells).count, "\(file) has a duplicate header")
        }
        let text = try String(contentsOf: export.file("projects.csv", in: "custom_objects"), encoding: .utf8)
        #expect(text.contains("€"))
    }

    @Test("fields with commas, quotes and line breaks are quoted and read back")
    func quoting() throws {
        let export = try GeneratedExport(contacts: 1000, seed: 8, clean: true)
        let notes = try export.table("notes.csv")
        let bodies = notes.rows.compactMap { notes.value($0, "Body") }
        #expect(bodies.contains { $0.contains("\n") })
        #expect(bodies.contains { $0.contains("\"") })
        #expect(bodies.contains { $0.contains(",") })
        #expect(bodies.contains { $0.contains("<a href=") })
        #expect(notes.rows.allSatisfy { $0.cells.count == notes.header.count })
        let formats = Set(notes.rows.compactMap { notes.value($0, "Body Format") })
        #expect(formats == ["text", "html"])
    }

    @Test("contacts.csv averages 150 to 250 bytes per row")
    func contactRowSize() throws {
        let export = try GeneratedExport(contacts: 3000, seed: 8, clean: true)
        let bytes = try export.bytes("contacts.csv").count
        let perRow = Double(bytes) / 3000
        #expect((150...250).contains(perRow), "\(perRow) bytes per row")
    }

    @Test("every date column holds only its declared format")
    func dateFormats() throws {
        let export = try GeneratedExport(contacts: 1000, seed: 8)
        var checked = 0
        for (file, columns) in export.summary.dateFormats {
            let table = try export.table(file)
            for (column, format) in columns {
                let pattern = try #require(Self.pattern(format), "unknown format \(format)")
                for row in table.rows where row.isTerminated && row.cells.count == table.header.count {
                    let value = table.value(row, column) ?? ""
                    guard !value.isEmpty else { continue }
                    #expect(value.wholeMatch(of: pattern) != nil, "\(file):\(row.line) \(column) = \(value)")
                    checked += 1
                }
            }
        }
        #expect(checked > 5000)
    }

    /// The pattern of each date format (Regex is not Sendable, so it is built per use).
    static func pattern(_ format: String) -> Regex<Substring>? {
        switch format {
        case "iso8601": /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/
        case "MM/DD/YYYY": /(?:0[1-9]|1[0-2])\/(?:0[1-9]|[12]\d|3[01])\/\d{4}/
        case "MM/DD/YYYY hh:mm AM": /(?:0[1-9]|1[0-2])\/(?:0[1-9]|[12]\d|3[01])\/\d{4} (?:0[1-9]|1[0-2]):[0-5]\d [AP]M/
        case "excel-serial": /4\d{4}\.\d{6}/
        case "YYYY-MM-DD": /\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])/
        default: nil
        }
    }
}

extension GeneratedExport {
    fileprivate func file(_ name: String, in folder: String) -> URL {
        url.appendingPathComponent(folder).appendingPathComponent(name)
    }
}
