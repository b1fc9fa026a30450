import TwentyModel

/// Where each standard column of the "allegory" profile lands in Twenty's standard objects (TWENTY_API.md section
/// 4). Columns Twenty has no standard field for become custom fields, named here so every export gets the same ones.
enum StandardColumnRules {
    static func rules(for sourceObject: String) -> [TargetRule] {
        switch sourceObject {
        case "companies": companies
        case "contacts": contacts
        case "deals": deals
        case "tasks": tasks
        case "notes": notes
        case "activities": activities
        case "attachments": attachments
        default: []
        }
    }

    static let companies: [TargetRule] = [
        .key("Company ID"),
        TargetRule(
            column: "Company Name", synonyms: ["Organisation", "Organisation Name", "Business Name"], targets: ["name"]),
        TargetRule(
            column: "Website", synonyms: ["Homepage", "Domain Name", "Site"], targets: ["domainName.primaryLinkUrl"],
            transform: .url, expect: .url, distinctive: true,
            note: "Twenty matches companies on their domain, so it is also how duplicates are found"),
        TargetRule(
            column: "Industry", targets: ["industry"], transform: .select, expect: .choice,
            newField: NewFieldSpec(name: "industry", label: "Industry", type: .select),
            note: "Twenty's company has no industry field"),
        TargetRule(column: "Employees", targets: ["employees"], transform: .number, expect: .number),
        TargetRule(
            column: "Annual Revenue", synonyms: ["Yearly Revenue"], targets: ["annualRecurringRevenue.amountMicros"],
            transform: .currencyAmount, expect: .amount, distinctive: true),
        TargetRule(
            column: "Revenue Currency", targets: ["annualRecurringRevenue.currencyCode"], transform: .currencyCode,
            expect: .currencyCode, distinctive: true),
        TargetRule(
            column: "Phone", synonyms: ["Company Phone"], targets: ["phone.primaryPhoneNumber"], transform: .phone,
            expect: .phone, newField: NewFieldSpec(name: "phone", label: "Phone", type: .phones), distinctive: true,
            note: "Twenty's company has no phone field"),
        .address("Street", "addressStreet1", field: "address", label: "Address"),
        .address("Street 2", "addressStreet2", field: "address", label: "Address"),
        .address("City", "addressCity", field: "address", label: "Address"),
        .address("State", "addressState", field: "address", label: "Address"),
        .address("Postal Code", "addressPostcode", field: "address", label: "Address"),
        .address("Country", "addressCountry", field: "address", label: "Address"),
        TargetRule(
            column: "Parent Company ID", targets: ["parentCompanyId"], transform: .reference, expect: .identifier,
            references: "companies",
            newField: NewFieldSpec(
                name: "parentCompany", label: "Parent Company", type: .relation, relationTarget: "company"),
            note: "a parent company is a custom self-relation in Twenty, set after all companies exist"),
        .owner("Owner Email", field: "accountOwner"),
        TargetRule(column: "LinkedIn", targets: ["linkedinLink.primaryLinkUrl"], transform: .url, expect: .url),
        .created(), .modified,
    ]

    static let contacts: [TargetRule] = [
        .key("Contact ID"),
        TargetRule(column: "First Name", targets: ["name.firstName"]),
        TargetRule(column: "Last Name", targets: ["name.lastName"]),
        TargetRule(
            column: "Email", synonyms: ["Email Addr", "Work Email"], targets: ["emails.primaryEmail"],
            transform: .email,
            expect: .email, distinctive: true, note: "Twenty matches people on their primary email"),
        TargetRule(
            column: "Other Emails", targets: ["emails.additionalEmails"], transform: .emailList, expect: .emailList,
            separator: ";", distinctive: true),
        TargetRule(
            column: "Phone", targets: ["phones.primaryPhoneNumber"], transform: .phone, expect: .phone,
            distinctive: true),
        TargetRule(column: "Mobile", targets: ["phones.additionalPhones"], transform: .phone, expect: .phone),
        TargetRule(column: "Job Title", synonyms: ["Job"], targets: ["jobTitle"]),
        .reference("Company ID", field: "company", to: "companies"),
        .address("Street", "addressStreet1", field: "mailingAddress", label: "Mailing Address"),
        TargetRule(
            column: "City", targets: ["city", "mailingAddress.addressCity"],
            newField: NewFieldSpec(name: "mailingAddress", label: "Mailing Address", type: .address)),
        .address("State", "addressState", field: "mailingAddress", label: "Mailing Address"),
        .address("Postal Code", "addressPostcode", field: "mailingAddress", label: "Mailing Address"),
        .address("Country", "addressCountry", field: "mailingAddress", label: "Mailing Address"),
        TargetRule(column: "LinkedIn", targets: ["linkedinLink.primaryLinkUrl"], transform: .url, expect: .url),
        .owner("Owner Email", field: "owner", newFieldLabel: "Owner"),
        .created(), .modified,
        TargetRule(
            column: "Last Activity", targets: ["lastActivityAt"], transform: .dateTime, expect: .timestamp,
            newField: NewFieldSpec(name: "lastActivityAt", label: "Last Activity", type: .dateTime)),
    ]

