/// One thing the audit found, with where it is: file, line, record and field.
public struct AuditFinding: Sendable, Codable, Hashable {
    /// Data-quality kinds (`duplicate-email`, `orphan-company`, ...) and the readers' format kinds
    /// (`ragged-row`, `encoding`, ...), as `AuditFinding.descriptions` lists them.
    public let kind: String
    public let object: String
    public let file: String
    public let line: Int
    public let sourceId: String?
    public let field: String?
    public let detail: String

    public init(
        kind: String, object: String, file: String, line: Int, sourceId: String?, field: String?, detail: String
    ) {
        self.kind = kind
        self.object = object
        self.file = file
        self.line = line
        self.sourceId = sourceId
        self.field = field
        self.detail = detail
    }

    /// What each kind means, for the report.
    public static let descriptions: [String: String] = [
        "duplicate-id": "a record whose id another record of the file already has (reported at the later lines)",
        "duplicate-email": "a contact email (normalised: trimmed, lower-case) already used by another contact",
        "duplicate-domain": "a company website domain already used by another company",
        "missing-required":
            "a record without the value Twenty needs (a company or deal name; a contact's name or email)",
        "invalid-email": "an email address that is not name@domain.tld",
        "invalid-phone": "a phone number no region's numbering plan allows (libphonenumber's lengths and patterns)",
        "orphan-company": "a reference to a company (by id, name or domain) that no company has",
        "orphan-contact": "a reference to a contact (by id, name or email) that no contact has",
        "ambiguous-reference":
            "a reference by name, email or domain that several records share: which one is meant is unclear",
        "no-key":
            "a file in which no column tells records apart: they are kept apart by line, which a reordered export changes",
        "duplicate-file": "two files of the export claim the same standard name: the one nearest the root is read",
        "orphan-related": "a task, note, activity or attachment pointing at a record that does not exist",
        "parent-self": "a company that is its own parent",
        "parent-cycle": "companies whose parent chain loops back",
        "stale-contact": "a contact with no activity for 24 months or more before the export",
        "unknown-owner": "an owner or assignee (email or name) that is not among the users",
        "attachment-missing-file": "an attachment whose file is not in files/",
        "attachment-size-mismatch": "an attachment whose file size differs from the listing",
        "attachment-hash-mismatch": "an attachment whose file SHA-256 differs from the listing",
        "encoding": "a file that is not UTF-8 (converted)",
        "invalid-utf8": "bytes that are not UTF-8 in a UTF-8 file",
        "empty-file": "a file with no records",
        "banner-line": "a line before the header",
        "duplicate-header": "a column name used twice",
        "empty-header": "a column without a name",
        "ragged-row": "a row with more or fewer cells than the header",
        "nul-byte": "NUL bytes in a cell",
        "unterminated-quote": "a quote never closed: the rest of the file is one unreadable record",
        "stray-quote": "a quote inside an unquoted cell",
        "invalid-json": "a JSON element that cannot be read",
    ]
}
