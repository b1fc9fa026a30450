import Foundation

/// contacts.csv: one row per person, about 200 bytes each, with its planted defects and duplicate rows.
enum Contacts {
    static let path = "contacts.csv"
    static let header = [
        "Contact ID", "First Name", "Last Name", "Email", "Other Emails", "Phone", "Mobile", "Job Title", "Company ID",
        "Street", "City", "State", "Postal Code", "Country", "LinkedIn", "Owner Email", "Created", "Modified",
        "Last Activity", "Lead Source", "Newsletter",
    ]
    static let dateFormats: [String: DateFormat] = [
        "Created": .iso8601, "Modified": .iso8601, "Last Activity": .iso8601,
    ]

    /// Clean contacts were active within this many days; planted stale ones not for at least `staleDays`.
    /// Both keep well clear of the 24-month line an audit draws.
    static let recentDays = 700
    static let staleDays = 800

    static func write(_ crm: SyntheticCRM, to directory: URL, log: inout DefectLog) throws -> GenerationSummary.File {
        var writer = try CSVWriter(directory: directory, path: path, header: header)
        for index in 0..<crm.shape.contacts {
            let id = RecordID(.contact, index: index)
            let flaw = crm.plan.contactFlaws[index]
            if let flaw { record(flaw, id: id, line: writer.line, crm, &log) }
            try writeRow(id: id, identity: crm.contact(index), flaw: flaw, crm, &writer)
            for duplicate in crm.plan.contactDuplicates[index] ?? [] {
                let reused = RecordID(.contact, index: duplicate.reusedIndex)
                log.record(
                    .duplicateID, file: path, line: writer.line, recordId: reused, field: "Contact ID",
                    detail: "a second, different contact with the id \(reused.text)")
                try writeRow(id: reused, identity: crm.contact(duplicate.identityIndex), flaw: nil, crm, &writer)
            }
        }
        return try writer.close()
    }

    private static func writeRow(
        id: RecordID, identity: ContactIdentity, flaw: ContactFlaw?, _ crm: SyntheticCRM, _ writer: inout CSVWriter
    ) throws {
        var rng = identity.rng
        let nameless = if case .missingRequired = flaw { true } else { false }
        writer.idCell(id)
        writer.cell(nameless ? "" : identity.first.text)
        writer.cell(nameless ? "" : identity.last.text)
        switch flaw {
        case .missingRequired:
            writer.emptyCell()
        case .duplicateEmail(let original, let changeCase):
            let email = crm.contact(original).email
            writer.cell(changeCase ? email.uppercased() : email)
        case .invalidEmail(let variant):
            writer.cell(
                InvalidEmails.make(localPart: identity.emailLocalPart, domain: identity.emailDomain, variant: variant))
        default:
            writer.cell(identity.email)
        }
        if flaw == nil && rng.chance(3) {
            // A personal address beside the work one, on another domain, so it can equal no primary email.
            var domain = rng.pick(freeMailDomains)
            if domain == identity.emailDomain { domain = "fastmail.com" }
            writer.cell(identity.first.ascii + "." + identity.last.ascii + ".\(identity.index + 1)@" + domain)
        } else {
            writer.emptyCell()
        }
        if case .invalidPhone(let variant) = flaw {
            writer.cell(PhoneNumbers.invalid[variant])
        } else {
            writer.optionalCell(rng.chance(85) ? PhoneNumbers.landline(in: identity.city, &rng) : nil)
        }
        writer.optionalCell(rng.chance(20) ? PhoneNumbers.mobile(in: identity.city, &rng) : nil)
        writer.optionalCell(rng.chance(75) ? rng.pick(Vocabulary.jobTitles) : nil)
        if case .orphanCompany(let missing) = flaw {
            writer.idCell(missing)
        } else if let company = identity.companyIndex {
            writer.idCell(RecordID(.company, index: company))
        } else {
            writer.emptyCell()
        }
        let city = identity.city
        writer.optionalCell(
            rng.chance(20)
                ? city.country.streetAddress(street: rng.pick(city.streets), number: rng.within(1...250)) : nil)
        writer.cell(city.name)
        writer.cell(city.state)
        writer.optionalCell(rng.chance(85) ? rng.pick(city.postalCodes) : nil)
        writer.cell(city.country.name)
        if !nameless && rng.chance(5) {
            writer.cell(
                "https://www.linkedin.com/in/\(identity.first.ascii)-\(identity.last.ascii)-\(identity.index + 1)")
        } else {
            writer.emptyCell()
        }
        if case .unknownOwner(let email) = flaw {
            writer.cell(email)
        } else {
            writer.cell(Users.randomOwner(&rng))
        }
        let isStale = if case .stale = flaw { true } else { false }
        let lastActivityDaysAgo = isStale ? rng.within(staleDays...staleDays + 700) : rng.within(1...recentDays)
        let createdDaysAgo = lastActivityDaysAgo + rng.within(1...1500)
        let modifiedDaysAgo = rng.within(1...lastActivityDaysAgo)
        writer.dateCell(Instant.daysBeforeExport(createdDaysAgo, &rng), .iso8601)
        writer.dateCell(Instant.daysBeforeExport(modifiedDaysAgo, &rng), .iso8601)
        writer.dateCell(Instant.daysBeforeExport(lastActivityDaysAgo, &rng), .iso8601)
        writer.optionalCell(rng.chance(50) ? rng.pick(Vocabulary.leadSources) : nil)
        writer.cell(rng.chance(35) ? "Yes" : "No")
        try writer.endRow()
    }

    private static func record(
        _ flaw: ContactFlaw, id: RecordID, line: Int, _ crm: SyntheticCRM, _ log: inout DefectLog
    ) {
        switch flaw {
        case .duplicateEmail(let original, let changeCase):
            log.record(
                .duplicateEmail, file: path, line: line, recordId: id, field: "Email",
                detail: "same email as \(RecordID(.contact, index: original).text)"
                    + (changeCase ? ", differing only in case" : ""))
        case .missingRequired:
            log.record(
                .missingRequired, file: path, line: line, recordId: id, field: "Email",
                detail: "no email, first name or last name")
        case .invalidEmail:
            log.record(
                .invalidEmail, file: path, line: line, recordId: id, field: "Email", detail: "not an email address")
        case .invalidPhone(let variant):
            log.record(
                .invalidPhone, file: path, line: line, recordId: id, field: "Phone",
                detail: "\"\(PhoneNumbers.invalid[variant])\" is not a phone number")
        case .orphanCompany(let missing):
            log.record(
                .orphanCompany, file: path, line: line, recordId: id, field: "Company ID",
                detail: "company \(missing.text) does not exist")
        case .stale:
            log.record(
                .staleContact, file: path, line: line, recordId: id, field: "Last Activity",
                detail: "last activity over 24 months before the export, and no activity, task or note")
        case .unknownOwner(let email):
            log.record(
                .unknownOwner, file: path, line: line, recordId: id, field: "Owner Email",
                detail: "\(email) is not in users.csv")
        }
    }
}
