/// What a migration needs to know about one Twenty object: its names and its fields.
///
/// This is the shape the tool reasons about, whether it was read from a live workspace's metadata
/// (`GET /rest/metadata/objects`) or taken from ``StandardObjects``.
public struct ObjectDescription: Codable, Sendable, Hashable {
    public var nameSingular: String
    public var namePlural: String
    public var labelSingular: String
    public var labelPlural: String
    /// True for objects created through the metadata API (every Allegory custom object becomes one).
    public var isCustom: Bool
    public var fields: [FieldDescription]

    public init(
        nameSingular: String, namePlural: String, labelSingular: String, labelPlural: String,
        isCustom: Bool = false, fields: [FieldDescription]
    ) {
        self.nameSingular = nameSingular
        self.namePlural = namePlural
        self.labelSingular = labelSingular
        self.labelPlural = labelPlural
        self.isCustom = isCustom
        self.fields = fields
    }

    public func field(named name: String) -> FieldDescription? {
        fields.first { $0.name == name }
    }

    /// The field whose join column is `column` (`companyId` -> the `company` relation).
    public func relation(joinColumn column: String) -> FieldDescription? {
        fields.first { $0.relation?.joinColumn == column }
    }

    /// Fields a client may write: not system-managed, and not the one-to-many side of a relation.
    public var writableFields: [FieldDescription] {
        fields.filter { !$0.isSystem && $0.relation?.kind != .oneToMany }
    }
}

/// One field of a Twenty object.
public struct FieldDescription: Codable, Sendable, Hashable {
    public var name: String
    public var label: String
    public var type: FieldType
    public var isNullable: Bool
    /// Twenty enforces uniqueness on the field (for composites, on its primary subfield), soft-deleted rows included.
    public var isUnique: Bool
    /// Managed by Twenty itself (`id`, `createdAt`, `searchVector`, ...); a migration writes only `id` and `createdAt`.
    public var isSystem: Bool
    /// Twenty's default as its metadata spells it (a SELECT default is a quoted literal, `'NEW'`).
    public var defaultValue: String?
    public var options: [SelectOption]?
    public var relation: RelationDescription?

    public init(
        name: String, label: String, type: FieldType, isNullable: Bool = true, isUnique: Bool = false,
        isSystem: Bool = false, defaultValue: String? = nil, options: [SelectOption]? = nil,
        relation: RelationDescription? = nil
    ) {
        self.name = name
        self.label = label
        self.type = type
        self.isNullable = isNullable
        self.isUnique = isUnique
        self.isSystem = isSystem
        self.defaultValue = defaultValue
        self.options = options
        self.relation = relation
    }

    /// A required field has no default and refuses null: Twenty answers "A required field is missing".
    public var isRequired: Bool { !isNullable && defaultValue == nil && !isSystem }
}

/// The relation side of a RELATION field.
public struct RelationDescription: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable { case manyToOne = "MANY_TO_ONE", oneToMany = "ONE_TO_MANY" }

    public var kind: Kind
    /// `nameSingular` of the object at the other end.
    public var targetObject: String
    /// The column a client writes for a many-to-one side (`companyId`); nil on a one-to-many side.
    public var joinColumn: String?

    public init(kind: Kind, targetObject: String, joinColumn: String?) {
        self.kind = kind
        self.targetObject = targetObject
        self.joinColumn = joinColumn
    }
}
