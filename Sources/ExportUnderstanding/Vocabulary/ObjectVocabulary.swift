import AllegoryExport

/// What the tool knows about the standard objects of a CRM export, in one table: the names their files go by (in
/// several languages and vendors' conventions, `../shared/CRM_EXPORTS.md`), the columns that give their content
/// away, what identifies and names a record, the Twenty object they become and where they come in the write order.
public struct ObjectVocabulary: Sendable {
    public let role: ObjectRole
    /// Twenty's `nameSingular`, nil when the records are not written as records of their own.
    public let twentyObject: String?
    /// Why a file of this role is not migrated as records, when it is not.
    public let notMigratedReason: String?
    /// Why its records become `twentyObject`.
    public let reason: String
    /// File names (without extension, compared normalised and singular) that say what a file holds.
    public let fileNames: [String]
    /// Standard columns (source profile names) whose presence gives the file's content away.
    public let signature: [String]
    /// The standard key column and label columns (first present wins).
    public let keyColumn: String?
    public let labelColumns: [String]
    /// Position in the write order: parents before the records that point at them.
    public let writeRank: Int

    public static let all: [ObjectVocabulary] = [
        ObjectVocabulary(
            role: .users, twentyObject: nil,
            notMigratedReason: "users are not records: they become workspace members through the owner map (owners)",
            reason: "",
            fileNames: [
                "user", "owner", "team", "workspacemember", "benutzer", "utilisateur", "usuario", "utente", "staff",
                "agent",
                "salesrep",
            ],
            signature: ["Name", "Email", "Active"], keyColumn: "User ID", labelColumns: ["Name"], writeRank: 0),
        ObjectVocabulary(
            role: .stages, twentyObject: nil,
            notMigratedReason: "the pipeline's stages become the opportunity stage options (deals' Stage value map)",
            reason: "", fileNames: ["stage", "pipelinestage", "dealstage", "phase", "phasen", "etape", "etapa"],
            signature: ["Stage", "Order", "Is Closed", "Is Won"], keyColumn: "Stage", labelColumns: ["Stage"],
            writeRank: 0),
        ObjectVocabulary(
            role: .companies, twentyObject: "company", notMigratedReason: nil,
            reason: "the export's companies are Twenty's companies",
            fileNames: [
                "company", "account", "organization", "organisation", "org", "customer", "client", "firma", "firmen",
                "unternehmen", "organisationen", "kunde", "kunden", "entreprise", "societe", "empresa", "cuenta",
                "azienda", "aziende", "bedrijf", "bedrijven", "business", "employer", "arbeitgeber",
            ],
            signature: ["Company Name", "Website", "Industry", "Employees", "Annual Revenue", "Parent Company ID"],
            keyColumn: "Company ID", labelColumns: ["Company Name"], writeRank: 1),
        ObjectVocabulary(
            role: .contacts, twentyObject: "person", notMigratedReason: nil,
            reason: "the export's contacts are Twenty's people",
            fileNames: [
                "contact", "person", "people", "lead", "personen", "kontakt", "kontakte", "ansprechpartner", "personne",
                "contacto", "persona", "contatto", "contatti", "contactpersoon", "individual",
            ],
            signature: ["First Name", "Last Name", "Email", "Job Title", "Mobile"], keyColumn: "Contact ID",
            labelColumns: ["Email"], writeRank: 2),
        ObjectVocabulary(
            role: .deals, twentyObject: "opportunity", notMigratedReason: nil,
            reason: "the export's deals are Twenty's opportunities",
            fileNames: [
                "deal", "opportunity", "opportunities", "pipeline", "sale", "vorgang", "vorgaenge", "chance", "chancen",
                "verkaufschance", "verkaufschancen", "opportunite", "affaire", "oportunidad", "trattativa",
                "trattative",
                "kans", "kansen", "potential",
            ],
            signature: ["Deal Name", "Amount", "Stage", "Close Date", "Probability", "Pipeline"], keyColumn: "Deal ID",
            labelColumns: ["Deal Name"], writeRank: 3),
        ObjectVocabulary(
            role: .tasks, twentyObject: "task", notMigratedReason: nil, reason: "the export's tasks are Twenty's tasks",
            fileNames: [
                "task", "todo", "aufgabe", "aufgaben", "tache", "tarea", "compito", "taak", "taken", "action", "aktion",
                "followup", "wiedervorlage",
            ],
            signature: ["Subject", "Due Date", "Status", "Priority", "Assignee Email", "Completed At"],
            keyColumn: "Task ID", labelColumns: ["Subject"], writeRank: 5),
        ObjectVocabulary(
            role: .notes, twentyObject: "note", notMigratedReason: nil, reason: "the export's notes are Twenty's notes",
            fileNames: ["note", "notiz", "notizen", "nota", "notas", "notitie", "comment", "kommentar"],
            signature: ["Title", "Body", "Body Format", "Author Email"], keyColumn: "Note ID", labelColumns: ["Title"],
            writeRank: 6),
        ObjectVocabulary(
            role: .activities, twentyObject: "note", notMigratedReason: nil,
            reason:
                "calls, emails and meetings already happened: they belong on the timeline as notes, not as tasks to do",
            fileNames: [
                "activity", "activities", "call", "meeting", "event", "engagement", "interaction", "history",
                "aktivitaet", "aktivitaeten", "termin", "termine", "activite", "actividad", "attivita",
            ],
            signature: ["Type", "Occurred At", "Duration Minutes", "Direction", "Participants"],
            keyColumn: "Activity ID",
            labelColumns: ["Subject"], writeRank: 7),
        ObjectVocabulary(
            role: .attachments, twentyObject: "attachment", notMigratedReason: nil,
            reason: "the export's attachments are Twenty's attachments, with their files uploaded",
            fileNames: [
                "attachment", "file", "document", "anhang", "anhaenge", "dokument", "dokumente", "piecejointe",
                "adjunto",
            ],
            signature: ["File Name", "Path", "Size", "MIME Type", "SHA256"], keyColumn: "Attachment ID",
            labelColumns: ["File Name"], writeRank: 8),
        ObjectVocabulary(
            role: .customFields, twentyObject: nil,
            notMigratedReason: "the field dictionary informs the types of the new custom fields", reason: "",
            fileNames: ["customfield", "fielddefinition", "fields"], signature: [], keyColumn: nil, labelColumns: [],
            writeRank: 0),
        ObjectVocabulary(
            role: .workflows, twentyObject: nil,
            notMigratedReason:
                "workflows cannot be created through Twenty's API; rebuild them by hand from the reference",
            reason: "", fileNames: ["workflow", "automation", "rule"], signature: [], keyColumn: nil, labelColumns: [],
            writeRank: 0),
    ]

