import Crypto
import Foundation

/// A deliberately simple audit, written for these tests without the generator's knowledge, that finds the
/// record-level defects by reading the files. It proves the generator plants exactly what its answer key
/// says: nothing planted is missed, and no random value is an accidental defect.
struct TestAudit {
    struct Finding: Hashable, CustomStringConvertible {
        let kind: String
        let file: String
        let line: Int
        var description: String { "\(kind) \(file):\(line)" }
    }

    /// The kinds this audit checks; file-format kinds are checked by their own tests.
    static let kinds: Set<String> = [
        "duplicate-id", "duplicate-email", "duplicate-domain", "missing-required", "invalid-email", "invalid-phone",
        "orphan-company", "orphan-contact", "orphan-related", "parent-self", "parent-cycle", "stale-contact",
        "unknown-owner", "attachment-missing-file", "attachment-size-mismatch", "attachment-hash-mismatch",
        "ragged-row",
    ]

    private(set) var findings: Set<Finding> = []

    init(_ export: GeneratedExport) throws {
        let users = Set(try export.table("users.csv").rows.map { $0.cells[2].lowercased() })
        let companies = try export.table("companies.csv")
        let contacts = try export.table("contacts.csv")
        let deals = try export.table("deals.csv")
        let tasks = try export.table("tasks.csv")
        let notes = try export.table("notes.csv")
        let activities = try export.table("activities.csv")
        let attachments = try export.table("attachments.csv")
        let projects = try export.table("custom_objects/projects.csv")

        let companyIDs = checkIDs(companies, file: "companies.csv")
        let contactIDs = checkIDs(contacts, file: "contacts.csv")
        let dealIDs = Set(deals.rows.map { $0.cells[0] })
        let projectIDs = Set(projects.rows.map { $0.cells[0] })
        func exists(_ type: String, _ id: String) -> Bool {
            switch type {
            case "Contact": contactIDs.contains(id)
            case "Company": companyIDs.contains(id)
            case "Deal": dealIDs.contains(id)
            case "projects": projectIDs.contains(id)
            default: false
            }
        }

        for (file, table) in [
            ("companies.csv", companies), ("contacts.csv", contacts), ("deals.csv", deals), ("tasks.csv", tasks),
            ("notes.csv", notes), ("activities.csv", activities), ("attachments.csv", attachments),
        ] {
            for row in table.rows where row.isTerminated && row.cells.count != table.header.count {
                add("ragged-row", file, row)
            }
        }

        var domains: Set<String> = []
        for row in companies.rows {
            let domain = Self.domain(of: companies.value(row, "Website") ?? "")
            if !domains.insert(domain).inserted { add("duplicate-domain", "companies.csv", row) }
            if companies.value(row, "Company Name") == "" { add("missing-required", "companies.csv", row) }
            if let phone = companies.value(row, "Phone"), !Self.isValidPhone(phone) {
                add("invalid-phone", "companies.csv", row)
            }
            if let owner = companies.value(row, "Owner Email"), !users.contains(owner.lowercased()) {
                add("unknown-owner", "companies.csv", row)
            }
        }
        checkParents(companies)

        var emails: Set<String> = []
        var contactByEmail: [String: String] = [:]
        for row in contacts.rows {
            let email = contacts.value(row, "Email") ?? ""
            let first = contacts.value(row, "First Name") ?? ""
            let last = contacts.value(row, "Last Name") ?? ""
            if email.isEmpty && first.isEmpty && last.isEmpty { add("missing-required", "contacts.csv", row) }
            if !email.isEmpty {
                if !Self.isValidEmail(email) { add("invalid-email", "contacts.csv", row) }
                let normalized = email.trimmingCharacters(in: .whitespaces).lowercased()
                if !emails.insert(normalized).inserted { add("duplicate-email", "contacts.csv", row) }
                contactByEmail[normalized] = row.cells[0]
            }
            for other in (contacts.value(row, "Other Emails") ?? "").split(separator: ";") {
                if !emails.insert(other.lowercased()).inserted { add("duplicate-email", "contacts.csv", row) }
            }
            for column in ["Phone", "Mobile"] {
                if let phone = contacts.value(row, column), !Self.isValidPhone(phone) {
                    add("invalid-phone", "contacts.csv", row)
                }
            }
            if let company = contacts.value(row, "Company ID"), !company.isEmpty, !companyIDs.contains(company) {
                add("orphan-company", "contacts.csv", row)
            }
            if let owner = contacts.value(row, "Owner Email"), !users.contains(owner.lowercased()) {
                add("unknown-owner", "contacts.csv", row)
            }
        }

        for row in deals.rows {
            if deals.value(row, "Deal Name") == "" { add("missing-required", "deals.csv", row) }
            if let contact = deals.value(row, "Primary Contact ID"), !contactIDs.contains(contact) {
                add("orphan-contact", "deals.csv", row)
            }
            if let company = deals.value(row, "Company ID"), !companyIDs.contains(company) {
                add("orphan-company", "deals.csv", row)
            }
            if let owner = deals.value(row, "Owner Email"), !users.contains(owner.lowercased()) {
                add("unknown-owner", "deals.csv", row)
            }
        }

        var referencedContacts: Set<String> = []
        for (file, table, ownerColumn) in [
            ("tasks.csv", tasks, "Assignee Email"), ("notes.csv", notes, "Author Email"),
            ("activities.csv", activities, "Owner Email"),
        ] {
            for row in table.rows where row.isTerminated {
                guard let type = table.value(row, "Related Type"), let id = table.value(row, "Related ID") else {
                    continue
                }
                if type == "Contact" { referencedContacts.insert(id) }
                if !exists(type, id) { add("orphan-related", file, row) }
                if let owner = table.value(row, ownerColumn), !users.contains(owner.lowercased()) {
                    add("unknown-owner", file, row)
                }
            }
        }
        for row in activities.rows {
            for email in (activities.value(row, "Participants") ?? "").split(separator: ";") {
                if let contact = contactByEmail[email.lowercased()] { referencedContacts.insert(contact) }
            }
        }
        let staleBefore = Self.exportDay - 730
        for row in contacts.rows {
            guard let lastActivity = contacts.value(row, "Last Activity"), let day = Self.isoDay(lastActivity) else {
                continue
            }
            if day < staleBefore && !referencedContacts.contains(row.cells[0]) {
                add("stale-contact", "contacts.csv", row)
            }
        }

        for row in attachments.rows {
            if let type = attachments.value(row, "Parent Type"), let id = attachments.value(row, "Parent ID"),
                !exists(type, id)
            {
                add("orphan-related", "attachments.csv", row)
            }
            let url = export.file("files").appendingPathComponent(attachments.value(row, "Path") ?? "")
            guard let data = FileManager.default.contents(atPath: url.path) else {
                add("attachment-missing-file", "attachments.csv", row)
                continue
            }
            if attachments.value(row, "Size") != String(data.count) {
                add("attachment-size-mismatch", "attachments.csv", row)
            }
            let hash = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
            if attachments.value(row, "SHA256") != hash { add("attachment-hash-mismatch", "attachments.csv", row) }
        }
    }

