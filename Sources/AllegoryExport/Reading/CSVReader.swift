/// Reads one CSV file of an export as records, streaming: constant memory whatever the file's size.
///
/// Detects the encoding, delimiter and header row, and turns everything odd about the file into a `ReadFinding`
/// with its line (banner lines, duplicate or empty headers, ragged rows, NUL bytes, stray quotes, an unterminated
/// quote at the end, bytes that are not UTF-8), then goes on with the next record.
public final class CSVReader {
    public let path: String
    /// The name used in findings: the file's path relative to the export folder.
    public let fileName: String
    public let dialect: CSVDialect
    /// Column names as read (trimmed); a duplicate gets " (2)", an empty one "Column N".
    public let header: [String]
    /// Findings so far: those of the header at once, the rest as `read` goes (at most 1,000 per kind are kept).
    public private(set) var findings: [ReadFinding] = []
    /// How many findings of each kind there were, including those not kept.
    public private(set) var findingCounts: [ReadFinding.Kind: Int] = [:]
    /// Data records read so far.
    public private(set) var recordCount = 0
    private let headerRecordIndex: Int
    private let chunkSize: Int

    static let keptFindingsPerKind = 1000

    /// `encoding`: read the file in this encoding instead of detecting it (`--encoding`).
    public convenience init(path: String, fileName: String? = nil, encoding: TextEncoding? = nil) throws {
        try self.init(path: path, fileName: fileName, encoding: encoding, chunkSize: DecodedByteStream.chunkSize)
    }

    /// `chunkSize`: tests make it tiny so that records span many chunks.
    init(path: String, fileName: String?, encoding: TextEncoding? = nil, chunkSize: Int) throws {
        self.path = path
        self.fileName = fileName ?? String(path.split(separator: "/").last ?? "")
        self.chunkSize = chunkSize
        let stream = try DecodedByteStream(
            path: path, fileName: self.fileName, encoding: encoding, chunkSize: chunkSize)
        var sample: [UInt8] = []
        while sample.count < DecodedByteStream.sampleSize, let chunk = try stream.next() { sample += chunk.bytes }
        let dialect = CSVDialect.detect(sample: sample, encoding: stream.encoding)
        self.dialect = dialect
        headerRecordIndex = dialect.bannerRecords

        // The records before the header, blank lines among them, and the header itself.
        var headerFields: [String]?
        var skipped: [(line: Int, text: String)] = []
        var parser = CSVParser(delimiter: dialect.delimiter)
        var index = 0
        var nextLine = 1
        let collect: (inout CSVParser) -> Bool = { parser in
            for blank in nextLine..<max(nextLine, parser.recordLine) { skipped.append((blank, "")) }
            nextLine = parser.line
            if index < dialect.bannerRecords {
                skipped.append(
                    (parser.recordLine, parser.fields().joined(separator: String(UnicodeScalar(dialect.delimiter)))))
            } else {
                headerFields = parser.fields()
            }
            index += 1
            return headerFields == nil
        }
        let stopped = sample.withUnsafeBufferPointer { !parser.consume($0, emit: collect) }
        if !stopped && headerFields == nil && !parser.isInQuotes { parser.finish(emit: collect) }

        var findings: [ReadFinding] = []
        let file = self.fileName
        if ![.utf8, .utf8WithBOM].contains(stream.encoding) {
            findings.append(
                ReadFinding(
                    kind: .encoding, file: file, line: 1,
                    detail: "read as \(stream.encoding.rawValue) (\(stream.encodingNote)), converted to UTF-8"))
        }
        for (line, text) in skipped where headerFields != nil {
            let isBlank = text.unicodeScalars.allSatisfy {
                $0.value == UInt32(dialect.delimiter) || $0.properties.isWhitespace
            }
            findings.append(
                ReadFinding(
                    kind: .bannerLine, file: file, line: line,
                    detail: isBlank
                        ? "a blank line skipped before the header" : "skipped before the header: \"\(text.prefix(80))\""
                ))
        }
        guard let rawHeader = headerFields else {
            if sample.isEmpty {
                findings.append(ReadFinding(kind: .emptyFile, file: file, line: 1, detail: "the file is empty"))
            } else {
                findings.append(
                    ReadFinding(kind: .emptyFile, file: file, line: 1, detail: "no header row could be read"))
            }
            header = []
            for finding in findings { note(finding) }
            return
        }
        var names: [String] = []
        var seen: [String: Int] = [:]
        for (position, raw) in rawHeader.enumerated() {
            var name = raw.trimmingWhitespace
            if name.isEmpty {
                name = "Column \(position + 1)"
                findings.append(
                    ReadFinding(
                        kind: .emptyHeader, file: file, line: dialect.headerLine,
                        detail: "column \(position + 1) has no name; called \"\(name)\""))
            }
            let key = name.lowercased()
            if let count = seen[key] {
                seen[key] = count + 1
                let renamed = "\(name) (\(count + 1))"
                findings.append(
                    ReadFinding(
                        kind: .duplicateHeader, file: file, line: dialect.headerLine,
                        detail: "\"\(name)\" appears again as column \(position + 1); read as \"\(renamed)\""))
                name = renamed
            } else {
                seen[key] = 1
            }
            names.append(name)
        }
        header = names
        if let unitsLine = dialect.unitsRowLine {
            findings.append(
                ReadFinding(
                    kind: .bannerLine, file: file, line: unitsLine, detail: "a units row under the header, skipped"))
        }
        for finding in findings { note(finding) }
    }

    private func note(_ finding: ReadFinding) {
        let count = findingCounts[finding.kind, default: 0]
        findingCounts[finding.kind] = count + 1
        if count < CSVReader.keptFindingsPerKind { findings.append(finding) }
    }

