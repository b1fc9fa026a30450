import AllegoryExport
import TwentyModel

/// Which Twenty object each file of the export becomes, and why.
enum SourceObjects {
    /// The export's standard files and their Twenty objects; `profile` names the column rules that apply.
    static let standard: [String: (target: String, reason: String)] = [
        "companies": ("company", "the export's companies are Twenty's companies"),
        "contacts": ("person", "the export's contacts are Twenty's people"),
        "deals": ("opportunity", "the export's deals are Twenty's opportunities"),
        "tasks": ("task", "the export's tasks are Twenty's tasks"),
        "notes": ("note", "the export's notes are Twenty's notes"),
        "activities": (
            "note",
            "calls, emails and meetings already happened: they belong on the timeline as notes, not as tasks to do"
        ),
        "attachments": ("attachment", "the export's attachments are Twenty's attachments, with their files uploaded"),
    ]

    /// Files that describe the export rather than hold records to write.
    static let notMigrated: [String: String] = [
        "users": "users are not records: they become workspace members through the owner map (owners)",
        "stages": "the pipeline's stages become the opportunity stage options (deals' Stage value map)",
        "custom_fields": "the field dictionary informs the types of the new custom fields",
        "workflows": "workflows cannot be created through Twenty's API; rebuild them by hand from workflows.json",
    ]

    /// Other names of the standard files' objects, for exports whose files are named otherwise.
    static let synonyms: [String: [String]] = [
        "companies": ["accounts", "organizations", "organisations", "orgs", "company", "account"],
        "contacts": ["people", "persons", "person", "leads", "contact"],
        "deals": ["opportunities", "opportunity", "deal"],
        "tasks": ["task", "todos", "todo"],
        "notes": ["note"],
        "activities": ["activity", "calls", "meetings", "events", "engagements"],
        "attachments": ["attachment", "files", "documents"],
    ]

    /// The standard file an unknown file name stands for, if any, with how sure.
    static func standardObject(like name: String) -> (object: String, score: Double)? {
        var best: (String, Double)?
        for (object, names) in synonyms {
            for candidate in [object] + names {
                let score =
                    HeaderName.normalize(candidate) == HeaderName.normalize(name)
                    ? 1 : HeaderSimilarity.score(name, candidate)
                if score > (best?.1 ?? 0) { best = (object, score) }
            }
        }
        guard let best, best.1 >= 0.8 else { return nil }
        return (best.0, best.1)
    }

    /// `projects` -> `project`.
    static func singular(_ name: String) -> String {
        if name.hasSuffix("ies") { return String(name.dropLast(3)) + "y" }
        if name.hasSuffix("sses") || name.hasSuffix("xes") { return String(name.dropLast(2)) }
        if name.hasSuffix("s"), !name.hasSuffix("ss") { return String(name.dropLast()) }
        return name
    }

    /// `project_phase` -> `Project Phase`.
    static func label(_ name: String) -> String {
        HeaderWords.split(name).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }
}

extension NewObject {
    /// The fields Twenty gives every custom object when it is created: the system fields and a `name`.
    public var impliedFields: [FieldDescription] {
        StandardObjects.systemFields + [FieldDescription(name: "name", label: "Name", type: .text)]
    }
}
