import AllegoryExport
import Foundation

/// The first rows of one export file: what the proposal reasons from.
///
/// The proposal samples instead of scanning: a column's type and names are clear from a few thousand rows, and a
/// million-record export must be proposed in seconds. The readers stream and cannot seek (quoted cells may hold line
/// breaks), so the sample is the start of each file.
public struct SourceSample: Sendable {
    public static let defaultRowLimit = 2_000

    /// The file, relative to the export folder.
    public let file: String
    /// The object `ExportLayout` gives the file (`contacts`, `projects`, `projects__contacts`).
    public let object: String
    public let header: [String]
    public let rows: [[String]]
    /// True when the sample holds every record of the file.
    public let isWholeFile: Bool

    public init(file: String, object: String, header: [String], rows: [[String]], isWholeFile: Bool) {
        self.file = file
        self.object = object
        self.header = header
        self.rows = rows
        self.isWholeFile = isWholeFile
    }

    public func values(ofColumn index: Int) -> [String] {
        rows.map { index < $0.count ? $0[index] : "" }
    }

    public func column(named name: String) -> Int? { HeaderName.find([name], in: header) }

    /// Reads up to `limit` records of `file`; a JSON file's header is the union of its records' keys, in order.
    public static func read(_ file: ExportLayout.SourceFile, in layout: ExportLayout, limit: Int = defaultRowLimit)
        throws
        -> SourceSample
    {
        // A zipped export's file is extracted alone for the reader, and removed once read.
        try layout.withLocalFile(of: file) { path in
            try read(file, at: path, encoding: layout.encoding(for: file), limit: limit)
        }
    }

    static func read(_ file: ExportLayout.SourceFile, at path: String, encoding: TextEncoding?, limit: Int) throws
        -> SourceSample
    {
        var rows: [[String]] = []
        var complete = true
        switch file.format {
        case .csv:
            let reader = try CSVReader(path: path, fileName: file.path, encoding: encoding)
            try reader.read { row in
                guard rows.count < limit else {
                    complete = false
                    return false
                }
                rows.append(row.values)
                return true
            }
            return SourceSample(
                file: file.path, object: file.object, header: reader.header, rows: rows, isWholeFile: complete)
        case .json:
            let reader = JSONRecordReader(path: path, fileName: file.path, encoding: encoding)
            var header: [String] = []
            var records: [[(name: String, value: String)]] = []
            try reader.read { record in
                guard records.count < limit else {
                    complete = false
                    return false
                }
                for field in record.fields where !header.contains(field.name) { header.append(field.name) }
                records.append(record.fields)
                return true
            }
            rows = records.map { fields in
                let values = Dictionary(fields.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
                return header.map { values[$0] ?? "" }
            }
            return SourceSample(file: file.path, object: file.object, header: header, rows: rows, isWholeFile: complete)
        }
    }
}