    /// Calls `body` with every data record in file order; `body` returns false to stop early.
    public func read(_ body: (CSVRow) throws -> Bool) throws {
        guard !header.isEmpty else { return }
        // The encoding is known by now: detecting it again would be wasted work, and must not disagree.
        let stream = try DecodedByteStream(
            path: path, fileName: fileName, encoding: dialect.encoding, chunkSize: chunkSize)
        var parser = CSVParser(delimiter: dialect.delimiter)
        var index = 0
        let columns = header.count
        let lastSkipped = headerRecordIndex + (dialect.unitsRowLine == nil ? 0 : 1)
        func handle(_ parser: inout CSVParser) throws -> Bool {
            defer { index += 1 }
            if index <= lastSkipped { return true }
            let row = CSVRow(
                line: parser.recordLine, columns: columns, bytes: parser.fieldBytes, ends: parser.fieldEnds)
            if row.cellCount != columns {
                self.note(
                    ReadFinding(
                        kind: .raggedRow, file: self.fileName, line: row.line,
                        detail: "\(row.cellCount) cells where the header has \(columns)"
                            + (row.cellCount < columns
                                ? "; the missing ones are read as empty" : "; the extra ones are kept apart")))
            }
            if parser.recordHasNul {
                self.note(ReadFinding(kind: .nulByte, file: self.fileName, line: row.line, detail: "NUL bytes removed"))
            }
            if parser.recordHasStrayQuote {
                self.note(
                    ReadFinding(
                        kind: .strayQuote, file: self.fileName, line: row.line,
                        detail: "a quote inside an unquoted cell, read literally"))
            }
            self.recordCount += 1
            return try body(row)
        }
        while let chunk = try stream.next() {
            if !chunk.invalidUTF8Offsets.isEmpty { noteInvalidUTF8(chunk, startingAt: parser.line) }
            let keepGoing = try chunk.bytes.withUnsafeBufferPointer { try parser.consume($0, emit: handle) }
            if !keepGoing { return }
        }
        if parser.isInQuotes {
            note(
                ReadFinding(
                    kind: .unterminatedQuote, file: fileName, line: parser.recordLine,
                    detail:
                        "a quoted cell opened in the record starting here never closes; the record (to the end of the file) is not read"
                ))
        } else {
            try parser.finish(emit: handle)
        }
    }

    /// Reports the lines where bytes that are not UTF-8 were read as Windows-1252, or bytes a legacy encoding does
    /// not define were replaced.
    private func noteInvalidUTF8(_ chunk: DecodedByteStream.Chunk, startingAt line: Int) {
        let isUTF8 = [.utf8, .utf8WithBOM].contains(dialect.encoding)
        var currentLine = line
        var position = 0
        var lastLine = 0
        chunk.bytes.withUnsafeBufferPointer { bytes in
            for offset in chunk.invalidUTF8Offsets {
                while position < offset {
                    if bytes[position] == 0x0A
                        || (bytes[position] == 0x0D && (position + 1 >= bytes.count || bytes[position + 1] != 0x0A))
                    {
                        currentLine += 1
                    }
                    position += 1
                }
                if currentLine != lastLine {
                    lastLine = currentLine
                    note(
                        isUTF8
                            ? ReadFinding(
                                kind: .invalidUTF8, file: fileName, line: currentLine,
                                detail: "bytes that are not UTF-8, read as Windows-1252")
                            : ReadFinding(
                                kind: .encoding, file: fileName, line: currentLine,
                                detail: "bytes that are not valid \(dialect.encoding.rawValue), read as U+FFFD"))
                }
            }
        }
    }
}

/// One data record, valid inside the callback that receives it (copy `strings` to keep it).
public struct CSVRow {
    /// The physical line where the record starts.
    public let line: Int
    /// The header's column count.
    public let columns: Int
    private let bytes: [UInt8]
    private let ends: [Int]

    init(line: Int, columns: Int, bytes: [UInt8], ends: [Int]) {
        self.line = line
        self.columns = columns
        self.bytes = bytes
        self.ends = ends
    }

    /// Cells actually present (may differ from `columns` in a ragged row).
    public var cellCount: Int { ends.count }

    /// Cell `index`; "" for a cell missing from a short row.
    public subscript(index: Int) -> String {
        guard index < ends.count else { return "" }
        let start = index == 0 ? 0 : ends[index - 1]
        return bytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[start..<ends[index]]), as: UTF8.self)
        }
    }

    /// Calls `body` with cell `index`'s UTF-8 bytes (empty for a cell missing from a short row), without making a
    /// `String`: what a snapshot needs to write a record's canonical JSON.
    public func withCellBytes<R>(_ index: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        guard index < ends.count else { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        let start = index == 0 ? 0 : ends[index - 1]
        return try bytes.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[start..<ends[index]])) }
    }

    /// One value per header column (missing cells as "").
    public var values: [String] { (0..<columns).map { self[$0] } }

    /// Cells beyond the header's columns.
    public var extraCells: [String] { ends.count > columns ? (columns..<ends.count).map { self[$0] } : [] }

    /// The number of bytes of all the record's cells together, for sizing what is built from them.
    public var byteCount: Int { bytes.count }
}

extension String {
    /// Without leading and trailing whitespace; the string itself (no copy) when there is none, the common case.
    public var trimmingWhitespace: String {
        // Most cells begin and end with a visible ASCII character: two byte tests, no grapheme breaking.
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F {
            return self
        }
        guard let first = first, let last = last, first.isWhitespace || last.isWhitespace else { return self }
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
