import Foundation

/// The files of an export that hold records, with the object each holds and the column(s) that identify a
/// record, as the default ("allegory") layout describes them. Files the layout does not name are read too, as
/// objects named after the file, identified by their first `... ID` column.
///
/// The export is a folder or a `.zip` (`ExportSource`). The layout's files are found at any depth
/// (`export-2026/crm/companies.csv`), each once: when two files claim the same standard name, the one nearest the
/// root is read and the other is a finding.
public struct ExportLayout: Sendable {
    public struct SourceFile: Sendable, Equatable {
        public enum Format: String, Sendable { case csv, json }
        /// Relative to the export's root, with `/`.
        public let path: String
        public let object: String
        public let format: Format
        /// Header names (matched loosely) whose values identify a record; several for a link file.
        public let keyColumns: [String]
    }

    /// The folder or zip file given.
    public let root: URL
    public let source: ExportSource
    public let files: [SourceFile]
    /// Files of the default layout that are absent.
    public let missingFiles: [String]
    /// What the layout noticed about the export's files as a whole (a standard file found twice).
    public let findings: [ReadFinding]
    /// The export's `manifest.json`, wherever it is (the one nearest the root).
    public let manifestPath: String?
    /// Encodings given for files whose encoding detection cannot decide (`--encoding`).
    public var encodings = EncodingOverrides()

    /// The standard files, their objects and key columns.
    static let standard: [(path: String, object: String, key: [String])] = [
        ("users.csv", "users", ["User ID"]),
        ("stages.csv", "stages", ["Pipeline", "Stage"]),
        ("companies.csv", "companies", ["Company ID"]),
        ("contacts.csv", "contacts", ["Contact ID"]),
        ("deals.csv", "deals", ["Deal ID"]),
        ("tasks.csv", "tasks", ["Task ID"]),
        ("notes.csv", "notes", ["Note ID"]),
        ("activities.csv", "activities", ["Activity ID"]),
        ("attachments.csv", "attachments", ["Attachment ID"]),
        ("custom_fields.csv", "custom_fields", ["Object", "Field"]),
        ("workflows.json", "workflows", ["id"]),
    ]

    /// Files that describe the export rather than hold records.
    static let descriptive: Set<String> = ["manifest.json", "planted-defects.json", "answer-key.json"]

    /// `root`: the export folder, or a `.zip` of it.
    public init(root: URL) throws {
        self.root = root
        let source = try ExportSource(url: root)
        self.source = source
        let placement = StandardPlacement(source.files, standard: ExportLayout.standard.map(\.path))
        var files: [SourceFile] = []
        var missing: [String] = []
        for entry in ExportLayout.standard {
            if let path = placement.chosen[entry.path] {
                files.append(
                    SourceFile(
                        path: path, object: entry.object, format: entry.path.hasSuffix(".json") ? .json : .csv,
                        keyColumns: entry.key))
            } else {
                missing.append(entry.path)
            }
        }
        findings = placement.findings
        manifestPath = placement.nearest("manifest.json")
        // Everything else that holds records: custom objects, many-to-many links, and files the layout does not know.
        // Their names are read relative to the folder the standard files are in, as if it were the export's root.
        let base = placement.base
        var others: [String] = []
        for path in source.files where !placement.claimed.contains(path) {
            if path.hasPrefix(source.attachmentsFolder) { continue }
            let relative = path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
            let lower = relative.lowercased()
            guard
                lower.hasSuffix(".csv") || lower.hasSuffix(".json") || lower.hasSuffix(".ndjson")
                    || lower.hasSuffix(".jsonl"),
                !lower.hasSuffix(".schema.json"),
                !ExportLayout.descriptive.contains(URL(fileURLWithPath: relative).lastPathComponent)
            else { continue }
            others.append(path)
        }
        for path in others.sorted() {
            let relative = path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
            let stem = URL(fileURLWithPath: relative).deletingPathExtension().lastPathComponent
            let format: SourceFile.Format = relative.lowercased().hasSuffix(".csv") ? .csv : .json
            if relative.hasPrefix("relationships/") {
                // `<a>__<b>.csv` links two objects: its records are identified by the pair of ids.
                let sides = stem.components(separatedBy: "__")
                let keys = sides.count == 2 ? sides.map { ExportLayout.idColumn(forObject: $0) } : []
                files.append(SourceFile(path: path, object: stem, format: format, keyColumns: keys))
            } else {
                // A custom object's schema may name its key column; else the layout's `<Name> ID`.
                let schema = String(path.dropLast(URL(fileURLWithPath: path).pathExtension.count)) + "schema.json"
                let key =
                    source.contains(schema)
                    ? (try? source.withLocalFile(schema) {
                        try FieldDefinitions.customObjectSchema(object: stem, at: $0)
                    })?.keyColumn
                    : nil
                files.append(
                    SourceFile(
                        path: path, object: stem, format: format,
                        keyColumns: [key ?? ExportLayout.idColumn(forObject: stem)]))
            }
        }
        self.files = files
        missingFiles = missing
    }

    /// `projects` -> `Project ID`: the layout's `<Name> ID` for a custom object or a side of a link.
    static func idColumn(forObject object: String) -> String {
        var name = object
        if name.hasSuffix("ies") {
            name = String(name.dropLast(3)) + "y"
        } else if name.hasSuffix("s") {
            name = String(name.dropLast())
        }
        return name.prefix(1).uppercased() + name.dropFirst() + " ID"
    }

    /// Where `file` is on disk when the export is a folder. A zipped export's files have no such place: read them
    /// with `withLocalFile(of:_:)`.
    public func url(of file: SourceFile) -> URL { root.appendingPathComponent(file.path) }

    /// Calls `body` with a local path holding `file`'s bytes, whatever the container (`ExportSource.withLocalFile`).
    public func withLocalFile<T>(of file: SourceFile, _ body: (String) throws -> T) throws -> T {
        try source.withLocalFile(file.path, body)
    }

    /// The encoding given for `file` with `--encoding`, if any; nil: detect it.
    public func encoding(for file: SourceFile) -> TextEncoding? { encodings.encoding(for: file.path) }
}
