/// What the tool understood of one export, once per snapshot, from its headers *and* its values: each file's object,
/// key and label columns, each column's type and meaning, and the relations between files found from the values.
/// Snapshot, audit, proposal and transform all read this one understanding (recorded in the ledger as
/// `export.understood`), so they cannot disagree about which column identifies a record or points at another.
public struct ExportUnderstanding: Codable, Sendable, Equatable {
    public var files: [FileUnderstanding]
    /// Columns whose values are another file's keys, names, emails or domains (owners included).
    public var relations: [Relation]
    /// Type + id column pairs whose id points at the file the type names (`Related Type` / `Related ID`).
    public var polymorphic: [PolymorphicReference]
    /// The day the export was taken (`YYYY-MM-DD`): staleness is measured from it, not from today.
    public var exportDate: String?
    /// Where `exportDate` comes from (the manifest, or the newest timestamp in the export).
    public var exportDateSource: String?

    public init(
        files: [FileUnderstanding], relations: [Relation] = [], polymorphic: [PolymorphicReference] = [],
        exportDate: String? = nil, exportDateSource: String? = nil
    ) {
        self.files = files
        self.relations = relations
        self.polymorphic = polymorphic
        self.exportDate = exportDate
        self.exportDateSource = exportDateSource
    }

    public func file(object: String) -> FileUnderstanding? { files.first { $0.object == object } }
    public func file(path: String) -> FileUnderstanding? { files.first { $0.path == path } }

    /// The files holding one kind of record (several files may hold people: `contacts.csv` and `leads.csv`).
    public func files(_ role: ObjectRole) -> [FileUnderstanding] { files.filter { $0.role == role } }

    /// The relations of one file's columns.
    public func relations(of object: String) -> [Relation] { relations.filter { $0.object == object } }

    /// The relation a column of a file is, if any.
    public func relation(object: String, column: String) -> Relation? {
        relations.first { $0.object == object && $0.column == column }
    }

    public func polymorphic(of object: String) -> [PolymorphicReference] { polymorphic.filter { $0.object == object } }
}

/// One file: the object it holds, how its records are identified and named, and its columns.
public struct FileUnderstanding: Codable, Sendable, Equatable {
    /// Relative to the export's root, with `/`.
    public var path: String
    /// The source object's name in the ledger (`contacts`, `Account`, `projects`): the layout's name for the file.
    public var object: String
    public var role: ObjectRole
    public var roleConfidence: Double
    public var roleReasons: [String]
    /// The column(s) whose values identify a record; empty when nothing identifies it (then `@line-N`).
    public var keyColumns: [String]
    public var keyKind: KeyKind
    public var keyReason: String
    /// What people call a record (a name, a title), used to resolve references by name.
    public var labelColumn: String?
    public var records: Int
    public var columns: [ColumnUnderstanding]

    public init(
        path: String, object: String, role: ObjectRole, roleConfidence: Double, roleReasons: [String],
        keyColumns: [String],
        keyKind: KeyKind, keyReason: String, labelColumn: String?, records: Int, columns: [ColumnUnderstanding]
    ) {
        self.path = path
        self.object = object
        self.role = role
        self.roleConfidence = roleConfidence
        self.roleReasons = roleReasons
        self.keyColumns = keyColumns
        self.keyKind = keyKind
        self.keyReason = keyReason
        self.labelColumn = labelColumn
        self.records = records
        self.columns = columns
    }

    public func column(_ name: String) -> ColumnUnderstanding? { columns.first { $0.name == name } }

    /// The header holding a standard column (`Company Name`), whatever the export calls it.
    public func header(for standard: String) -> String? { columns.first { $0.standard == standard }?.name }

    /// Standard column -> header, for every column whose meaning is known.
    public var headerForStandard: [String: String] {
        var result: [String: String] = [:]
        for column in columns {
            if let standard = column.standard, result[standard] == nil { result[standard] = column.name }
        }
        return result
    }
}

