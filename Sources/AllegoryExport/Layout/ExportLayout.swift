import Foundation

/// The files of an export folder that hold records, with the object each holds and the column(s) that identify a
/// record, as the default ("allegory") layout describes them. Files the layout does not name are read too, as
/// objects named after the file, identified by their first `... ID` column.
public struct ExportLayout: Sendable {
    public struct SourceFile: Sendable, Equatable {
        public enum Format: String, Sendable { case csv, json }
        /// Relative to the export folder, with `/`.
        public let path: String
        public let object: String
        public let format: Format
        /// Header names (matched loosely) whose values identify a record; several for a link file.
        public let keyColumns: [String]
    }

    public let root: URL
    public let files: [SourceFile]
    /// Files of the default layout that are absent.
    public let missingFiles: [String]

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

    public init(root: URL) throws {
        self.root = root
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ExportReadError.cannotOpen(root.path, "not a folder")
        }
        var files: [SourceFile] = []
        var missing: [String] = []
        var claimed = Set<String>()
        for entry in ExportLayout.standard {
            claimed.insert(entry.path)
            if fileManager.fileExists(atPath: root.appendingPathComponent(entry.path).path) {
                files.append(SourceFile(path: entry.path, object: entry.object, format: entry.path.hasSuffix(".json") ? .json : .csv, keyColumns: entry.key))
            } else {
                missing.append(entry.path)
            }
        }
        // Everything else that holds records: custom objects, many-to-many links, and files the layout does not know.
        let enumerator = fileManager.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        var others: [String] = []
        while let url = enumerator?.nextObject() as? URL {
            let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            if relative.hasPrefix("files/") { enumerator?.skipDescendants(); continue }
            let lower = relative.lowercased()
            guard lower.hasSuffix(".csv") || lower.hasSuffix(".json") || lower.hasSuffix(".ndjson") || lower.hasSuffix(".jsonl"),
                !lower.hasSuffix(".schema.json"), !claimed.contains(relative), !ExportLayout.descriptive.contains(relative)
            else { continue }
            others.append(relative)
        }
        for relative in others.sorted() {
            let stem = URL(fileURLWithPath: relative).deletingPathExtension().lastPathComponent
            let format: SourceFile.Format = relative.lowercased().hasSuffix(".csv") ? .csv : .json
            if relative.hasPrefix("relationships/") {
                // `<a>__<b>.csv` links two objects: its records are identified by the pair of ids.
                let sides = stem.components(separatedBy: "__")
                let keys = sides.count == 2 ? sides.map { ExportLayout.idColumn(forObject: $0) } : []
                files.append(SourceFile(path: relative, object: stem, format: format, keyColumns: keys))
            } else {
                // A custom object's schema may name its key column; else the layout's `<Name> ID`.
                let schema = root.appendingPathComponent(relative).deletingPathExtension().appendingPathExtension("schema.json")
                let key = (try? FieldDefinitions.customObjectSchema(object: stem, at: schema.path))?.keyColumn
                files.append(SourceFile(path: relative, object: stem, format: format, keyColumns: [key ?? ExportLayout.idColumn(forObject: stem)]))
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

    public func url(of file: SourceFile) -> URL { root.appendingPathComponent(file.path) }
}
