import AllegoryExport
import Foundation
import Ledger

/// The data-quality checks over the current snapshot, one streaming pass per object in dependency order (users,
/// companies, contacts, deals, tasks, notes, activities, attachments, the rest), keeping only the sets and maps
/// the checks need: ids, emails, domains, parents.
struct RecordChecks {
    private(set) var findings: [AuditFinding] = []
    /// Contacts with no activity for 24 months or more: what the `stale-contacts` exclusion rule excludes.
    private(set) var staleContacts: [String] = []
    /// Per object: records, and each column's profile (for the inventory).
    private(set) var streams: [String: ObjectStream] = [:]
    private(set) var companiesWithParent = 0
    private(set) var dealsPerStage: [String: Int] = [:]
    private(set) var attachmentBytes: Int64 = 0
    /// Small tables kept whole for the inventory.
    private(set) var stageRows: [Row] = []
    private(set) var workflowRows: [Row] = []

    private var object = ""

    private mutating func add(_ kind: String, _ row: Row, field: String? = nil, _ detail: String) {
        findings.append(
            AuditFinding(kind: kind, object: object, file: row.file, line: row.line, sourceId: row.sourceId, field: field, detail: detail))
    }

    /// `exportedAt`: the day the export was taken, from which staleness is measured.
    init(ledger: Ledger, objects: [String], exportedAt: Date, exportFolder: URL?) throws {
        let order = ["users", "stages", "companies", "contacts", "deals", "tasks", "notes", "activities", "attachments"]
        let others = objects.filter { !order.contains($0) }
        // Ids of every object a task, note, activity or attachment may point at: read first, by `Related Type`.
        var idsByType: [String: Set<String>] = [:]
        for other in others { idsByType[other] = try ids(ledger, other) }
        idsByType["Deal"] = try ids(ledger, "deals")

        var users = Set<String>()
        try pass(ledger, "users") { checks, row in
            if let email = row.value("Email"), !email.isEmpty { users.insert(Validity.normalizedEmail(email)) }
            checks.checkRepeatedId(row)
        }
        try pass(ledger, "stages") { checks, row in checks.stageRows.append(row) }

        var companyIds = Set<String>()
        var domains = Set<String>()
        var parent: [String: String] = [:]
        var firstCompany: [String: Row] = [:]
        try pass(ledger, "companies") { checks, row in
            checks.checkRepeatedId(row)
            guard !row.isRepeatedId else { return }
            companyIds.insert(row.sourceId)
            firstCompany[row.sourceId] = row
            if let value = row.value("Parent Company ID"), !value.isEmpty {
                parent[row.sourceId] = value
                checks.companiesWithParent += 1
            }
            if let website = row.value("Website"), !website.isEmpty, !domains.insert(Validity.domain(of: website)).inserted {
                checks.add("duplicate-domain", row, field: "Website", "the domain \(Validity.domain(of: website)) is already used")
            }
            if row.value("Company Name") == "" { checks.add("missing-required", row, field: "Company Name", "no company name") }
            checks.checkPhone(row, "Phone")
            checks.checkOwner(users, row, "Owner Email")
        }
        object = "companies"
        checkParents(parent, firstCompany)
        idsByType["Company"] = companyIds

        var contactIds = Set<String>()
        var emails = Set<String>()
        var contactByEmail: [String: String] = [:]
        let staleBefore = exportedAt.addingTimeInterval(-730 * 86_400)
        var maybeStale: [Row] = []
        try pass(ledger, "contacts") { checks, row in
            checks.checkRepeatedId(row)
            guard !row.isRepeatedId else { return }
            contactIds.insert(row.sourceId)
            let email = row.value("Email") ?? ""
            if email.isEmpty && (row.value("First Name") ?? "").isEmpty && (row.value("Last Name") ?? "").isEmpty {
                checks.add("missing-required", row, field: "Email", "neither a name nor an email")
            }
            if !email.isEmpty {
                if !Validity.isEmail(email) { checks.add("invalid-email", row, field: "Email", "\"\(email)\" is not an email address") }
                let normalized = Validity.normalizedEmail(email)
                if !emails.insert(normalized).inserted {
                    checks.add("duplicate-email", row, field: "Email", "\(normalized) is already another contact's email")
                }
                contactByEmail[normalized] = row.sourceId
            }
            for other in (row.value("Other Emails") ?? "").split(separator: ";") {
                let normalized = Validity.normalizedEmail(String(other))
                if !normalized.isEmpty, !emails.insert(normalized).inserted {
                    checks.add("duplicate-email", row, field: "Other Emails", "\(normalized) is already another contact's email")
                }
            }
            checks.checkPhone(row, "Phone")
            checks.checkPhone(row, "Mobile")
            if let company = row.value("Company ID"), !company.isEmpty, !companyIds.contains(company) {
                checks.add("orphan-company", row, field: "Company ID", "no company has the id \(company)")
            }
            checks.checkOwner(users, row, "Owner Email")
            if let last = row.value("Last Activity"), let day = Self.isoDate(last), day < staleBefore { maybeStale.append(row) }
        }
        idsByType["Contact"] = contactIds

        try pass(ledger, "deals") { checks, row in
            checks.checkRepeatedId(row)
            if row.value("Deal Name") == "" { checks.add("missing-required", row, field: "Deal Name", "no deal name") }
            if let contact = row.value("Primary Contact ID"), !contact.isEmpty, !contactIds.contains(contact) {
                checks.add("orphan-contact", row, field: "Primary Contact ID", "no contact has the id \(contact)")
            }
            if let company = row.value("Company ID"), !company.isEmpty, !companyIds.contains(company) {
                checks.add("orphan-company", row, field: "Company ID", "no company has the id \(company)")
            }
            checks.checkOwner(users, row, "Owner Email")
            checks.dealsPerStage[row.value("Stage") ?? "", default: 0] += 1
        }

        var activeContacts = Set<String>()
        for (activityObject, ownerColumn) in [("tasks", "Assignee Email"), ("notes", "Author Email"), ("activities", "Owner Email")] {
            try pass(ledger, activityObject) { checks, row in
                checks.checkRepeatedId(row)
                if let type = row.value("Related Type"), let id = row.value("Related ID"), !type.isEmpty {
                    if type == "Contact" { activeContacts.insert(id) }
                    if !(idsByType[type]?.contains(id) ?? false) {
                        checks.add("orphan-related", row, field: "Related ID", "no \(type) has the id \(id)")
                    }
                }
                checks.checkOwner(users, row, ownerColumn)
                for email in (row.value("Participants") ?? "").split(separator: ";") {
                    if let contact = contactByEmail[Validity.normalizedEmail(String(email))] { activeContacts.insert(contact) }
                }
            }
        }
        object = "contacts"
        for row in maybeStale where !activeContacts.contains(row.sourceId) {
            staleContacts.append(row.sourceId)
            add("stale-contact", row, field: "Last Activity", "no activity since \((row.value("Last Activity") ?? "").prefix(10))")
        }

        try pass(ledger, "attachments") { checks, row in
            checks.checkRepeatedId(row)
            checks.checkAttachment(row, idsByType: idsByType, folder: exportFolder)
        }
        for other in others {
            try pass(ledger, other) { checks, row in
                checks.checkRepeatedId(row)
                if other == "workflows" { checks.workflowRows.append(row) }
            }
        }
    }

