import AllegoryExport
import Foundation
import Ledger

/// The data-quality checks over the current snapshot: duplicates, missing and invalid values, orphans, parent
/// cycles, stale contacts, unknown owners, and attachments against their files.
struct RecordChecks {
    private(set) var findings: [AuditFinding] = []
    /// Contacts with no activity for 24 months or more: what the `stale-contacts` exclusion rule excludes.
    private(set) var staleContacts: [String] = []

    private mutating func add(
        _ kind: String, _ table: ObjectTable, _ record: SourceRecord, field: String? = nil, _ detail: String
    ) {
        findings.append(
            AuditFinding(
                kind: kind, object: table.object, file: record.file, line: record.line, sourceId: record.sourceId,
                field: field, detail: detail))
    }

    /// `exportedAt`: the day the export was taken, from which staleness is measured.
    init(tables: [String: ObjectTable], exportedAt: Date, exportFolder: URL?) {
        let empty = { (object: String) in tables[object] ?? ObjectTable.empty(object) }
        let users = Set(empty("users").records.compactMap { empty("users").value($0, "Email") }.map(Validity.normalizedEmail))
        let companies = empty("companies")
        let contacts = empty("contacts")
        let deals = empty("deals")
        let companyIds = companies.ids
        let contactIds = contacts.ids
        var idsByType: [String: Set<String>] = ["Company": companyIds, "Contact": contactIds, "Deal": empty("deals").ids]
        for (object, table) in tables where !["companies", "contacts", "deals"].contains(object) { idsByType[object] = table.ids }

        for table in tables.values.sorted(by: { $0.object < $1.object }) {
            for record in table.records where record.sourceId != ObjectTable.baseId(record) {
                add("duplicate-id", table, record, "id \(ObjectTable.baseId(record)) is already used in \(record.file)")
            }
        }
        checkOwner(users, table: companies, column: "Owner Email")
        var domains = Set<String>()
        for record in companies.records {
            if let website = companies.value(record, "Website"), !website.isEmpty, !domains.insert(Validity.domain(of: website)).inserted {
                add("duplicate-domain", companies, record, field: "Website", "the domain \(Validity.domain(of: website)) is already used")
            }
            if companies.value(record, "Company Name") == "" {
                add("missing-required", companies, record, field: "Company Name", "no company name")
            }
            checkPhone(companies, record, "Phone")
        }
        checkParents(companies)

        var emails = Set<String>()
        var contactByEmail: [String: String] = [:]
        for record in contacts.records {
            let email = contacts.value(record, "Email") ?? ""
            if email.isEmpty && (contacts.value(record, "First Name") ?? "").isEmpty && (contacts.value(record, "Last Name") ?? "").isEmpty {
                add("missing-required", contacts, record, field: "Email", "neither a name nor an email")
            }
            if !email.isEmpty {
                if !Validity.isEmail(email) { add("invalid-email", contacts, record, field: "Email", "\"\(email)\" is not an email address") }
                let normalized = Validity.normalizedEmail(email)
                if !emails.insert(normalized).inserted {
                    add("duplicate-email", contacts, record, field: "Email", "\(normalized) is already another contact's email")
                }
                contactByEmail[normalized] = ObjectTable.baseId(record)
            }
            for other in (contacts.value(record, "Other Emails") ?? "").split(separator: ";") {
                let normalized = Validity.normalizedEmail(String(other))
                if !normalized.isEmpty, !emails.insert(normalized).inserted {
                    add("duplicate-email", contacts, record, field: "Other Emails", "\(normalized) is already another contact's email")
                }
            }
            checkPhone(contacts, record, "Phone")
            checkPhone(contacts, record, "Mobile")
            if let company = contacts.value(record, "Company ID"), !company.isEmpty, !companyIds.contains(company) {
                add("orphan-company", contacts, record, field: "Company ID", "no company has the id \(company)")
            }
        }
        checkOwner(users, table: contacts, column: "Owner Email")

        for record in deals.records {
            if deals.value(record, "Deal Name") == "" { add("missing-required", deals, record, field: "Deal Name", "no deal name") }
            if let contact = deals.value(record, "Primary Contact ID"), !contact.isEmpty, !contactIds.contains(contact) {
                add("orphan-contact", deals, record, field: "Primary Contact ID", "no contact has the id \(contact)")
            }
            if let company = deals.value(record, "Company ID"), !company.isEmpty, !companyIds.contains(company) {
                add("orphan-company", deals, record, field: "Company ID", "no company has the id \(company)")
            }
        }
        checkOwner(users, table: deals, column: "Owner Email")

        var activeContacts = Set<String>()
        for (object, ownerColumn) in [("tasks", "Assignee Email"), ("notes", "Author Email"), ("activities", "Owner Email")] {
            let table = empty(object)
            for record in table.records {
                guard let type = table.value(record, "Related Type"), let id = table.value(record, "Related ID"), !type.isEmpty else { continue }
                if type == "Contact" { activeContacts.insert(id) }
                if !(idsByType[type]?.contains(id) ?? false) {
                    add("orphan-related", table, record, field: "Related ID", "no \(type) has the id \(id)")
                }
            }
            checkOwner(users, table: table, column: ownerColumn)
        }
        let activities = empty("activities")
        for record in activities.records {
            for email in (activities.value(record, "Participants") ?? "").split(separator: ";") {
                if let contact = contactByEmail[Validity.normalizedEmail(String(email))] { activeContacts.insert(contact) }
            }
        }
        let staleBefore = exportedAt.addingTimeInterval(-730 * 86_400)
        for record in contacts.records {
            guard let last = contacts.value(record, "Last Activity"), let day = Self.isoDate(last), day < staleBefore,
                !activeContacts.contains(ObjectTable.baseId(record))
            else { continue }
            staleContacts.append(record.sourceId)
            add("stale-contact", contacts, record, field: "Last Activity", "no activity since \(last.prefix(10))")
        }
        checkAttachments(empty("attachments"), idsByType: idsByType, folder: exportFolder)
    }

