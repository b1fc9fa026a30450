import Foundation

/// deals.csv: opportunities in the Sales and Renewals pipelines, each with a company and a primary contact.
enum Deals {
    static let path = "deals.csv"
    static let header = [
        "Deal ID", "Deal Name", "Amount", "Currency", "Stage", "Pipeline", "Close Date", "Probability", "Company ID",
        "Primary Contact ID", "Owner Email", "Created", "Modified", "Deal Type",
    ]
    static let dateFormats: [String: DateFormat] = ["Close Date": .usDate, "Created": .iso8601, "Modified": .iso8601]
    static let currencies = ["USD", "EUR", "GBP"]

    static func write(_ crm: SyntheticCRM, to directory: URL, log: inout DefectLog) throws -> GenerationSummary.File {
        var writer = try CSVWriter(directory: directory, path: path, header: header)
        for index in 0..<crm.shape.deals {
            var rng = SplitMix64(seed: crm.seed, stream: .deals, index: index)
            let id = RecordID(.deal, index: index)
            let flaw = crm.plan.dealFlaws[index]
            if let flaw { record(flaw, id: id, line: writer.line, &log) }

            let contact = crm.contact(crm.referencableContact(&rng))
            let companyIndex =
                if let employer = contact.companyIndex, rng.chance(80) { employer } else {
                    crm.referencableCompany(&rng)
                }
            let company = crm.company(companyIndex)
            let isRenewal = rng.chance(15)
            let stage = rng.pick(isRenewal ? Stages.renewals : Stages.sales)

            writer.idCell(id)
            if case .missingName = flaw {
                writer.emptyCell()
            } else if isRenewal {
                writer.cell("\(company.name) - Renewal \(rng.within(2025...2027))")
            } else {
                writer.cell("\(company.name) - \(rng.pick(Vocabulary.products)) (\(rng.within(5...500)) seats)")
            }
            writer.amountCell(cents: rng.within(50_000...25_000_000))
            writer.cell(rng.chance(85) ? company.city.country.currency : rng.pick(currencies))
            writer.cell(stage.name)
            writer.cell(stage.pipeline)
            // Closed deals closed in the past; open ones are expected to close in the coming months.
            let closeDaysAgo = stage.isClosed ? rng.within(1...700) : -rng.within(1...240)
            writer.dateCell(Instant.exportedAt.adding(days: -closeDaysAgo), .usDate)
            writer.cell(stage.probability)
            writer.idCell(RecordID(.company, index: companyIndex))
            if case .orphanContact(let missing) = flaw {
                writer.idCell(missing)
            } else {
                writer.idCell(RecordID(.contact, index: contact.index))
            }
            if case .unknownOwner(let email) = flaw { writer.cell(email) } else { writer.cell(Users.randomOwner(&rng)) }
            let createdDaysAgo = max(closeDaysAgo, 0) + rng.within(14...240)
            writer.dateCell(Instant.daysBeforeExport(createdDaysAgo, &rng), .iso8601)
            writer.dateCell(Instant.daysBeforeExport(rng.within(1...createdDaysAgo - 1), &rng), .iso8601)
            writer.cell(isRenewal ? "Renewal" : rng.pick(["New Business", "Expansion"]))
            try writer.endRow()
        }
        return try writer.close()
    }

    private static func record(_ flaw: DealFlaw, id: RecordID, line: Int, _ log: inout DefectLog) {
        switch flaw {
        case .missingName:
            log.record(.missingRequired, file: path, line: line, recordId: id, field: "Deal Name", detail: "no name")
        case .orphanContact(let missing):
            log.record(
                .orphanContact, file: path, line: line, recordId: id, field: "Primary Contact ID",
                detail: "contact \(missing.text) does not exist")
        case .unknownOwner(let email):
            log.record(
                .unknownOwner, file: path, line: line, recordId: id, field: "Owner Email",
                detail: "\(email) is not in users.csv")
        }
    }
}
