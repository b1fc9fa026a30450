/// Twenty's standard objects as a migration sees them, written down from the server's standard-object definitions
/// (`packages/twenty-server/src/modules/*/standard-objects/*.workspace-entity.ts`, summarised in TWENTY_API.md
/// section 4) for Twenty 1.x (`.v1`) and 1.18 through 2.x (`.v2`).
///
/// Used when no live workspace is at hand: by `map propose` without `--twenty`, and by the sandbox to seed a new
/// workspace. Only the many-to-one side of each relation is listed; one-to-many sides cannot be written.
public enum StandardObjects {
    public static func catalog(_ version: TwentyVersion = .v2) -> [ObjectDescription] {
        [
            company, person(version), opportunity, task, note,
            target(of: "task", label: "Task", version: version),
            target(of: "note", label: "Note", version: version),
            attachment(version), workspaceMember,
        ]
    }

    public static func object(named nameSingular: String, _ version: TwentyVersion = .v2) -> ObjectDescription? {
        catalog(version).first { $0.nameSingular == nameSingular }
    }

    /// The fields every Twenty object has, standard or custom.
    public static let systemFields: [FieldDescription] = [
        .init(name: "id", label: "Id", type: .uuid, isNullable: false, isSystem: true),
        .init(name: "createdAt", label: "Creation date", type: .dateTime, isNullable: false, isSystem: true),
        .init(name: "updatedAt", label: "Last update", type: .dateTime, isNullable: false, isSystem: true),
        .init(name: "deletedAt", label: "Deleted at", type: .dateTime, isSystem: true),
        .init(name: "createdBy", label: "Created by", type: .actor, isNullable: false, isSystem: true),
        .init(name: "updatedBy", label: "Updated by", type: .actor, isNullable: false, isSystem: true),
        .init(name: "position", label: "Position", type: .position, isSystem: true),
        .init(name: "searchVector", label: "Search vector", type: .tsVector, isSystem: true),
    ]

    static func object(
        _ singular: String, _ plural: String, _ label: String, _ pluralLabel: String, _ fields: [FieldDescription]
    ) -> ObjectDescription {
        ObjectDescription(
            nameSingular: singular, namePlural: plural, labelSingular: label, labelPlural: pluralLabel,
            fields: systemFields + fields)
    }

    static func relation(_ name: String, _ label: String, to target: String) -> FieldDescription {
        .init(
            name: name, label: label, type: .relation,
            relation: .init(kind: .manyToOne, targetObject: target, joinColumn: name + "Id"))
    }

    static func options(_ values: [(String, String, String)]) -> [SelectOption] {
        values.enumerated().map { .init(value: $1.0, label: $1.1, color: $1.2, position: $0) }
    }

    static let company = object(
        "company", "companies", "Company", "Companies",
        [
            .init(name: "name", label: "Name", type: .text),
            .init(name: "domainName", label: "Domain", type: .links, isUnique: true),
            .init(name: "employees", label: "Employees", type: .number),
            .init(name: "linkedinLink", label: "Linkedin", type: .links),
            .init(name: "xLink", label: "X", type: .links),
            .init(name: "annualRecurringRevenue", label: "ARR", type: .currency),
            .init(name: "address", label: "Address", type: .address),
            .init(
                name: "idealCustomerProfile", label: "ICP", type: .boolean, isNullable: false, defaultValue: "false"),
            relation("accountOwner", "Account Owner", to: "workspaceMember"),
        ])

    /// `city` is a TEXT field of person in 1.x only; 1.18+ dropped it in favour of custom address fields.
    static func person(_ version: TwentyVersion) -> ObjectDescription {
        object(
            "person", "people", "Person", "People",
            [
                .init(name: "name", label: "Name", type: .fullName),
                .init(name: "emails", label: "Emails", type: .emails, isUnique: true),
                .init(name: "linkedinLink", label: "Linkedin", type: .links),
                .init(name: "xLink", label: "X", type: .links),
                .init(name: "jobTitle", label: "Job Title", type: .text),
                .init(name: "phones", label: "Phones", type: .phones),
                .init(name: "avatarUrl", label: "Avatar", type: .text),
                relation("company", "Company", to: "company"),
            ] + (version == .v1 ? [.init(name: "city", label: "City", type: .text)] : []))
    }

