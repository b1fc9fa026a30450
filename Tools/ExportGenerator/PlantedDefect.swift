/// The kinds of defect the generator plants, named exactly as `planted-defects.json` names them.
public enum DefectKind: String, Sendable, CaseIterable, Codable {
    case duplicateID = "duplicate-id"
    case duplicateEmail = "duplicate-email"
    case duplicateDomain = "duplicate-domain"
    case missingRequired = "missing-required"
    case invalidEmail = "invalid-email"
    case invalidPhone = "invalid-phone"
    case orphanCompany = "orphan-company"
    case orphanContact = "orphan-contact"
    case orphanRelated = "orphan-related"
    case parentSelf = "parent-self"
    case parentCycle = "parent-cycle"
    case staleContact = "stale-contact"
    case unknownOwner = "unknown-owner"
    case attachmentMissingFile = "attachment-missing-file"
    case attachmentSizeMismatch = "attachment-size-mismatch"
    case attachmentHashMismatch = "attachment-hash-mismatch"
    case raggedRow = "ragged-row"
    case duplicateHeader = "duplicate-header"
    case nulByte = "nul-byte"
    case bannerLine = "banner-line"
    case unterminatedQuote = "unterminated-quote"
    case windows1252 = "windows-1252"
}

/// One planted defect: where it is (file and 1-based physical line of the record's first line, the header
/// being line 1 and earlier records' embedded line breaks counted) and what it is. File-level defects
/// (duplicate-header, banner-line, windows-1252) are at line 1 with no record id.
public struct PlantedDefect: Sendable, Hashable, Codable {
    public let kind: DefectKind
    public let file: String
    public let line: Int
    public let recordId: String?
    public let field: String?
    public let detail: String

    public init(kind: DefectKind, file: String, line: Int, recordId: String?, field: String?, detail: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.recordId = recordId
        self.field = field
        self.detail = detail
    }

    private enum CodingKeys: String, CodingKey { case kind, file, line, recordId, field, detail }

    /// Absent values are written as `null`, not left out, so every entry has the same keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(file, forKey: .file)
        try container.encode(line, forKey: .line)
        try container.encode(recordId, forKey: .recordId)
        try container.encode(field, forKey: .field)
        try container.encode(detail, forKey: .detail)
    }
}

/// The defects planted so far, in the order the files were written.
struct DefectLog {
    private(set) var defects: [PlantedDefect] = []

    mutating func record(
        _ kind: DefectKind, file: String, line: Int, recordId: RecordID?, field: String?, detail: String
    ) {
        defects.append(
            PlantedDefect(kind: kind, file: file, line: line, recordId: recordId?.text, field: field, detail: detail))
    }
}
