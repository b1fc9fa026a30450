import Foundation

/// One record as a reader sees it: the physical line it starts on, its cells, and whether its quotes closed.
struct CSVRecord {
    let line: Int
    let cells: [String]
    let isTerminated: Bool
}

/// A tiny RFC 4180 splitter written for these tests, independent of the generator's writer: quotes, doubled
/// quotes, embedded CR/LF, CRLF or LF line ends, and a final quote that never closes.
enum TestCSV {
    static func records(in url: URL) throws -> [CSVRecord] {
        records(Array(try Data(contentsOf: url)))
    }

    static func records(_ bytes: [UInt8]) -> [CSVRecord] {
        var records: [CSVRecord] = []
        var cells: [String] = []
        var cell: [UInt8] = []
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var index = 0
        func endRecord() {
            cells.append(String(decoding: cell, as: UTF8.self))
            records.append(CSVRecord(line: recordLine, cells: cells, isTerminated: true))
            cells = []
            cell = []
        }
        while index < bytes.count {
            let byte = bytes[index]
            if inQuotes {
                if byte == 0x22 {
                    if index + 1 < bytes.count && bytes[index + 1] == 0x22 {
                        cell.append(0x22)
                        index += 2
                        continue
                    }
                    inQuotes = false
                } else {
                    if byte == 0x0A { line += 1 }
                    cell.append(byte)
                }
                index += 1
                continue
            }
            switch byte {
            case 0x22 where cell.isEmpty:
                inQuotes = true
            case 0x2C:
                cells.append(String(decoding: cell, as: UTF8.self))
                cell = []
            case 0x0D where index + 1 < bytes.count && bytes[index + 1] == 0x0A:
                index += 1
                fallthrough
            case 0x0A:
                endRecord()
                line += 1
                recordLine = line
            default:
                cell.append(byte)
            }
            index += 1
        }
        if inQuotes || !cell.isEmpty || !cells.isEmpty {
            cells.append(String(decoding: cell, as: UTF8.self))
            records.append(CSVRecord(line: recordLine, cells: cells, isTerminated: !inQuotes))
        }
        return records
    }
}

/// A parsed CSV file: its header (after any banner line) and its records, with cells looked up by column.
struct TestTable {
    let header: [String]
    let rows: [CSVRecord]

    init(_ url: URL) throws {
        var records = try TestCSV.records(in: url)
        // A banner line before the header is a single cell of text.
        if records.count > 1 && records[0].cells.count == 1 && records[1].cells.count > 1 { records.removeFirst() }
        header = records.first?.cells ?? []
        rows = Array(records.dropFirst())
    }

    func column(_ name: String) -> Int? { header.firstIndex(of: name) }

    func value(_ row: CSVRecord, _ name: String) -> String? {
        guard let index = column(name), index < row.cells.count else { return nil }
        return row.cells[index]
    }
}
