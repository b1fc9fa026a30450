/// Something a reader noticed in a source file: reported with file and line, never a crash, and the reader
/// goes on with the next record.
public struct ReadFinding: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// The file's text encoding was not UTF-8 (detected or given, and converted), or bytes it does not define.
        case encoding
        /// Bytes that are not valid UTF-8 in a file read as UTF-8; decoded as Windows-1252.
        case invalidUTF8 = "invalid-utf8"
        case emptyFile = "empty-file"
        /// Lines around the header that are not part of the table (an export title, a date, a blank line, a units
        /// row under the header).
        case bannerLine = "banner-line"
        case duplicateHeader = "duplicate-header"
        case emptyHeader = "empty-header"
        /// A record with fewer or more cells than the header.
        case raggedRow = "ragged-row"
        case nulByte = "nul-byte"
        /// A quoted field still open at the end of the file; the record is not read.
        case unterminatedQuote = "unterminated-quote"
        /// A quote inside an unquoted field, or text after a closing quote: read literally.
        case strayQuote = "stray-quote"
        case invalidJSON = "invalid-json"
        /// A second file with a standard name (`contacts.csv`) elsewhere in the export: only one is read.
        case duplicateFile = "duplicate-file"
    }

    public let kind: Kind
    public let file: String
    /// 1-based physical line where the problem starts.
    public let line: Int
    public let detail: String

    public init(kind: Kind, file: String, line: Int, detail: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.detail = detail
    }

    public var description: String { "\(file):\(line): \(kind.rawValue): \(detail)" }
}