/// How a file's records are identified.
public enum KeyKind: String, Codable, Sendable, Equatable {
    /// A column of ids.
    case id
    /// No id column: a column of unique values people use (an email, a domain, a name).
    case natural
    /// Both ends of a link (a junction file).
    case pair
    /// Nothing is unique: records are told apart by their line, which a reordered export changes.
    case line
}

/// One column: what its values are and what it means for the file's object.
public struct ColumnUnderstanding: Codable, Sendable, Equatable {
    public var name: String
    /// The values' type (`text`, `email`, `date`, `integer`, ...), from the column profile.
    public var kind: String
    /// A date or date-time column's format, as the profile detected it.
    public var format: String?
    /// The standard column of the file's role this column is (`Company Name`, `Owner Email`), nil when custom.
    public var standard: String?
    /// What decided `standard`: the header, the values, or both.
    public var evidence: Evidence?
    public var confidence: Double
    public var reasons: [String]
    /// Share of non-empty values that are distinct (over the whole file).
    public var distinctShare: Double
    public var nonEmpty: Int

    public enum Evidence: String, Codable, Sendable, Equatable {
        case header, values, both
    }

    public init(
        name: String, kind: String, format: String? = nil, standard: String? = nil, evidence: Evidence? = nil,
        confidence: Double, reasons: [String], distinctShare: Double, nonEmpty: Int
    ) {
        self.name = name
        self.kind = kind
        self.format = format
        self.standard = standard
        self.evidence = evidence
        self.confidence = confidence
        self.reasons = reasons
        self.distinctShare = distinctShare
        self.nonEmpty = nonEmpty
    }
}

/// How a reference's values name their target records.
public enum MatchBy: String, Codable, Sendable, Equatable, CaseIterable {
    /// The target's key column (its id, or its natural key).
    case id
    /// The target's label (a company's name), compared without case or repeated spaces.
    case name
    /// The target's email.
    case email
    /// The target's website domain.
    case domain
}

/// A column whose values point at another file's records.
public struct Relation: Codable, Sendable, Equatable {
    public var object: String
    public var file: String
    public var column: String
    public var targetObject: String
    public var targetFile: String
    /// The target column whose values the references match.
    public var targetColumn: String
    public var matchBy: MatchBy
    /// Distinct non-empty values examined, and how many were found once, twice or more (ambiguous), or not at all.
    public var distinctValues: Int
    public var matched: Int
    public var ambiguous: Int
    public var orphans: Int
    /// Whether the header names the target (`Company ID`, `Account Name`, `Employer`) besides the values.
    public var headerAgrees: Bool
    public var confidence: Double
    public var reason: String

    public init(
        object: String, file: String, column: String, targetObject: String, targetFile: String, targetColumn: String,
        matchBy: MatchBy, distinctValues: Int, matched: Int, ambiguous: Int, orphans: Int, headerAgrees: Bool,
        confidence: Double, reason: String
    ) {
        self.object = object
        self.file = file
        self.column = column
        self.targetObject = targetObject
        self.targetFile = targetFile
        self.targetColumn = targetColumn
        self.matchBy = matchBy
        self.distinctValues = distinctValues
        self.matched = matched
        self.ambiguous = ambiguous
        self.orphans = orphans
        self.headerAgrees = headerAgrees
        self.confidence = confidence
        self.reason = reason
    }

    public var isSelfReference: Bool { object == targetObject }
}

/// A type column and an id column that together point at records of several files.
public struct PolymorphicReference: Codable, Sendable, Equatable {
    public var object: String
    public var file: String
    public var typeColumn: String
    public var idColumn: String
    /// Each type value (`Contact`, `Account`) -> the object its ids belong to.
    public var targets: [String: String]
    public var reason: String

    public init(
        object: String, file: String, typeColumn: String, idColumn: String, targets: [String: String], reason: String
    ) {
        self.object = object
        self.file = file
        self.typeColumn = typeColumn
        self.idColumn = idColumn
        self.targets = targets
        self.reason = reason
    }
}