    static let opportunity = object(
        "opportunity", "opportunities", "Opportunity", "Opportunities",
        [
            .init(name: "name", label: "Name", type: .text),
            .init(name: "amount", label: "Amount", type: .currency),
            .init(name: "closeDate", label: "Close date", type: .dateTime),
            .init(
                name: "stage", label: "Stage", type: .select, isNullable: false, defaultValue: "'NEW'",
                options: options([
                    ("NEW", "New", "red"), ("SCREENING", "Screening", "purple"), ("MEETING", "Meeting", "sky"),
                    ("PROPOSAL", "Proposal", "turquoise"), ("CUSTOMER", "Customer", "yellow"),
                ])),
            relation("pointOfContact", "Point of Contact", to: "person"),
            relation("company", "Company", to: "company"),
            relation("owner", "Owner", to: "workspaceMember"),
        ])

    static let task = object(
        "task", "tasks", "Task", "Tasks",
        [
            .init(name: "title", label: "Title", type: .text),
            .init(name: "bodyV2", label: "Body", type: .richTextV2),
            .init(name: "dueAt", label: "Due Date", type: .dateTime),
            .init(
                name: "status", label: "Status", type: .select, defaultValue: "'TODO'",
                options: options([
                    ("TODO", "To do", "sky"), ("IN_PROGRESS", "In progress", "purple"), ("DONE", "Done", "green"),
                ])),
            relation("assignee", "Assignee", to: "workspaceMember"),
        ])

    static let note = object(
        "note", "notes", "Note", "Notes",
        [
            .init(name: "title", label: "Title", type: .text),
            .init(name: "bodyV2", label: "Body", type: .richTextV2),
        ])

    /// The link records of a task or note: v1 names the parents `person`/`company`/`opportunity`, v2 `target...`.
    static func target(of owner: String, label: String, version: TwentyVersion) -> ObjectDescription {
        let parents = [("person", "Person"), ("company", "Company"), ("opportunity", "Opportunity")]
        return object(
            owner + "Target", owner + "Targets", label + " Target", label + " Targets",
            [relation(owner, label, to: owner)]
                + parents.map { target, targetLabel in
                    version == .v1
                        ? relation(target, targetLabel, to: target)
                        : relation("target" + targetLabel, targetLabel, to: target)
                })
    }

    static func attachment(_ version: TwentyVersion) -> ObjectDescription {
        let parents = [
            ("person", "Person"), ("company", "Company"), ("opportunity", "Opportunity"), ("note", "Note"),
            ("task", "Task"),
        ]
        let file: FieldDescription =
            version == .v1
            ? .init(name: "fullPath", label: "Full path", type: .text)
            : .init(name: "file", label: "File", type: .files)
        return object(
            "attachment", "attachments", "Attachment", "Attachments",
            [
                .init(name: "name", label: "Name", type: .text),
                file,
                .init(
                    name: "fileCategory", label: "File category", type: .select, defaultValue: "'OTHER'",
                    options: options([
                        ("ARCHIVE", "Archive", "gray"), ("AUDIO", "Audio", "pink"), ("IMAGE", "Image", "yellow"),
                        ("PRESENTATION", "Presentation", "orange"), ("SPREADSHEET", "Spreadsheet", "turquoise"),
                        ("TEXT_DOCUMENT", "Text Document", "blue"), ("VIDEO", "Video", "purple"),
                        ("OTHER", "Other", "gray"),
                    ])),
            ]
                + parents.map { target, targetLabel in
                    version == .v1
                        ? relation(target, targetLabel, to: target)
                        : relation("target" + targetLabel, targetLabel, to: target)
                })
    }

    static let workspaceMember = object(
        "workspaceMember", "workspaceMembers", "Workspace Member", "Workspace Members",
        [
            .init(name: "name", label: "Name", type: .fullName),
            .init(name: "userEmail", label: "User Email", type: .text),
            .init(name: "userId", label: "User Id", type: .uuid, isNullable: false),
        ])
}
