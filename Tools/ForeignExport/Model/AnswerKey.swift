/// `answer-key.json`: the truth about one written export, for scoring what the tool makes of it. Written beside
/// the export, not part of it. Every optional member is written as `null` when absent, never left out, so a reader
/// can tell "no label column" from "forgot to say".
public struct AnswerKey: Codable, Sendable, Equatable {
    public var about: String
    public var writer: String
    public var style: String
    public var seed: UInt64?
    public var files: [FileTruth]
    public var relations: [RelationTruth]
    public var polymorphic: [PolymorphicTruth]
    public var defects: [DefectTruth]

    public init(
        about: String, writer: String, style: String, seed: UInt64?, files: [FileTruth], relations: [RelationTruth],
        polymorphic: [PolymorphicTruth], defects: [DefectTruth]
    ) {
        self.about = about
        self.writer = writer
        self.style = style
        self.seed = seed
        self.files = files
        self.relations = relations
        self.polymorphic = polymorphic
        self.defects = defects
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(about, forKey: .about)
        try container.encode(writer, forKey: .writer)
        try container.encode(style, forKey: .style)
        try container.encode(seed, forKey: .seed)
        try container.encode(files, forKey: .files)
        try container.encode(relations, forKey: .relations)
        try container.encode(polymorphic, forKey: .polymorphic)
        try container.encode(defects, forKey: .defects)
    }

    public func file(_ path: String) -> FileTruth? { files.first { $0.path == path } }
}

/// One file of the export: what it holds, what identifies its records, and every column.
public struct FileTruth: Codable, Sendable, Equatable {
    public var path: String
    /// companies, contacts, deals, users, stages, tasks, notes, activities, attachments, custom or junction.
    public var role: String
    public var keyColumns: [String]
    /// `id` (a column of ids), `natural` (a unique email or name stands in for an id) or `line`.
    public var keyKind: String
    public var labelColumn: String?
    public var records: Int
    public var columns: [ColumnTruth]

    public init(
        path: String, role: String, keyColumns: [String], keyKind: String, labelColumn: String?, records: Int,
        columns: [ColumnTruth]
    ) {
        self.path = path
        self.role = role
        self.keyColumns = keyColumns
        self.keyKind = keyKind
        self.labelColumn = labelColumn
        self.records = records
        self.columns = columns
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
        try container.encode(role, forKey: .role)
        try container.encode(keyColumns, forKey: .keyColumns)
        try container.encode(keyKind, forKey: .keyKind)
        try container.encode(labelColumn, forKey: .labelColumn)
        try container.encode(records, forKey: .records)
        try container.encode(columns, forKey: .columns)
    }

    public func column(_ name: String) -> ColumnTruth? { columns.first { $0.name == name } }
}

/// One column: the tool's canonical name for it, where it belongs in Twenty, what its values are and how they are
/// written, and what it points at.
public struct ColumnTruth: Codable, Sendable, Equatable {
    public var name: String
    public var standard: String?
    public var target: String?
    public var kind: String
    public var format: String?
    public var reference: ReferenceTruth?

    public init(
        name: String, standard: String?, target: String?, kind: String, format: String?, reference: ReferenceTruth?
    ) {
        self.name = name
        self.standard = standard
        self.target = target
        self.kind = kind
        self.format = format
        self.reference = reference
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(standard, forKey: .standard)
        try container.encode(target, forKey: .target)
        try container.encode(kind, forKey: .kind)
        try container.encode(format, forKey: .format)
        try container.encode(reference, forKey: .reference)
    }
}

/// The file a reference column points at, and which of that file's values it holds.
public struct ReferenceTruth: Codable, Sendable, Equatable {
    public var file: String
    /// `id`, `name`, `email` or `domain`.
    public var by: String

    public init(file: String, by: String) {
        self.file = file
        self.by = by
    }
}

public struct RelationTruth: Codable, Sendable, Equatable {
    public var file: String
    public var column: String
    public var targetFile: String
    public var by: String

    public init(file: String, column: String, targetFile: String, by: String) {
        self.file = file
        self.column = column
        self.targetFile = targetFile
        self.by = by
    }
}

/// A pair of columns where the first names the object (`Account`) and the second holds an id of it.
public struct PolymorphicTruth: Codable, Sendable, Equatable {
    public var file: String
    public var typeColumn: String
    public var idColumn: String
    /// Each value of the type column, and the file whose records it names.
    public var targets: [String: String]

    public init(file: String, typeColumn: String, idColumn: String, targets: [String: String]) {
        self.file = file
        self.typeColumn = typeColumn
        self.idColumn = idColumn
        self.targets = targets
    }
}

/// One planted defect, at the 1-based physical line its record starts on (the header is line 1 of a CSV; an
/// NDJSON file's first record is its line 1).
public struct DefectTruth: Codable, Sendable, Equatable {
    public var kind: String
    public var file: String
    public var line: Int
    public var recordId: String?
    public var field: String?
    public var detail: String

    public init(kind: String, file: String, line: Int, recordId: String?, field: String?, detail: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.recordId = recordId
        self.field = field
        self.detail = detail
    }

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