    public static func of(_ role: ObjectRole) -> ObjectVocabulary? { all.first { $0.role == role } }

    /// Each role's file names as names are compared (normalised, singular), computed once.
    private static let stems: [ObjectRole: Set<String>] = Dictionary(
        uniqueKeysWithValues: all.map { vocabulary in
            (vocabulary.role, Set(vocabulary.fileNames.map { HeaderWords.stem(HeaderName.normalize($0)) }))
        })

    /// The names a file of `role` goes by, normalised and singular (empty for custom objects and junctions).
    public static func nameStems(_ role: ObjectRole) -> Set<String> { stems[role] ?? [] }

    /// The write rank of a role; custom objects after deals, junctions after them.
    public static func writeRank(_ role: ObjectRole) -> Int {
        switch role {
        case .custom: 4
        case .junction: 4
        default: of(role)?.writeRank ?? 9
        }
    }

    /// The standard column a reference from a file of `role` to records of `target` is, by convention.
    public static func referenceColumn(from role: ObjectRole, to target: ObjectRole) -> String? {
        switch (role, target) {
        case (.companies, .companies): "Parent Company ID"
        case (.contacts, .companies), (.deals, .companies): "Company ID"
        case (.deals, .contacts): "Primary Contact ID"
        case (.tasks, .users): "Assignee Email"
        case (.notes, .users): "Author Email"
        case (.users, _), (.stages, _): nil
        case (_, .users): "Owner Email"
        default: nil
        }
    }
}
