import Foundation

/// companies.csv: the accounts, with a parent-company hierarchy that is acyclic unless a cycle is planted.
enum Companies {
    static let path = "companies.csv"
    static let standardColumns = [
        "Company ID", "Company Name", "Website", "Industry", "Employees", "Annual Revenue", "Revenue Currency", "Phone",
        "Street", "Street 2", "City", "State", "Postal Code", "Country", "Parent Company ID", "Owner Email", "LinkedIn",
        "Created", "Modified",
    ]
    static let customColumns = ["Tier", "Year Founded"]
    /// The planted duplicate header: a second custom field labelled "Tier", as when two fields share a label.
    static let duplicatedColumn = "Tier"
    static let dateFormats: [String: DateFormat] = ["Created": .usDate, "Modified": .usDate]

    static func write(_ crm: SyntheticCRM, to directory: URL, log: inout DefectLog) throws -> GenerationSummary.File {
        let duplicateHeader = crm.plan.duplicateHeader
        let header = standardColumns + customColumns + (duplicateHeader ? [duplicatedColumn] : [])
        var writer = try CSVWriter(directory: directory, path: path, header: header)
        if duplicateHeader {
            log.record(
                .duplicateHeader, file: path, line: 1, recordId: nil, field: duplicatedColumn,
                detail: "the column \"\(duplicatedColumn)\" appears twice in the header")
        }
        for index in 0..<crm.shape.companies {
            let id = RecordID(.company, index: index)
            let flaw = crm.plan.companyFlaws[index]
            if let flaw { record(flaw, id: id, line: writer.line, crm, &log) }
            try writeRow(id: id, identity: crm.company(index), flaw: flaw, crm, &writer)
            for duplicate in crm.plan.companyDuplicates[index] ?? [] {
                let reused = RecordID(.company, index: duplicate.reusedIndex)
                log.record(
                    .duplicateID, file: path, line: writer.line, recordId: reused, field: "Company ID",
                    detail: "a second, different company with the id \(reused.text)")
                try writeRow(id: reused, identity: crm.company(duplicate.identityIndex), flaw: nil, crm, &writer)
            }
        }
        return try writer.close()
    }

    private static func writeRow(
        id: RecordID, identity: CompanyIdentity, flaw: CompanyFlaw?, _ crm: SyntheticCRM, _ writer: inout CSVWriter
    ) throws {
        var rng = identity.rng
        let city = identity.city
        writer.idCell(id)
        if case .missingName = flaw { writer.emptyCell() } else { writer.cell(identity.name) }
        var domain = identity.domain
        if case .duplicateDomain(let original) = flaw { domain = crm.company(original).domain }
        writer.cell(website(domain, &rng))
        writer.cell(rng.pick(Vocabulary.industries))
        let employees = employeeCount(&rng)
        writer.cell(employees)
        if rng.chance(70) {
            writer.amountCell(cents: employees * rng.within(40_000...260_000) * 100 + rng.below(100))
        } else {
            writer.emptyCell()
        }
        writer.cell(city.country.currency)
        writer.optionalCell(rng.chance(90) ? PhoneNumbers.landline(in: city, &rng) : nil)
        writer.optionalCell(
            rng.chance(90)
                ? city.country.streetAddress(street: rng.pick(city.streets), number: rng.within(1...400)) : nil)
        writer.optionalCell(rng.chance(20) ? rng.pick(secondAddressLines) : nil)
        writer.cell(city.name)
        writer.cell(city.state)
        writer.cell(rng.pick(city.postalCodes))
        writer.cell(city.country.name)
        switch flaw {
        case .parentSelf: writer.idCell(id)
        case .cycleMember(let parent, _): writer.idCell(RecordID(.company, index: parent))
        default: writer.optionalCell(parent(of: identity.index, crm, &rng).map { RecordID(.company, index: $0).text })
        }
        writer.cell(Users.randomOwner(&rng))
        if rng.chance(40) {
            writer.cell("https://www.linkedin.com/company/" + domain.prefix { $0 != "." })
        } else {
            writer.emptyCell()
        }
        let createdDaysAgo = rng.within(30...3000)
        writer.dateCell(Instant.daysBeforeExport(createdDaysAgo, &rng), .usDate)
        writer.dateCell(Instant.daysBeforeExport(rng.within(1...createdDaysAgo), &rng), .usDate)
        writer.cell(rng.pick(Vocabulary.tiers))
        writer.optionalCell(rng.chance(80) ? String(rng.within(1950...2024)) : nil)
        if crm.plan.duplicateHeader { writer.optionalCell(rng.chance(50) ? rng.pick(Vocabulary.tiers) : nil) }
        try writer.endRow()
    }

    /// Some companies belong to a group. A parent always comes earlier in the file and is itself clean, so
    /// no chain can loop back.
    private static func parent(of index: Int, _ crm: SyntheticCRM, _ rng: inout SplitMix64) -> Int? {
        guard index > 0, index < crm.shape.companies, rng.chance(12) else { return nil }
        for _ in 0..<3 {
            let candidate = rng.below(index)
            if !crm.plan.unreferencedCompanies.contains(candidate) { return candidate }
        }
        return nil
    }

    /// The same domain written the ways people type it into a CRM.
    private static func website(_ domain: String, _ rng: inout SplitMix64) -> String {
        switch rng.below(5) {
        case 0: "https://www.\(domain)"
        case 1: "https://\(domain)/"
        case 2: "http://www.\(domain)"
        case 3: "www.\(domain)"
        default: domain
        }
    }

    private static func employeeCount(_ rng: inout SplitMix64) -> Int {
        switch rng.below(10) {
        case 0..<3: rng.within(1...10)
        case 3..<6: rng.within(11...50)
        case 6..<8: rng.within(51...250)
        case 8: rng.within(251...2000)
        default: rng.within(2001...50_000)
        }
    }

    private static func record(
        _ flaw: CompanyFlaw, id: RecordID, line: Int, _ crm: SyntheticCRM, _ log: inout DefectLog
    ) {
        switch flaw {
        case .duplicateDomain(let original):
            let domain = crm.company(original).domain
            log.record(
                .duplicateDomain, file: path, line: line, recordId: id, field: "Website",
                detail: "same domain as \(RecordID(.company, index: original).text) (\(domain))")
        case .missingName:
            log.record(.missingRequired, file: path, line: line, recordId: id, field: "Company Name", detail: "no name")
        case .parentSelf:
            log.record(
                .parentSelf, file: path, line: line, recordId: id, field: "Parent Company ID",
                detail: "the company is its own parent")
        case .cycleMember(_, let cycle):
            guard let cycle else { return }
            let chain = (cycle + [cycle[0]]).map { RecordID(.company, index: $0).text }.joined(separator: " -> ")
            log.record(
                .parentCycle, file: path, line: line, recordId: id, field: "Parent Company ID",
                detail: "parent chain loops: \(chain)")
        }
    }
}
