import TwentyModel

/// How one source column lands in a Twenty field, or a subfield of a composite one.
///
/// A polymorphic parent (`Related Type` + `Related ID` of tasks, notes and activities, `Parent Type` + `Parent ID`
/// of attachments) is written as two mappings: the type column with `transform: skip`, and the id column with
/// `target: null`, `transform: reference` and `references` naming the type column (`references: "Related Type"`)
/// rather than an object. The target is null because no single join column receives the link: the object named
/// in each record's type column decides it, and the link is written as a taskTarget or noteTarget record (or, for
/// an attachment, its target field of that object). See `isPolymorphicParent`.
public struct FieldMapping: Sendable, Equatable {
    /// The source column, as its header reads.
    public var column: String
    /// Field path in Twenty: `jobTitle`, `name.firstName`, `emails.primaryEmail`, `amount.amountMicros`,
    /// a join column (`companyId`) for references; nil when the column is not migrated, or when it is a polymorphic
    /// parent's id (`transform: reference`), whose link depends on each record's type column.
    public var target: String?
    public var transform: Transform
    public var confidence: Double
    /// Why the tool proposed this, in words a person can check.
    public var reasons: [String]
    /// A custom field to create first, when `target` names a field the workspace does not have yet.
    public var newField: NewField?
    /// Source value -> option value for SELECT and MULTI_SELECT targets (stages, statuses), in the source's order.
    public var values: [ValueMapping]
    /// For date and datetime transforms: the format detected in the values (`MM/DD/YYYY`, `DD.MM.YYYY HH:mm`,
    /// `ISO 8601 date-time`, `Excel serial`, `Unix seconds`, ...: `TimestampFormat`'s names).
    public var format: String?
    /// For number and currencyAmount transforms: the mark before the fraction, `.` (`1,234.56`) or `,`
    /// (`1.234,56`), as the profile decided it from the column's values; nil reads a point, as maps before it did.
    public var decimalSeparator: String?
    /// For `.reference`: the source object whose ids the column holds (`companies`); for a polymorphic parent
    /// (`target` nil), the column of the same file naming each record's parent object (`Related Type`).
    public var references: String?
    /// For list-valued columns (`Other Emails`): the separator between items.
    public var separator: String?
    /// For `.reference` to an object: how the values name their records when not by id (`name`, `email`,
    /// `domain`): a deal's `Account Name` holds company names, resolved against the companies' label column.
    public var matchBy: String?
    /// Who wins when a delta finds this field changed in the source and edited in Twenty (`onConflict`); nil reports
    /// the conflict and keeps Twenty's edit unless the delta is told to overwrite.
    public var onConflict: ConflictRule?

    public init(
        column: String, target: String?, transform: Transform, confidence: Double, reasons: [String],
        newField: NewField? = nil, values: [ValueMapping] = [], format: String? = nil, references: String? = nil,
        separator: String? = nil, decimalSeparator: String? = nil, matchBy: String? = nil
    ) {
        self.column = column
        self.target = target
        self.transform = transform
        self.confidence = confidence
        self.reasons = reasons
        self.newField = newField
        self.values = values
        self.format = format
        self.references = references
        self.separator = separator
        self.matchBy = matchBy
        self.decimalSeparator = decimalSeparator
    }

    /// The ways `matchBy` may name a reference's records.
    public static let matchByValues = ["id", "name", "email", "domain"]

    /// A polymorphic parent's id column: a reference with no join column, whose `references` names the column that
    /// gives each record's parent object (`Related Type`), so the link goes to a different object record by record.
    public var isPolymorphicParent: Bool { transform == .reference && target == nil }

    /// For a polymorphic parent, the column naming each record's parent object; nil for any other mapping.
    public var parentTypeColumn: String? { isPolymorphicParent ? references : nil }

    /// The top-level Twenty field the target writes (`name` for `name.firstName`).
    public var targetField: String? { target.map { String($0.split(separator: ".", maxSplits: 1)[0]) } }
    /// The subfield of a composite target (`firstName` for `name.firstName`), nil for a whole field.
    public var targetSubfield: String? {
        guard let target, let dot = target.firstIndex(of: ".") else { return nil }
        return String(target[target.index(after: dot)...])
    }
}

/// How a source value becomes a Twenty value. Each case names one type-aware transform.
public enum Transform: String, Sendable, CaseIterable {
    /// Trimmed text; empty becomes null.
    case text
    /// A full name in one column, split into `firstName`/`lastName` keeping particles (`van der Berg`).
    case fullName
    /// Trimmed, lower-cased, validated email.
    case email
    /// Several emails in one column (split on `separator`), each as `.email`; feeds `emails.additionalEmails`.
    case emailList
    /// A phone number normalised to number + calling code + country (default country from the map).
    case phone
    /// A URL: scheme added, host lower-cased, no trailing slash.
    case url
    /// A decimal amount as integer micros (`19.99` -> 19990000) without floating-point error.
    case currencyAmount
    /// An ISO 4217 currency code.
    case currencyCode
    case number
    case boolean
    /// A calendar date (`YYYY-MM-DD`), read in `format`.
    case date
    /// An instant, read in `format` and the map's time zone, written as ISO 8601 UTC.
    case dateTime
    /// A SELECT value through `values`.
    case select
    /// A MULTI_SELECT list through `values`, items split on `separator`.
    case multiSelect
    /// An HTML or plain-text body as Markdown for `bodyV2.markdown`.
    case richText
    /// A source user's email to a workspace member id, through the map's owners.
    case owner
    /// A source id of another object to the Twenty id that record gets (a join column); with no target, a
    /// polymorphic parent (see `FieldMapping.isPolymorphicParent`).
    case reference
    /// Raw JSON kept as is (RAW_JSON fields).
    case json
    /// Not migrated.
    case skip
}

/// A custom field to create through the metadata API before records are written.
public struct NewField: Sendable, Equatable {
    public var name: String
    public var label: String
    public var type: FieldType
    /// SELECT / MULTI_SELECT options in the source's order.
    public var options: [SelectOption]
    /// For a RELATION: the target object (`nameSingular`).
    public var relationTarget: String?

    public init(
        name: String, label: String, type: FieldType, options: [SelectOption] = [], relationTarget: String? = nil
    ) {
        self.name = name
        self.label = label
        self.type = type
        self.options = options
        self.relationTarget = relationTarget
    }
}

/// One entry of a value map: a source value and what it becomes.
public struct ValueMapping: Sendable, Equatable {
    public var source: String
    public var target: String
    /// True when `target` is an option the map adds to the field (an unmatched stage), false for an existing one.
    public var isNew: Bool

    public init(source: String, target: String, isNew: Bool = false) {
        self.source = source
        self.target = target
        self.isNew = isNew
    }
}
