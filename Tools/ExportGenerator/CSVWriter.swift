import Foundation

/// Writes one CSV file as Allegory does: RFC 4180 (comma, CRLF, fields quoted when they hold a comma, quote,
/// CR or LF), UTF-8 without BOM, or Windows-1252 for the planted file. Rows accumulate in a ~1 MB byte buffer
/// written through a FileHandle, so a 200 MB file costs neither time nor memory. It counts physical lines
/// (embedded line breaks included), so a planted defect can name the line a reader will report.
/// A noncopyable struct rather than a class: no runtime exclusivity checks on the buffer in the hot loop,
/// and no accidental second owner of the file handle.
struct CSVWriter: ~Copyable {
    enum TextEncoding: Sendable { case utf8, windows1252 }

    let path: String
    private let handle: FileHandle
    private let encoding: TextEncoding
    private let columnCount: Int
    private var buffer: [UInt8]
    private var cellsInRow: Int
    private var lineBreaksInRow: Int
    /// The physical line (1-based) on which the next row starts.
    private(set) var line: Int
    private(set) var records: Int
    private(set) var bytesWritten: Int

    private static let flushThreshold = 1 << 20

    /// Creates the file and writes the header; `bannerLine` is a line before it, as some exports prepend.
    init(
        directory: URL, path: String, header: [String], encoding: TextEncoding = .utf8, bannerLine: String? = nil
    ) throws {
        let url = directory.appendingPathComponent(path)
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw GenerationError.cannotCreate(path: url.path)
        }
        // Every stored property is set before anything can throw: a noncopyable value is never half-built.
        let handle = try FileHandle(forWritingTo: url)
        self.path = path
        self.encoding = encoding
        self.columnCount = header.count
        self.handle = handle
        buffer = []
        buffer.reserveCapacity(Self.flushThreshold + 1 << 16)
        (cellsInRow, lineBreaksInRow, line, records, bytesWritten) = (0, 0, 1, 0, 0)
        if let bannerLine {
            appendText(bannerLine)
            buffer.append(contentsOf: [0x0D, 0x0A])
            line += 1
        }
        for name in header { cell(name) }
        // The header is far below the flush threshold, so ending it cannot need a write (or throw).
        buffer.append(contentsOf: [0x0D, 0x0A])
        line += 1 + lineBreaksInRow
        (cellsInRow, lineBreaksInRow) = (0, 0)
    }

    mutating func cell(_ text: String) {
        startCell()
        let start = buffer.count
        appendText(text)
        quoteIfNeeded(from: start)
    }

    mutating func emptyCell() { startCell() }

    mutating func cell(_ number: Int) {
        startCell()
        if number < 0 { buffer.append(0x2D) }
        buffer.appendDecimal(abs(number), digits: 1)
    }

    /// An id such as `C000042`: prefix and zero-padded number, written without building a String.
    mutating func idCell(_ id: RecordID) {
        startCell()
        buffer.append(contentsOf: id.kind.prefix.utf8)
        buffer.appendDecimal(id.number, digits: id.kind.digits)
    }

    /// An amount with cents, `12500.00`.
    mutating func amountCell(cents: Int) {
        startCell()
        buffer.appendDecimal(cents / 100, digits: 1)
        buffer.append(0x2E)
        buffer.appendDecimal(cents % 100, digits: 2)
    }

    mutating func dateCell(_ instant: Instant, _ format: DateFormat) {
        startCell()
        format.append(instant, to: &buffer)
    }

    mutating func optionalCell(_ text: String?) {
        if let text { cell(text) } else { emptyCell() }
    }

    /// Ends a row. A row with the wrong number of cells is refused unless planted on purpose, so an
    /// accidental ragged row cannot slip into an export.
    mutating func endRow(allowingRaggedRow: Bool = false) throws {
        precondition(allowingRaggedRow || cellsInRow == columnCount, "\(path): \(cellsInRow) of \(columnCount) cells")
        try endRecord()
    }

    /// The planted unterminated quote: opens a quoted last cell and never closes it. Nothing may follow.
    mutating func unterminatedCell(_ text: String) throws {
        startCell()
        buffer.append(0x22)
        let start = buffer.count
        appendText(text)
        lineBreaksInRow += buffer[start...].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        try endRecord()
    }

    /// Flushes and closes the file, and says what was written.
    consuming func close() throws -> GenerationSummary.File {
        try flush()
        try handle.close()
        return GenerationSummary.File(path: path, records: records, bytes: bytesWritten)
    }

    private mutating func startCell() {
        if cellsInRow > 0 { buffer.append(0x2C) }
        cellsInRow += 1
    }

    private mutating func appendText(_ text: String) {
        switch encoding {
        case .utf8: buffer.append(contentsOf: text.utf8)
        case .windows1252: Windows1252.append(text, to: &buffer)
        }
    }

    /// Scans the cell just appended; only the rare cell with a special character is rewritten quoted.
    private mutating func quoteIfNeeded(from start: Int) {
        let end = buffer.count
        var index = start
        while index < end {
            let byte = buffer[index]
            if byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D { break }
            index += 1
        }
        guard index < end else { return }
        let content = Array(buffer[start..<end])
        buffer.removeSubrange(start..<end)
        buffer.append(0x22)
        for byte in content {
            if byte == 0x22 { buffer.append(0x22) }
            if byte == 0x0A { lineBreaksInRow += 1 }
            buffer.append(byte)
        }
        buffer.append(0x22)
    }

    private mutating func endRecord() throws {
        buffer.append(contentsOf: [0x0D, 0x0A])
        line += 1 + lineBreaksInRow
        records += 1
        cellsInRow = 0
        lineBreaksInRow = 0
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    private mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        bytesWritten += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }
}
