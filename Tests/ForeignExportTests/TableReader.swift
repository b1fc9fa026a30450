import Foundation

/// One record of a file as these tests read it: the line it starts on and its cells by column name.
struct ReadRecord {
    let line: Int
    let cells: [String: String]

    subscript(_ column: String) -> String { cells[column] ?? "" }
}

/// A file read back from disk by a reader written for these tests alone, so the writer's own encoding is never
/// what checks it: RFC 4180 quoting with `""` and line breaks inside quotes, `,` or `;` (whichever the header
/// uses more), CRLF or LF, an optional UTF-8 BOM; or NDJSON, one object per line.
struct ReadTable {
    let header: [String]
    let records: [ReadRecord]

    init(_ url: URL) throws {
        let data = try Data(contentsOf: url)
        if url.pathExtension == "json" {
            self = try ReadTable(ndjson: data)
        } else {
            var text = String(decoding: data, as: UTF8.self)
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            self = ReadTable(csv: text)
        }
    }

    private init(header: [String], records: [ReadRecord]) {
        self.header = header
        self.records = records
    }

    private init(csv text: String) {
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r" }
        let delimiter: Character = firstLine.count { $0 == ";" } > firstLine.count { $0 == "," } ? ";" : ","
        var rows: [(line: Int, cells: [String])] = []
        var cells: [String] = []
        var cell = ""
        var quoted = false
        var line = 1
        var start = 1
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            index += 1
            // Swift keeps "\r\n" as one Character; it and "\n" are each one line break.
            let isBreak = character == "\n" || character == "\r\n"
            if quoted {
                if character == "\"" && index < characters.count && characters[index] == "\"" {
                    cell.append("\"")
                    index += 1
                } else if character == "\"" {
                    quoted = false
                } else {
                    if isBreak { line += 1 }
                    cell.append(character)
                }
            } else if character == "\"" && cell.isEmpty {
                quoted = true
            } else if character == delimiter {
                cells.append(cell)
                cell = ""
            } else if isBreak {
                cells.append(cell)
                rows.append((start, cells))
                cells = []
                cell = ""
                line += 1
                start = line
            } else {
                cell.append(character)
            }
        }
        if !cells.isEmpty || !cell.isEmpty {
            cells.append(cell)
            rows.append((start, cells))
        }
        let header = rows.first?.cells ?? []
        self.init(
            header: header,
            records: rows.dropFirst().map { row in
                ReadRecord(
                    line: row.line,
                    cells: Dictionary(zip(header, row.cells).map { ($0, $1) }, uniquingKeysWith: { first, _ in first }))
            })
    }

    private init(ndjson data: Data) throws {
        var header: [String] = []
        var records: [ReadRecord] = []
        for (offset, line) in String(decoding: data, as: UTF8.self).split(
            separator: "\n", omittingEmptySubsequences: false
        ).enumerated()
        where !line.isEmpty {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            for key in object.keys where !header.contains(key) { header.append(key) }
            var cells: [String: String] = [:]
            for (key, value) in object {
                switch value {
                case is NSNull: cells[key] = ""
                case let text as String: cells[key] = text
                default: cells[key] = "\(value)"
                }
            }
            records.append(ReadRecord(line: offset + 1, cells: cells))
        }
        self.init(header: header, records: records)
    }

    func record(at line: Int) -> ReadRecord? { records.first { $0.line == line } }
}
