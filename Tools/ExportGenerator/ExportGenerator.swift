import Foundation

/// Generates a synthetic Allegory export in the default layout (shared/ALLEGORY_EXPORT.md): N contacts and
/// proportional companies, deals, tasks, notes, activities, attachments and a custom object, deterministic
/// for a seed. Unless `clean`, it plants a handful of defects of every kind and lists them in
/// `planted-defects.json`, the answer key an audit is tested against.
///
///     let summary = try ExportGenerator(contacts: 2_000, seed: 7).write(to: directory)
public struct ExportGenerator: Sendable {
    /// Fewer contacts leave too few clean records to plant every kind of defect among.
    public static let minimumContactsWithDefects = 100

    public let contacts: Int
    public let seed: UInt64
    public let clean: Bool
    /// Companies and deals when not the usual tenth and fifth of the contacts (benchmarks size objects apart).
    public let companies: Int?
    public let deals: Int?

    public init(contacts: Int, seed: UInt64, clean: Bool = false, companies: Int? = nil, deals: Int? = nil) {
        self.contacts = contacts
        self.seed = seed
        self.clean = clean
        self.companies = companies
        self.deals = deals
    }

    /// The CRM's users still at the company, as they would join the new workspace: a demo invites them as members
    /// so that owners map by email, as in a real migration.
    public static var activeUsers: [(name: String, email: String)] {
        Users.all.filter(\.isActive).map { ($0.name, $0.email) }
    }

    /// Every top-level entry the generator writes; an earlier generated export in the directory is replaced.
    static let entries = [
        Users.path, Stages.path, Companies.path, Contacts.path, Deals.path, Tasks.path, Notes.path, Activities.path,
        Attachments.path, Attachments.filesDirectory, Projects.directory, "relationships", CustomFields.path,
        Workflows.path, Manifest.path, AnswerKey.path,
    ]

    /// The date format of every date column, by file and column.
    public static var dateFormats: [String: [String: String]] {
        let byFile: [(String, [String: DateFormat])] = [
            (Companies.path, Companies.dateFormats), (Contacts.path, Contacts.dateFormats),
            (Deals.path, Deals.dateFormats), (Tasks.path, Tasks.dateFormats), (Notes.path, Notes.dateFormats),
            (Activities.path, Activities.dateFormats), (Attachments.path, Attachments.dateFormats),
            (Projects.path, Projects.dateFormats),
        ]
        return Dictionary(uniqueKeysWithValues: byFile.map { ($0.0, $0.1.mapValues(\.rawValue)) })
    }

    /// Writes the export into `directory` (created if needed; it must be empty or hold an earlier generated
    /// export) and returns what was written.
    public func write(to directory: URL) throws -> GenerationSummary {
        guard contacts >= (clean ? 1 : Self.minimumContactsWithDefects) else {
            throw GenerationError.tooFewContacts(
                requested: contacts, minimum: clean ? 1 : Self.minimumContactsWithDefects)
        }
        try prepare(directory)
        let crm = SyntheticCRM(contacts: contacts, seed: seed, clean: clean, companies: companies, deals: deals)
        var log = DefectLog()
        var files: [GenerationSummary.File] = []
        func add(_ file: GenerationSummary.File) { files.append(file) }

        add(try Users.write(to: directory))
        add(try Stages.write(to: directory))
        add(try Companies.write(crm, to: directory, log: &log))
        add(try Contacts.write(crm, to: directory, log: &log))
        add(try Deals.write(crm, to: directory, log: &log))
        add(try Tasks.write(crm, to: directory, log: &log))
        add(try Notes.write(crm, to: directory, log: &log))
        add(try Activities.write(crm, to: directory, log: &log))
        let attachments = try Attachments.write(crm, to: directory, log: &log)
        add(attachments.list)
        add(attachments.files)
        add(try Projects.write(crm, to: directory, log: &log))
        let schemaBytes = try JSONFile.write(Projects.schema, to: directory.appendingPathComponent(Projects.schemaPath))
        files.append(.init(path: Projects.schemaPath, records: nil, bytes: schemaBytes))
        add(try Projects.writeContactLinks(crm, to: directory))
        add(try CustomFields.write(to: directory))
        let workflows = try Workflows.write(seed: seed, to: directory)
        files.append(.init(path: Workflows.path, records: workflows.count, bytes: workflows.bytes))

        let counts = Dictionary(
            uniqueKeysWithValues: files.compactMap { file in
                file.records.map { (file.path, $0) }
            }.filter { $0.0 != Attachments.filesDirectory + "/" })
        let manifestBytes = try JSONFile.write(
            Manifest(recordCounts: counts), to: directory.appendingPathComponent(Manifest.path))
        files.append(.init(path: Manifest.path, records: nil, bytes: manifestBytes))

        let key = AnswerKey(
            seed: seed, contacts: contacts, clean: clean, dateFormats: Self.dateFormats, defects: log.defects)
        let keyBytes = try JSONFile.write(key, to: directory.appendingPathComponent(AnswerKey.path))
        files.append(.init(path: AnswerKey.path, records: log.defects.count, bytes: keyBytes))
        return GenerationSummary(files: files, defects: log.defects, dateFormats: Self.dateFormats)
    }

    /// Refuses to write into a directory of someone else's files; replaces an earlier generated export
    /// (recognised by its answer key) so stale files of a larger run cannot linger.
    private func prepare(_ directory: URL) throws {
        let manager = FileManager.default
        guard manager.fileExists(atPath: directory.path) else {
            try manager.createDirectory(at: directory, withIntermediateDirectories: true)
            return
        }
        let present = try manager.contentsOfDirectory(atPath: directory.path)
        guard !present.isEmpty else { return }
        guard present.contains(AnswerKey.path) else { throw GenerationError.directoryNotEmpty(path: directory.path) }
        for entry in Self.entries where present.contains(entry) {
            try manager.removeItem(at: directory.appendingPathComponent(entry))
        }
    }
}
