import Foundation

/// Writes one object's rows as CSV files of at most `rowsPerFile` rows each (`companies-1.csv`, `companies-2.csv`,
/// ...), every file with the header, because Twenty's importer takes at most 10,000 rows per file.
public struct ImportFileWriter {
    public static let twentyRowLimit = 10_000

    public let directory: URL
    /// The file names' stem: `companies` gives `companies-1.csv`.
    public let stem: String
    public let header: [String]
    public let rowsPerFile: Int
    /// The files written so far, in order, with their row counts.
    public private(set) var files: [(name: String, rows: Int)] = []
    private var buffer: [UInt8] = []
    private var rowsInFile = 0

    public init(directory: URL, stem: String, header: [String], rowsPerFile: Int = twentyRowLimit) {
        precondition(rowsPerFile > 0)
        self.directory = directory
        self.stem = stem
        self.header = header
        self.rowsPerFile = rowsPerFile
    }

    public mutating func append(_ cells: [String]) throws {
        if rowsInFile == rowsPerFile { try flush() }
        if rowsInFile == 0 { Self.encode(header, into: &buffer) }
        Self.encode(cells, into: &buffer)
        rowsInFile += 1
    }

    /// Writes the file being filled, if it holds a row.
    public mutating func finish() throws {
        if rowsInFile > 0 { try flush() }
    }

    private mutating func flush() throws {
        let name = "\(stem)-\(files.count + 1).csv"
        let url = directory.appendingPathComponent(name)
        do {
            try Data(buffer).write(to: url, options: .atomic)
        } catch {
            throw MigrationError("cannot write \(url.path): \(error.localizedDescription)")
        }
        files.append((name, rowsInFile))
        buffer.removeAll(keepingCapacity: true)
        rowsInFile = 0
    }

    /// One CSV line (RFC 4180): a cell holding a comma, quote, CR, LF or tab is quoted, its quotes doubled; so is
    /// one starting with a space (a neutralised formula), which a reader that trims unquoted cells would lose.
    static func encode(_ cells: [String], into buffer: inout [UInt8]) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            let needsQuotes =
                cell.hasPrefix(" ")
                || cell.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A || $0 == 0x09 }
            guard needsQuotes else {
                buffer.append(contentsOf: cell.utf8)
                continue
            }
            buffer.append(0x22)
            for byte in cell.utf8 {
                if byte == 0x22 { buffer.append(0x22) }
                buffer.append(byte)
            }
            buffer.append(0x22)
        }
        buffer.append(contentsOf: [0x0D, 0x0A])
    }
}
