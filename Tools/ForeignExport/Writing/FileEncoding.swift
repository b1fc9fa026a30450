import Foundation

/// Turns a drafted file into its bytes, and tells the physical line each record starts on.
enum FileEncoding {
    static func bytes(of file: DraftFile) -> [UInt8] {
        switch file.layout {
        case .csv(let delimiter, let lineEnd, let quoteEveryCell, let byteOrderMark):
            var text = ""
            let header = file.columns.map { cell($0.name, delimiter: delimiter, quoteEveryCell) }
            text += header.joined(separator: String(delimiter)) + lineEnd
            for row in file.rows {
                let cells = file.columns.map { cell(row[$0.name], delimiter: delimiter, quoteEveryCell) }
                text += cells.joined(separator: String(delimiter)) + lineEnd
            }
            return (byteOrderMark ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)
        case .ndjson:
            var text = ""
            for row in file.rows {
                let members = file.columns.map { "\(jsonString($0.name)):\(jsonValue(row[$0.name], kind: $0.kind))" }
                text += "{" + members.joined(separator: ",") + "}\n"
            }
            return Array(text.utf8)
        }
    }

    /// The 1-based line each record starts on, in file order. A CSV's header is line 1 and a quoted cell's line
    /// breaks push every later record down; an NDJSON record is one line.
    static func lines(of file: DraftFile) -> [Int] {
        switch file.layout {
        case .csv:
            var line = 2
            return file.rows.map { row in
                defer { line += 1 + file.columns.reduce(0) { $0 + row[$1.name].count { $0 == "\n" } } }
                return line
            }
        case .ndjson:
            return file.rows.indices.map { $0 + 1 }
        }
    }

    /// RFC 4180 quoting: a cell is quoted when it must be (or always, in the dialects that always do).
    private static func cell(_ value: String, delimiter: Character, _ always: Bool) -> String {
        let needsQuotes = always || value.contains { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        return needsQuotes ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
    }

    /// Numbers as JSON numbers where the column holds plain numbers, empty cells as null, the rest as strings.
    private static func jsonValue(_ value: String, kind: ValueKind) -> String {
        if value.isEmpty { return "null" }
        switch kind {
        case .integer, .decimal, .money, .percent:
            if value.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }) { return value }
            return jsonString(value)
        case .boolean where value == "true" || value == "false":
            return value
        default:
            return jsonString(value)
        }
    }

    static func jsonString(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
