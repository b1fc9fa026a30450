import AllegoryExport
import ArgumentParser
import CanonicalJSON
import Foundation

struct PeekCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "peek",
        abstract: "Print the records of one export file as the reader sees them.",
        discussion: """
            Shows what crm-migrate makes of an odd file: the detected encoding, delimiter and header row, each \
            record with its line number, and every finding (banner lines, ragged rows, duplicate headers, NUL \
            bytes, an unterminated quote, bytes that are not UTF-8) with its line. CSV, JSON arrays and NDJSON \
            (.json, .ndjson, .jsonl) are read. With --json, records go to standard output as one JSON object per \
            line (column -> value, values as strings) and findings to standard error.

            The encoding is detected: UTF-8 (with or without BOM), UTF-16 (BOM), or the legacy code page that reads \
            the bytes plausibly (Windows-1250/1251/1252, ISO-8859-1/2/15, KOI8-R, Shift_JIS, EUC-JP, GB18030, \
            Big5, EUC-KR). When it is uncertain, peek refuses and says so; --encoding NAME reads the file as NAME.
            """)

    @Argument(
        help:
            "The file to read: a path, or a file inside a zipped export as EXPORT.zip/PATH (e.g. export.zip/contacts.csv).",
        completion: .file())
    var file: String
    @Option(help: "Print at most this many records (default: all).") var limit: Int?
    @Flag(help: "One JSON object per record on standard output; findings on standard error.") var json = false
    @Flag(help: "Instead of the records, each column's inferred type, with how sure and why (reads every record).")
    var columns = false
    @Option(
        help: ArgumentHelp(
            "Read the file in this text encoding (e.g. shift_jis, big5, windows-1251). Default: detected.",
            valueName: "[FILE=]NAME"))
    var encoding: String?

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
        if columns && json { throw ValidationError("--columns and --json cannot be combined") }
        do {
            _ = try EncodingOverrides(encoding.map { [$0] } ?? [])
        } catch let problem as EncodingOverrides.Problem {
            throw ValidationError(problem.description)
        }
    }

    /// The encoding --encoding gives the file `name`, in either form the snapshot command takes.
    private func givenEncoding(_ name: String) -> TextEncoding? {
        let overrides = try? EncodingOverrides(encoding.map { [$0] } ?? [])
        return overrides?.encoding(for: name)
    }

    func run() throws {
        try withReadableFile { path, name in
            if columns { return try printColumns(path, name: name) }
            try printRecords(path, name: name)
        }
    }

    /// Calls `body` with a path on disk and the name to report: the file itself, or a file inside a zipped export
    /// (`export.zip/contacts.csv`, the path as the snapshot names it), extracted alone for the reading.
    private func withReadableFile(_ body: (_ path: String, _ name: String) throws -> Void) throws {
        if FileManager.default.fileExists(atPath: file) {
            return try body(file, URL(fileURLWithPath: file).lastPathComponent)
        }
        guard let marker = file.range(of: ".zip/", options: .caseInsensitive) else {
            throw UserFacingError("\(file) does not exist")
        }
        let zip = String(file[..<marker.lowerBound]) + String(file[marker.lowerBound...].prefix(4))
        let inner = String(file[marker.upperBound...])
        guard FileManager.default.fileExists(atPath: zip) else { throw UserFacingError("\(zip) does not exist") }
        let source = try ExportSource(url: URL(fileURLWithPath: zip))
        guard source.contains(inner) else {
            let csv = source.files.filter { !$0.hasPrefix(source.attachmentsFolder) }.prefix(12)
            throw UserFacingError("\(inner) is not in \(zip); it holds \(csv.joined(separator: ", "))")
        }
        try source.withLocalFile(inner) { try body($0, inner) }
    }

    private func printRecords(_ path: String, name: String) throws {
        let lower = name.lowercased()
        var output = BufferedOutput()
        var printed = 0
        let findings: [ReadFinding]
        let total: Int
        if lower.hasSuffix(".json") || lower.hasSuffix(".ndjson") || lower.hasSuffix(".jsonl") {
            let reader = JSONRecordReader(path: path, fileName: name, encoding: givenEncoding(name))
            if !json { output.write("\(reader.fileName): JSON\n") }
            try reader.read { record in
                if let limit, printed >= limit { return false }
                printed += 1
                write(line: record.line, fields: record.fields, number: printed, to: &output)
                return true
            }
            findings = reader.findings
            total = reader.recordCount
        } else {
            let reader = try CSVReader(path: path, fileName: name, encoding: givenEncoding(name))
            if !json {
                let dialect = reader.dialect
                output.write(
                    "\(reader.fileName): \(dialect.encoding.rawValue), delimiter '\(dialect.delimiterName)', header at line"
                        + " \(dialect.headerLine), \(reader.header.count) columns\n")
            }
            try reader.read { row in
                if let limit, printed >= limit { return false }
                printed += 1
                write(line: row.line, fields: Array(zip(reader.header, row.values)), number: printed, to: &output)
                return true
            }
            findings = reader.findings
            total = reader.recordCount
        }
        output.flush()
        var report = ""
        for finding in findings { report += "finding: \(finding)\n" }
        let more = limit.map { total >= $0 ? " (stopped at --limit \($0))" : "" } ?? ""
        report += "\(printed) record(s) printed\(more), \(findings.count) finding(s)\n"
        if json {
            FileHandle.standardError.write(Data(report.utf8))
        } else {
            print(report, terminator: "")
        }
    }

    /// Profiles every column over all records (or the first --limit) and prints one line per column.
    private func printColumns(_ path: String, name: String) throws {
        let lower = name.lowercased()
        var profilers: [String: ColumnProfiler] = [:]
        var order: [String] = []
        var seen = 0
        func add(_ name: String, _ value: String) {
            if profilers[name] == nil {
                profilers[name] = ColumnProfiler(name: name)
                order.append(name)
            }
            profilers[name]!.add(value)
        }
        if lower.hasSuffix(".json") || lower.hasSuffix(".ndjson") || lower.hasSuffix(".jsonl") {
            try JSONRecordReader(path: path, fileName: name, encoding: givenEncoding(name)).read { record in
                seen += 1
                for field in record.fields { add(field.name, field.value) }
                return limit.map { seen < $0 } ?? true
            }
        } else {
            let reader = try CSVReader(path: path, fileName: name, encoding: givenEncoding(name))
            order = reader.header
            for name in reader.header { profilers[name] = ColumnProfiler(name: name) }
            try reader.read { row in
                seen += 1
                for (name, value) in zip(reader.header, row.values) { add(name, value) }
                return limit.map { seen < $0 } ?? true
            }
        }
        let width = min(28, order.map(\.count).max() ?? 0)
        print(
            "COLUMN".padding(width + 1) + "TYPE".padding(34) + "SURE".padding(6) + "EMPTY".padding(7)
                + "DISTINCT".padding(10) + "WHY")
        for name in order {
            let profile = profilers[name]!.profile()
            let distinct = profile.distinctIsExact ? String(profile.distinct) : ">\(profile.distinct)"
            print(
                name.padding(width + 1) + profile.type.description.padding(34)
                    + "\(Int((profile.confidence * 100).rounded()))%".padding(6) + String(profile.empty).padding(7)
                    + distinct.padding(10) + profile.reason)
        }
        print("\(seen) record(s) profiled")
    }

    private func write(line: Int, fields: [(name: String, value: String)], number: Int, to output: inout BufferedOutput)
    {
        if json {
            let object = JSONValue.object(
                Dictionary(fields.map { ($0.name, JSONValue.string($0.value)) }, uniquingKeysWith: { _, last in last }))
            output.write(object.canonicalText + "\n")
            return
        }
        output.write("-- record \(number), line \(line)\n")
        let width = min(28, fields.map(\.name.count).max() ?? 0)
        for (name, value) in fields {
            let shown = value.replacingOccurrences(of: "\r\n", with: "\\r\\n").replacingOccurrences(
                of: "\n", with: "\\n"
            )
            .replacingOccurrences(of: "\r", with: "\\r")
            output.write("  " + name.padding(width + 1) + shown + "\n")
        }
    }
}