    /// Streams `object`'s records through `check`, with this object's findings attributed to it.
    private mutating func pass(_ ledger: Ledger, _ object: String, _ check: (inout RecordChecks, Row) throws -> Void) throws {
        self.object = object
        var stream = ObjectStream(object: object)
        try stream.forEach(ledger) { row in try check(&self, row) }
        if stream.records > 0 { streams[object] = stream }
    }

    private func ids(_ ledger: Ledger, _ object: String) throws -> Set<String> {
        var ids = Set<String>()
        var stream = ObjectStream(object: object)
        try stream.forEach(ledger) { ids.insert($0.baseId) }
        return ids
    }

    private mutating func checkRepeatedId(_ row: Row) {
        if row.isRepeatedId { add("duplicate-id", row, "id \(row.baseId) is already used in \(row.file)") }
    }

    private mutating func checkPhone(_ row: Row, _ column: String) {
        if let phone = row.value(column), !phone.isEmpty, !Validity.isPhone(phone) {
            add("invalid-phone", row, field: column, "\"\(phone)\" is not a phone number")
        }
    }

    private mutating func checkOwner(_ users: Set<String>, _ row: Row, _ column: String) {
        if let owner = row.value(column), !owner.isEmpty, !users.contains(Validity.normalizedEmail(owner)) {
            add("unknown-owner", row, field: column, "\(owner) is not among the users")
        }
    }

    /// Self-parents, and each cycle of parents once, at its first company in the file.
    private mutating func checkParents(_ parent: [String: String], _ first: [String: Row]) {
        var reported = Set<String>()
        for row in first.values.sorted(by: { $0.line < $1.line }) {
            let id = row.sourceId
            if parent[id] == id {
                add("parent-self", row, field: "Parent Company ID", "\(id) is its own parent")
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
                        add("parent-cycle", head, field: "Parent Company ID", "parent chain loops: \((cycle + [cycle[0]]).joined(separator: " -> "))")
                    }
                    break
                }
                chain.append(next)
                current = next
            }
        }
    }

    private mutating func checkAttachment(_ row: Row, idsByType: [String: Set<String>], folder: URL?) {
        attachmentBytes += Int64(row.value("Size") ?? "") ?? 0
        if let type = row.value("Parent Type"), let id = row.value("Parent ID"), !type.isEmpty, !(idsByType[type]?.contains(id) ?? false) {
            add("orphan-related", row, field: "Parent ID", "no \(type) has the id \(id)")
        }
        guard let folder, let path = row.value("Path"), !path.isEmpty else { return }
        // The export may be a folder or a zip: its files/ are opened through its source, wherever they are in it.
        guard let source = try? ExportSource.opened(at: folder),
            let file = try? source.fingerprint(of: source.attachmentPath(path))
        else {
            add("attachment-missing-file", row, field: "Path", "files/\(path) is not in the export")
            return
        }
        if let size = row.value("Size"), size != String(file.bytes) {
            add("attachment-size-mismatch", row, field: "Size", "listed as \(size) bytes, the file has \(file.bytes)")
        }
        if let listed = row.value("SHA256"), listed.lowercased() != file.sha256 {
            add("attachment-hash-mismatch", row, field: "SHA256", "the file's SHA-256 differs from the listing")
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
