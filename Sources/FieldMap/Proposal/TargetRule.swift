import TwentyModel

/// What a rule expects a column's values to look like.
enum ValueExpectation: Sendable {
    case text, email, emailList, phone, url, timestamp, number, amount, currencyCode, boolean, identifier, choice, mime

    /// Words for reasons: "are email addresses".
    var words: String {
        switch self {
        case .text: "are text"
        case .email: "are email addresses"
        case .emailList: "are lists of email addresses"
        case .phone: "are phone numbers"
        case .url: "are web addresses"
        case .timestamp: "are dates or times"
        case .number: "are numbers"
        case .amount: "are amounts"
        case .currencyCode: "are ISO currency codes"
        case .boolean: "are yes/no values"
        case .identifier: "are identifiers"
        case .choice: "come from a short list"
        case .mime: "are MIME types"
        }
    }
}

/// A custom field a rule's target needs when the workspace does not have it.
struct NewFieldSpec: Sendable {
    let name: String
    let label: String
    let type: FieldType
    var relationTarget: String? = nil
}

/// One standard column of the "allegory" profile and where it lands in Twenty.
struct TargetRule: Sendable {
    /// The column's name in the profile (`SourceProfile.columns`).
    let column: String
    /// Names beyond the profile's synonyms that mean this column.
    var synonyms: [String] = []
    /// Field paths in order of preference: the first the workspace has wins; else the last, created from `newField`.
    /// Empty: the column is deliberately not migrated.
    var targets: [String] = []
    var transform: Transform = .text
    var expect: ValueExpectation = .text
    var separator: String? = nil
    /// For `.reference`: the source object of the ids, or (polymorphic links) the column naming it per record.
    var references: String? = nil
    var newField: NewFieldSpec? = nil
    /// Values alone may claim this target when the header says nothing (`Field 7` full of emails).
    var distinctive = false
    /// The record's source id.
    var isKey = false
    /// A reason the tool gives for this target, beyond the header and the values.
    var note: String? = nil
}

extension TargetRule {
    static func key(_ column: String) -> TargetRule {
        TargetRule(
            column: column, targets: ["allegoryId"], transform: .text, expect: .identifier,
            newField: NewFieldSpec(name: "allegoryId", label: "Allegory ID", type: .text), isKey: true,
            note: "the source id, kept on the record so people and reconciliation can trace it")
    }

    static func skip(_ column: String, because note: String) -> TargetRule {
        TargetRule(column: column, targets: [], transform: .skip, expect: .text, note: note)
    }

    static func created(_ column: String = "Created") -> TargetRule {
        TargetRule(
            column: column, targets: ["createdAt"], transform: .dateTime, expect: .timestamp,
            note: "Twenty keeps a createdAt sent on create, so the record keeps its age")
    }

    static var modified: TargetRule {
        skip("Modified", because: "Twenty sets updatedAt itself on every write; the source's time cannot be kept")
    }

    static func owner(_ column: String, field: String, newFieldLabel: String? = nil) -> TargetRule {
        TargetRule(
            column: column, targets: [field + "Id"], transform: .owner, expect: .email,
            newField: newFieldLabel.map {
                NewFieldSpec(name: field, label: $0, type: .relation, relationTarget: "workspaceMember")
            },
            note: "an Allegory user's email becomes the workspace member with that email, through owners")
    }

    static func reference(_ column: String, field: String, to object: String) -> TargetRule {
        TargetRule(
            column: column, targets: [field + "Id"], transform: .reference, expect: .identifier, references: object,
            note: "holds ids of \(object); written as the Twenty id that record gets")
    }

    /// `Related Type` + `Related ID`: the parent of a task, note or attachment, of a type named per record.
    static func polymorphicParent(type: String, id: String, linkedAs: String) -> [TargetRule] {
        [
            skip(type, because: "names the object of \(id) for each record; read together with it"),
            TargetRule(
                column: id, targets: [], transform: .reference, expect: .identifier, references: type,
                note: "the parent record, of the object named in \(type); linked through \(linkedAs)"),
        ]
    }

    static func address(_ column: String, _ subfield: String, field: String, label: String) -> TargetRule {
        TargetRule(
            column: column, targets: [field + "." + subfield], transform: .text, expect: .text,
            newField: NewFieldSpec(name: field, label: label, type: .address))
    }
}