    private mutating func checkPhone(_ table: ObjectTable, _ record: SourceRecord, _ column: String) {
        if let phone = table.value(record, column), !phone.isEmpty, !Validity.isPhone(phone) {
            add("invalid-phone", table, record, field: column, "\"\(phone)\" is not a phone number")
        }
    }

    private mutating func checkOwner(_ users: Set<String>, table: ObjectTable, column: String) {
        for record in table.records {
            if let owner = table.value(record, column), !owner.isEmpty, !users.contains(Validity.normalizedEmail(owner)) {
                add("unknown-owner", table, record, field: column, "\(owner) is not among the users")
            }
        }
    }

    /// Self-parents, and each cycle of parents once, at its first company in the file.
    private mutating func checkParents(_ companies: ObjectTable) {
        // A repeated id (`CO1#2`) is reported as a duplicate; the chain follows each id's first record.
        var parent: [String: String] = [:]
        var first: [String: SourceRecord] = [:]
        for record in companies.records where record.sourceId == ObjectTable.baseId(record) {
            first[record.sourceId] = record
            if let value = companies.value(record, "Parent Company ID"), !value.isEmpty { parent[record.sourceId] = value }
        }
        var reported = Set<String>()
        for record in companies.records where record.sourceId == ObjectTable.baseId(record) {
            let id = record.sourceId
            if parent[id] == id {
                add("parent-self", companies, record, field: "Parent Company ID", "\(id) is its own parent")
                continue
            }
            var chain = [id]
            var current = id
            while let next = parent[current], next != current {
                if let start = chain.firstIndex(of: next) {
                    let cycle = Array(chain[start...])
                    if reported.insert(cycle.sorted().joined(separator: ",")).inserted,
                        let head = cycle.compactMap({ first[$0] }).min(by: { $0.line < $1.line })
                    {
                        add("parent-cycle", companies, head, field: "Parent Company ID", "parent chain loops: \((cycle + [cycle[0]]).joined(separator: " -> "))")
                    }
                    break
                }
                chain.append(next)
                current = next
            }
        }
    }

    private mutating func checkAttachments(_ table: ObjectTable, idsByType: [String: Set<String>], folder: URL?) {
        for record in table.records {
            if let type = table.value(record, "Parent Type"), let id = table.value(record, "Parent ID"), !type.isEmpty,
                !(idsByType[type]?.contains(id) ?? false)
            {
                add("orphan-related", table, record, field: "Parent ID", "no \(type) has the id \(id)")
            }
            guard let folder, let path = table.value(record, "Path"), !path.isEmpty else { continue }
            let url = folder.appendingPathComponent("files").appendingPathComponent(path)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                add("attachment-missing-file", table, record, field: "Path", "files/\(path) is not in the export")
                continue
            }
            if let size = table.value(record, "Size"), size != String(data.count) {
                add("attachment-size-mismatch", table, record, field: "Size", "listed as \(size) bytes, the file has \(data.count)")
            }
            if let listed = table.value(record, "SHA256"), listed.lowercased() != EventHash.sha256Hex(data) {
                add("attachment-hash-mismatch", table, record, field: "SHA256", "the file's SHA-256 differs from the listing")
            }
        }
    }

    /// The date of an ISO 8601 date or date-time.
    static func isoDate(_ text: String) -> Date? {
        let parts = text.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        var components = DateComponents()
        components.year = parts[0]
        components.month = parts[1]
        components.day = parts[2]
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: components)
    }
}

extension ObjectTable {
    static func empty(_ object: String) -> ObjectTable { ObjectTable(object: object, records: []) }
}
