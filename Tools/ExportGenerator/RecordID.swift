/// A record's id in the export: a prefix per object and a zero-padded number (`C000042`, `CO00007`).
/// Record `index` (0-based, in file order) has number `index + 1`; numbers past the last record are what
/// planted orphans point at, so they can never resolve by accident.
struct RecordID: Sendable, Hashable {
    enum Kind: Sendable {
        case contact, company, deal, task, note, activity, attachment, project, user

        var prefix: String {
            switch self {
            case .contact: "C"
            case .company: "CO"
            case .deal: "D"
            case .task: "T"
            case .note: "N"
            case .activity: "A"
            case .attachment: "F"
            case .project: "P"
            case .user: "U"
            }
        }

        var digits: Int {
            switch self {
            case .contact, .deal, .task, .note: 6
            case .activity: 7
            case .company, .attachment: 5
            case .project: 4
            case .user: 2
            }
        }
    }

    let kind: Kind
    let number: Int

    init(_ kind: Kind, index: Int) {
        self.kind = kind
        self.number = index + 1
    }

    var text: String {
        let digits = String(number)
        return kind.prefix + String(repeating: "0", count: max(0, kind.digits - digits.count)) + digits
    }
}

/// What a task, note, activity or attachment is attached to (`Related Type` / `Parent Type` and the id).
struct RelatedRecord: Sendable {
    enum RelatedType: String, Sendable {
        case contact = "Contact"
        case company = "Company"
        case deal = "Deal"
        /// A custom object is named as its file is (`custom_objects/projects.csv`).
        case project = "projects"
    }

    let type: RelatedType
    let id: RecordID
}
