import Foundation

/// One CSV file of a generated export, read whole so a test or a benchmark can edit it as a person editing the CRM
/// would between two exports: change a value, add a row, remove a row. Quoting follows RFC 4180, as the generator
/// writes it.
public struct EditableCSV {
    public let url: URL
    public var header: [String]
    public var rows: [[String]]

    public init(_ url: URL) throws {
        self.url = url
        let records = Self.parse(try String(contentsOf: url, encoding: .utf8))
        header = records.first ?? []
        rows = Array(records.dropFirst())
    }

    public func write() throws {
        let lines = ([header] + rows).map { $0.map(Self.quoted).joined(separator: ",") }
        try (lines.joined(separator: "\r\n") + "\r\n").write(to: url, atomically: true, encoding: .utf8)
    }

    public func column(_ name: String) -> Int { header.firstIndex(of: name)! }

    /// The first column's values: the records' ids in the generated files.
    public var ids: [String] { rows.map { $0[0] } }

    public func value(_ id: String, _ column: String) -> String {
        rows.first { $0[0] == id }![self.column(column)]
    }

    public mutating func set(_ id: String, _ column: String, _ value: String) {
        let index = rows.firstIndex { $0[0] == id }!
        rows[index][self.column(column)] = value
    }

    /// Appends a copy of the row of `id` with `changes` applied (the first column's new id among them).
    public mutating func copy(_ id: String, with changes: [String: String]) {
        var row = rows.first { $0[0] == id }!
        for (name, value) in changes { row[column(name)] = value }
        rows.append(row)
    }

    public mutating func remove(_ id: String) { rows.removeAll { $0[0] == id } }

    /// An id of the same shape as the file's last one, numbered after every existing one (`C000031` after
    /// `C000030`).
    public var nextId: String {
        let last = ids.max()!
        let digits = String(last.reversed().prefix { $0.isNumber }.reversed())
        let number = (Int(digits) ?? 0) + 1
        let padded = String(repeating: "0", count: max(0, digits.count - String(number).count)) + String(number)
        return String(last.dropLast(digits.count)) + padded
    }

    static func quoted(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text.unicodeScalars)[...]
        if characters.first == "\u{FEFF}" { characters = characters.dropFirst() }
        var index = characters.startIndex
        while index < characters.endIndex {
            let c = characters[index]
            index += 1
            if quoted {
                if c == "\"" {
                    if index < characters.endIndex, characters[index] == "\"" {
                        field.unicodeScalars.append("\"")
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                record.append(field)
                field = ""
            } else if c == "\n" || c == "\r" {
                if c == "\r", index < characters.endIndex, characters[index] == "\n" { index += 1 }
                record.append(field)
                records.append(record)
                record = []
                field = ""
            } else {
                field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        return records
    }
}