    private mutating func add(_ kind: String, _ file: String, _ row: CSVRecord) {
        findings.insert(Finding(kind: kind, file: file, line: row.line))
    }

    /// The ids of a file; a second row with an id seen before is a duplicate.
    private mutating func checkIDs(_ table: TestTable, file: String) -> Set<String> {
        var ids: Set<String> = []
        for row in table.rows where !ids.insert(row.cells[0]).inserted { add("duplicate-id", file, row) }
        return ids
    }

    /// Self-parents, and each cycle of parents once, at the cycle's first row in the file.
    private mutating func checkParents(_ companies: TestTable) {
        var parent: [String: String] = [:]
        var firstRow: [String: CSVRecord] = [:]
        for row in companies.rows where firstRow[row.cells[0]] == nil {
            firstRow[row.cells[0]] = row
            if let value = companies.value(row, "Parent Company ID"), !value.isEmpty { parent[row.cells[0]] = value }
        }
        var reported: Set<String> = []
        for row in companies.rows {
            let id = row.cells[0]
            if parent[id] == id {
                add("parent-self", "companies.csv", row)
                continue
            }
            var seen: [String] = [id]
            var current = id
            while let next = parent[current], next != current {
                if let start = seen.firstIndex(of: next) {
                    let cycle = Array(seen[start...])
                    let first = cycle.compactMap { firstRow[$0] }.min { $0.line < $1.line }
                    if let first, reported.insert(cycle.sorted().joined(separator: ",")).inserted {
                        add("parent-cycle", "companies.csv", first)
                    }
                    break
                }
                seen.append(next)
                current = next
            }
        }
    }

    static let exportDay = 20_634  // 2026-06-30 as days since 1970-01-01

    /// The day of an ISO 8601 timestamp `YYYY-MM-DDThh:mm:ssZ`, as days since 1970-01-01.
    static func isoDay(_ text: String) -> Int? {
        let parts = text.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        let (year, month, day) = (parts[0], parts[1], parts[2])
        let y = month <= 2 ? year - 1 : year
        let era = y / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        return era * 146_097 + yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear - 719_468
    }

    static func domain(of website: String) -> String {
        var text = website.lowercased()
        for prefix in ["https://", "http://", "www."] where text.hasPrefix(prefix) { text.removeFirst(prefix.count) }
        return String(text.prefix { $0 != "/" })
    }

    static func isValidEmail(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return false }
        let allowedLocal = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-")
        let allowedDomain = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return parts[0].allSatisfy(allowedLocal.contains) && parts[1].allSatisfy(allowedDomain.contains)
            && labels.count >= 2 && labels.allSatisfy { !$0.isEmpty }
    }

    /// Empty is allowed; otherwise digits with the usual punctuation, 7 to 15 digits (E.164's maximum).
    static func isValidPhone(_ phone: String) -> Bool {
        guard !phone.isEmpty else { return true }
        let allowed = Set("0123456789+-() ")
        let digits = phone.filter(\.isNumber).count
        return phone.allSatisfy(allowed.contains) && (7...15).contains(digits)
    }
}
