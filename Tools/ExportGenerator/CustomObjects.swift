import Foundation

/// The custom object "projects": its records (custom_objects/projects.csv), its schema
/// (custom_objects/projects.schema.json) and its many-to-many link to contacts
/// (relationships/projects__contacts.csv, with a Role per link). The planted export writes projects.csv in
/// Windows-1252; its text is chosen to be encodable there (accents, ñ, ü and the euro sign).
enum Projects {
    static let directory = "custom_objects"
    static let path = "custom_objects/projects.csv"
    static let schemaPath = "custom_objects/projects.schema.json"
    static let header = [
        "Project ID", "Project Name", "Status", "Budget", "Estimated Hours", "Start Date", "Company ID", "Description",
    ]
    static let dateFormats: [String: DateFormat] = ["Start Date": .isoDate]

    static let themes = [
        "Café Relaunch", "Zürich Expansion", "Año Nuevo Campaign", "Señal Data Migration", "Über-Analytics Pilot",
        "Résumé Parser", "Crème Brûlée Rebrand", "Øresund Logistics", "Façade Redesign", "Piñata Launch",
        "Göteborg Rollout", "Naïve Forecasting",
    ]
    static let phases = ["Phase 1", "Phase 2", "Pilot", "Rollout"]

    static func write(_ crm: SyntheticCRM, to directory: URL, log: inout DefectLog) throws -> GenerationSummary.File {
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent(Self.directory), withIntermediateDirectories: true)
        let encoding: CSVWriter.TextEncoding = crm.plan.windows1252 ? .windows1252 : .utf8
        var writer = try CSVWriter(directory: directory, path: path, header: header, encoding: encoding)
        if crm.plan.windows1252 {
            log.record(
                .windows1252, file: path, line: 1, recordId: nil, field: nil,
                detail: "the whole file is encoded in Windows-1252, not UTF-8")
        }
        for index in 0..<crm.shape.projects {
            var rng = SplitMix64(seed: crm.seed, stream: .projects, index: index)
            let company = crm.company(crm.referencableCompany(&rng))
            let budgetEuros = rng.within(5...400) * 500
            writer.idCell(RecordID(.project, index: index))
            writer.cell("\(rng.pick(themes)) \(rng.pick(phases))")
            writer.cell(rng.pick(Vocabulary.projectStatuses))
            writer.amountCell(cents: budgetEuros * 100 + rng.pick([0, 50, 99]))
            writer.cell(rng.within(20...2000))
            writer.dateCell(Instant.exportedAt.adding(days: rng.within(-400...120)), .isoDate)
            writer.idCell(RecordID(.company, index: company.index))
            writer.cell("Budget approved: \(europeanThousands(budgetEuros)) € – kickoff in \(company.city.name)")
            try writer.endRow()
        }
        return try writer.close()
    }

    /// relationships/projects__contacts.csv: one to three distinct contacts per project, each with a role.
    static func writeContactLinks(_ crm: SyntheticCRM, to directory: URL) throws -> GenerationSummary.File {
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("relationships"), withIntermediateDirectories: true)
        var writer = try CSVWriter(
            directory: directory, path: "relationships/projects__contacts.csv",
            header: ["Project ID", "Contact ID", "Role"])
        for project in 0..<crm.shape.projects {
            var rng = SplitMix64(seed: crm.seed, stream: .relationships, index: project)
            var linked: [Int] = []
            for _ in 0..<rng.within(1...3) {
                let contact = crm.referencableContact(&rng)
                if linked.contains(contact) { continue }
                linked.append(contact)
                writer.idCell(RecordID(.project, index: project))
                writer.idCell(RecordID(.contact, index: contact))
                writer.cell(linked.count == 1 ? "Sponsor" : rng.pick(Vocabulary.projectRoles))
                try writer.endRow()
            }
        }
        return try writer.close()
    }

    static var schema: CustomObjectSchema {
        CustomObjectSchema(
            name: "projects", label: "Project", pluralLabel: "Projects", keyColumn: "Project ID",
            fields: [
                .init(name: "Project ID", label: "Project ID", type: "text", required: true),
                .init(name: "Project Name", label: "Name", type: "text", required: true),
                .init(name: "Status", label: "Status", type: "picklist", picklistValues: Vocabulary.projectStatuses),
                .init(name: "Budget", label: "Budget", type: "currency", currencyCode: "EUR"),
                .init(name: "Estimated Hours", label: "Estimated Hours", type: "number"),
                .init(name: "Start Date", label: "Start Date", type: "date"),
                .init(
                    name: "Company ID", label: "Client", type: "lookup",
                    lookup: .init(object: "companies", keyColumn: "Company ID")),
                .init(name: "Description", label: "Description", type: "text"),
            ],
            relationships: [
                .init(
                    file: "relationships/projects__contacts.csv", object: "contacts", keyColumn: "Contact ID",
                    attributes: [
                        .init(name: "Role", label: "Role", type: "picklist", picklistValues: Vocabulary.projectRoles)
                    ])
            ])
    }

    private static func europeanThousands(_ value: Int) -> String {
        value >= 1000
            ? "\(value / 1000).\(String(repeating: "0", count: 3 - String(value % 1000).count))\(value % 1000)"
            : String(value)
    }
}