    static let deals: [TargetRule] = [
        .key("Deal ID"),
        TargetRule(column: "Deal Name", targets: ["name"]),
        TargetRule(
            column: "Amount", targets: ["amount.amountMicros"], transform: .currencyAmount, expect: .amount,
            distinctive: true),
        TargetRule(
            column: "Currency", targets: ["amount.currencyCode"], transform: .currencyCode, expect: .currencyCode,
            distinctive: true),
        TargetRule(
            column: "Stage", synonyms: ["Status"], targets: ["stage"], transform: .select, expect: .choice,
            note: "stages mapped one by one to the stage options, in stages.csv order"),
        TargetRule(
            column: "Pipeline", targets: ["pipeline"], transform: .select, expect: .choice,
            newField: NewFieldSpec(name: "pipeline", label: "Pipeline", type: .select),
            note: "Twenty has one stage list; the pipeline is kept so deals stay told apart"),
        TargetRule(
            column: "Close Date", targets: ["closeDate"], transform: .dateTime, expect: .timestamp, distinctive: true),
        TargetRule(
            column: "Probability", targets: ["probability"], transform: .number, expect: .number,
            newField: NewFieldSpec(name: "probability", label: "Probability", type: .number)),
        .reference("Company ID", field: "company", to: "companies"),
        .reference("Primary Contact ID", field: "pointOfContact", to: "contacts"),
        .owner("Owner Email", field: "owner"),
        .created(), .modified,
    ]

    static let tasks: [TargetRule] =
        [
            .key("Task ID"),
            TargetRule(column: "Subject", targets: ["title"]),
            TargetRule(column: "Description", targets: ["bodyV2.markdown"], transform: .richText, expect: .text),
            TargetRule(
                column: "Due Date", targets: ["dueAt"], transform: .dateTime, expect: .timestamp, distinctive: true),
            TargetRule(column: "Status", targets: ["status"], transform: .select, expect: .choice),
            TargetRule(
                column: "Priority", targets: ["priority"], transform: .select, expect: .choice,
                newField: NewFieldSpec(name: "priority", label: "Priority", type: .select)),
            .owner("Assignee Email", field: "assignee"),
        ]
        + TargetRule.polymorphicParent(type: "Related Type", id: "Related ID", linkedAs: "a taskTarget")
        + [
            .created(),
            TargetRule(
                column: "Completed At", targets: ["completedAt"], transform: .dateTime, expect: .timestamp,
                newField: NewFieldSpec(name: "completedAt", label: "Completed At", type: .dateTime)),
        ]

    static let notes: [TargetRule] =
        [
            .key("Note ID"),
            TargetRule(column: "Title", targets: ["title"]),
            TargetRule(
                column: "Body", targets: ["bodyV2.markdown"], transform: .richText, expect: .text,
                note: "HTML bodies become Markdown"),
            .skip("Body Format", because: "the rich-text transform reads HTML and plain text alike"),
        ]
        + TargetRule.polymorphicParent(type: "Related Type", id: "Related ID", linkedAs: "a noteTarget")
        + [.owner("Author Email", field: "author", newFieldLabel: "Author"), .created(), .modified]

    /// Calls, emails and meetings already happened: they are notes on the timeline, not tasks to do.
    static let activities: [TargetRule] =
        [
            .key("Activity ID"),
            TargetRule(
                column: "Type", targets: ["activityType"], transform: .select, expect: .choice,
                newField: NewFieldSpec(name: "activityType", label: "Activity Type", type: .select),
                note: "keeps call, email and meeting apart among the notes"),
            TargetRule(column: "Subject", targets: ["title"]),
            TargetRule(column: "Body", targets: ["bodyV2.markdown"], transform: .richText, expect: .text),
            TargetRule(
                column: "Occurred At", targets: ["createdAt"], transform: .dateTime, expect: .timestamp,
                note: "the timeline orders notes by creation, which for an activity is when it happened"),
            TargetRule(
                column: "Duration Minutes", targets: ["durationMinutes"], transform: .number, expect: .number,
                newField: NewFieldSpec(name: "durationMinutes", label: "Duration (minutes)", type: .number)),
            TargetRule(
                column: "Direction", targets: ["direction"], transform: .select, expect: .choice,
                newField: NewFieldSpec(name: "direction", label: "Direction", type: .select)),
        ]
        + TargetRule.polymorphicParent(type: "Related Type", id: "Related ID", linkedAs: "a noteTarget")
        + [
            TargetRule(
                column: "Participants", targets: ["participants"], transform: .text, expect: .text,
                newField: NewFieldSpec(name: "participants", label: "Participants", type: .text),
                note: "participants' emails kept as written, ';'-separated"),
            .owner("Owner Email", field: "owner", newFieldLabel: "Owner"),
        ]

    static let attachments: [TargetRule] =
        [
            .key("Attachment ID"),
            TargetRule(column: "File Name", targets: ["name"]),
            TargetRule(
                column: "Path", targets: ["file", "fullPath"], transform: .text, expect: .text,
                note: "the file under files/, uploaded before the attachment record is written"),
            .skip("Size", because: "Twenty measures the uploaded file itself"),
            TargetRule(
                column: "MIME Type", targets: ["fileCategory"], transform: .select, expect: .mime,
                note: "MIME types mapped to Twenty's file categories"),
            .skip("SHA256", because: "checked against the file before upload, not stored"),
        ]
        + TargetRule.polymorphicParent(type: "Parent Type", id: "Parent ID", linkedAs: "the attachment's target field")
        + [.created("Uploaded At")]
}
