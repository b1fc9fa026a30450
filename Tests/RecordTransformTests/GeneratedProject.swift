import AllegoryExport
import ExportGenerator
import FieldMap
import Foundation
import Ledger
import RecordTransform
import SourceSnapshot

/// A generated export snapshotted into a fresh ledger, with the field map a person would confirm for it, built
/// in code (the map.yaml loader is the FieldMap side's).
final class GeneratedProject {
    static let projectId = "0f6a3c1e-7a8b-4c5d-9e0f-123456789abc"
    let root: URL
    let ledger: Ledger
    let summary: GenerationSummary
    let exportFolder: URL

    init(contacts: Int, seed: UInt64) throws {
        root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
            "transform-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        exportFolder = root.appendingPathComponent("export")
        summary = try ExportGenerator(contacts: contacts, seed: seed).write(to: exportFolder)
        ledger = try Ledger.create(at: root.appendingPathComponent("ledger.sqlite").path)
        _ = try Snapshotter(ledger: ledger, layout: try ExportLayout(root: exportFolder)).run()
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// The export's users as workspace members (email -> a member id), read from the snapshot (users.csv may be
    /// the file the generator writes in Windows-1252).
    var members: [String: String] {
        var result: [String: String] = [:]
        try? ledger.forEachCurrentRecord(object: "users") { user in
            if let email = user.values["Email"], let id = user.values["User ID"] { result[email] = "member-" + id }
        }
        return result
    }

    func context(_ map: FieldMap) throws -> TransformContext {
        try TransformContext(projectId: Self.projectId, map: map, members: members)
    }

    /// The planted defects of `kind`, as `file:line sourceId`.
    func planted(_ kind: DefectKind) -> [PlantedDefect] { summary.defects.filter { $0.kind == kind } }
}

/// The map a person would confirm for a generated export: standard objects mapped, activities and attachments
/// skipped, the custom object `projects` created.
enum GeneratedExportMap {
    static func map(policies: MapPolicies = MapPolicies()) -> FieldMap {
        func field(
            _ column: String, _ target: String?, _ transform: Transform, format: String? = nil,
            references: String? = nil,
            separator: String? = nil, values: [ValueMapping] = [], newField: NewField? = nil
        ) -> FieldMapping {
            FieldMapping(
                column: column, target: target, transform: transform, confidence: 1, reasons: [], newField: newField,
                values: values, format: format, references: references, separator: separator)
        }
        let stages: [ValueMapping] = [
            .init(source: "Lead", target: "NEW"), .init(source: "Qualified", target: "SCREENING"),
            .init(source: "Proposal", target: "PROPOSAL"), .init(source: "Negotiation", target: "MEETING"),
            .init(source: "Closed Won", target: "CUSTOMER"),
            .init(source: "Closed Lost", target: "CLOSED_LOST", isNew: true),
            .init(source: "Renewal Due", target: "RENEWAL_DUE", isNew: true),
            .init(source: "Renewal Quoted", target: "RENEWAL_QUOTED", isNew: true),
            .init(source: "Renewed", target: "CUSTOMER"), .init(source: "Churned", target: "CHURNED", isNew: true),
        ]
        let statuses: [ValueMapping] = [
            .init(source: "Not Started", target: "TODO"), .init(source: "In Progress", target: "IN_PROGRESS"),
            .init(source: "Completed", target: "DONE"), .init(source: "Deferred", target: "TODO"),
        ]
        return FieldMap(
            twenty: TwentyTarget(), defaults: MapDefaults(timeZone: "America/New_York", country: "US", currency: "USD"),
            policies: policies, owners: OwnerMap(fallback: "sofia@meridian.io"),
            objects: [
                ObjectMap(
                    source: "contacts", file: "contacts.csv", key: "Contact ID", target: "person", confidence: 1,
                    reasons: [],
                    fields: [
                        field("Contact ID", nil, .skip),
                        field("First Name", "name.firstName", .text), field("Last Name", "name.lastName", .text),
                        field("Email", "emails.primaryEmail", .email),
                        field("Other Emails", "emails.additionalEmails", .emailList, separator: ";"),
                        field("Phone", "phones.primaryPhoneNumber", .phone),
                        field("Mobile", "phones.additionalPhones", .phone),
                        field("Job Title", "jobTitle", .text),
                        field("Company ID", "companyId", .reference, references: "companies"),
                        field("Country", nil, .skip),
                        field("Created", "createdAt", .dateTime, format: "iso8601"),
                    ]),
                ObjectMap(
                    source: "companies", file: "companies.csv", key: "Company ID", target: "company", confidence: 1,
                    reasons: [],
                    fields: [
                        field("Company Name", "name", .text), field("Website", "domainName.primaryLinkUrl", .url),
                        field("Employees", "employees", .number),
                        field("Annual Revenue", "annualRecurringRevenue.amountMicros", .currencyAmount),
                        field("Revenue Currency", "annualRecurringRevenue.currencyCode", .currencyCode),
                        field("Street", "address.addressStreet1", .text), field("City", "address.addressCity", .text),
                        field("Country", "address.addressCountry", .text),
                        field(
                            "Parent Company ID", "parentCompanyId", .reference, references: "companies",
                            newField: NewField(
                                name: "parentCompany", label: "Parent Company", type: .relation,
                                relationTarget: "company")),
                        field("Owner Email", "accountOwnerId", .owner),
                        field("LinkedIn", "linkedinLink.primaryLinkUrl", .url),
                        field("Created", "createdAt", .dateTime, format: "MM/DD/YYYY"),
                    ]),
                ObjectMap(
                    source: "deals", file: "deals.csv", key: "Deal ID", target: "opportunity", confidence: 1,
                    reasons: [],
                    fields: [
                        field("Deal Name", "name", .text),
                        field("Amount", "amount.amountMicros", .currencyAmount),
                        field("Currency", "amount.currencyCode", .currencyCode),
                        field("Stage", "stage", .select, values: stages),
                        field("Close Date", "closeDate", .dateTime, format: "MM/DD/YYYY"),
                        field("Company ID", "companyId", .reference, references: "companies"),
                        field("Primary Contact ID", "pointOfContactId", .reference, references: "contacts"),
                        field("Owner Email", "ownerId", .owner),
                        field("Created", "createdAt", .dateTime, format: "iso8601"),
                    ]),
                ObjectMap(
                    source: "tasks", file: "tasks.csv", key: "Task ID", target: "task", confidence: 1, reasons: [],
                    fields: [
                        field("Subject", "title", .text), field("Description", "bodyV2.markdown", .richText),
                        field("Due Date", "dueAt", .dateTime, format: "MM/DD/YYYY hh:mm AM"),
                        field("Status", "status", .select, values: statuses),
                        field("Assignee Email", "assigneeId", .owner),
                    ]),
                ObjectMap(
                    source: "notes", file: "notes.csv", key: "Note ID", target: "note", confidence: 1, reasons: [],
                    fields: [
                        field("Title", "title", .text), field("Body", "bodyV2.markdown", .richText),
                        field("Created", "createdAt", .dateTime, format: "iso8601"),
                    ]),
                ObjectMap(
                    source: "activities", file: "activities.csv", key: "Activity ID", target: "task",
                    disposition: .skip, confidence: 1, reasons: [], fields: []),
                ObjectMap(
                    source: "attachments", file: "attachments.csv", key: "Attachment ID", target: "attachment",
                    disposition: .skip, confidence: 1, reasons: [], fields: []),
            ])
    }
}
