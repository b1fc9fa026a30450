import Foundation

/// The vendor-shaped exports this writer knows: each a whole export in its own vocabulary, file names, formats and
/// way of relating records, sharing nothing with the tool's default layout.
public enum ForeignStyle: String, Sendable, CaseIterable {
    /// Salesforce report exports: label headers, relations by name, owners by full name, US dates.
    case salesforce
    /// A German CRM: `;`, BOM, German headers and countries, dotted dates, decimal commas, owners by initials.
    case german
    /// A British CRM: UK vocabulary, DD/MM/YYYY, ids that do not say what they name, two files without ids.
    case british
    /// A product database dump: snake_case, epoch/Excel/compact dates, a custom object, a junction, NDJSON.
    case snake

    public var summary: String {
        switch self {
        case .salesforce: "Account.csv, Contact.csv, Opportunity.csv, User.csv, Task.csv"
        case .german: "firmen.csv, personen.csv, pipeline.csv, benutzer.csv, aufgaben.csv"
        case .british: "organisations.csv, people.csv, opportunities.csv, staff.csv, actions.csv"
        case .snake:
            "users.csv, accounts.csv, leads.csv, deals_pipeline.csv, activities.json, projects.csv, project_members.csv"
        }
    }
}

/// Writes one foreign export and its answer key. The same style, records and seed give byte-identical files.
public struct ForeignExportWriter: Sendable {
    public static let minimumRecords = 60
    public static let answerKeyName = "answer-key.json"

    public let style: ForeignStyle
    /// How many people (contacts, leads); companies, deals and tasks are sized from it.
    public let records: Int
    public let seed: UInt64

    public init(style: ForeignStyle, records: Int, seed: UInt64) throws {
        guard records >= Self.minimumRecords else { throw ForeignExportError.tooFewRecords(records) }
        self.style = style
        self.records = records
        self.seed = seed
    }

    /// The export and its key, in memory.
    public func render() throws -> RenderedExport {
        let draft: ExportDraft
        switch style {
        case .salesforce: draft = SalesforceStyle.draft(records: records, seed: seed)
        case .german: draft = GermanStyle.draft(records: records, seed: seed)
        case .british: draft = BritishStyle.draft(records: records, seed: seed)
        case .snake: draft = SnakeStyle.draft(records: records, seed: seed)
        }
        return try draft.render(seed: seed)
    }

    /// Writes the export's files and `answer-key.json` into `directory`, which must be new, empty, or hold an
    /// earlier foreign export (replaced whole).
    @discardableResult
    public func write(to directory: URL) throws -> AnswerKey {
        let rendered = try render()
        try Self.prepare(directory)
        for file in rendered.files {
            try Data(file.bytes).write(to: directory.appendingPathComponent(file.path))
        }
        try Self.encode(rendered.key).write(to: directory.appendingPathComponent(Self.answerKeyName))
        return rendered.key
    }

    /// The key as written: sorted keys, two-space indents, slashes unescaped, a final line break.
    public static func encode(_ key: AnswerKey) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(key) + Data("\n".utf8)
    }

    private static func prepare(_ directory: URL) throws {
        let manager = FileManager.default
        if let contents = try? manager.contentsOfDirectory(atPath: directory.path), !contents.isEmpty {
            guard contents.contains(answerKeyName) else { throw ForeignExportError.folderInUse(directory.path) }
            try manager.removeItem(at: directory)
        }
        try manager.createDirectory(at: directory, withIntermediateDirectories: true)
    }
}
