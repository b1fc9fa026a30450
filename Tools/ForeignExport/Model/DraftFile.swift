/// What a file's records are, as the answer key names it.
enum FileRole: String, Sendable {
    case companies, contacts, deals, users, stages, tasks, notes, activities, attachments, custom, junction
}

/// What a column's values are, as the answer key names it.
enum ValueKind: String, Sendable {
    case text, id, email, phone, url, date, datetime, integer, decimal, money, percent, year, boolean, picklist
    case country, reference
    case currencyCode = "currency-code"
}

/// Which of a file's values a reference holds.
enum Lookup: String, Sendable {
    case id, name, email, domain
}

/// One column of a file being drafted, with everything the answer key says about it.
struct DraftColumn: Sendable {
    let name: String
    let standard: String?
    let target: String?
    let kind: ValueKind
    let format: String?
    let reference: (file: String, by: Lookup)?

    init(
        _ name: String, _ standard: String?, _ target: String?, _ kind: ValueKind, format: String? = nil,
        points: (file: String, by: Lookup)? = nil
    ) {
        self.name = name
        self.standard = standard
        self.target = target
        self.kind = kind
        self.format = format
        self.reference = points
    }
}

/// How a file is written: CSV in a dialect, or one JSON object per line.
enum FileLayout: Sendable {
    case csv(delimiter: Character, lineEnd: String, quoteEveryCell: Bool, byteOrderMark: Bool)
    case ndjson
}

/// One record of a drafted file. `tag` stays with the record when others are inserted before it, so a defect
/// finds its record's line only once the file is final.
struct DraftRow: Sendable {
    let tag: Int
    var cells: [String: String]

    subscript(_ column: String) -> String {
        get { cells[column] ?? "" }
        set { cells[column] = newValue }
    }
}

/// A file of the export while it is drafted: its columns, its records in order, and how its records are known.
struct DraftFile: Sendable {
    let path: String
    let role: FileRole
    let layout: FileLayout
    let columns: [DraftColumn]
    var rows: [DraftRow] = []
    let keyColumns: [String]
    /// `id`, or `natural` where a unique email or name is the only key.
    let keyKind: String
    let labelColumn: String?
    /// The column other files' references `by: email` and `by: domain` match, when there is one.
    let emailColumn: String?
    let domainColumn: String?

    init(
        path: String, role: FileRole, layout: FileLayout, columns: [DraftColumn], keyColumns: [String],
        keyKind: String = "id", labelColumn: String?, emailColumn: String? = nil, domainColumn: String? = nil
    ) {
        self.path = path
        self.role = role
        self.layout = layout
        self.columns = columns
        self.keyColumns = keyColumns
        self.keyKind = keyKind
        self.labelColumn = labelColumn
        self.emailColumn = emailColumn
        self.domainColumn = domainColumn
    }

    /// The column whose values a reference `by` this lookup matches.
    func column(for lookup: Lookup) -> String? {
        switch lookup {
        case .id: keyColumns.count == 1 ? keyColumns[0] : nil
        case .name: labelColumn
        case .email: emailColumn
        case .domain: domainColumn
        }
    }

    func index(ofTag tag: Int) -> Int? { rows.firstIndex { $0.tag == tag } }

    /// The record's key as the answer key reports it: its key column values, joined when there are several.
    func recordId(_ row: DraftRow) -> String? {
        let parts = keyColumns.map { row[$0] }
        return parts.allSatisfy(\.isEmpty) ? nil : parts.joined(separator: " / ")
    }
}
