import AllegoryExport
import ExportUnderstanding
import Foundation
import Ledger

/// The data-quality checks over the current snapshot, one streaming pass per file in dependency order (users,
/// companies, contacts, deals, custom objects, tasks, notes, activities, attachments, the rest), reading each
/// file's columns and relations from the export's understanding, so they work on any export: whatever its files
/// are called, whatever its headers, and whether its records refer to each other by id, name, email or domain.
struct RecordChecks {
    private(set) var findings: [AuditFinding] = []
    /// Contacts with no activity for 24 months or more before the export's date: what `stale-contacts` excludes.
    private(set) var staleContacts: [(object: String, sourceId: String)] = []
    /// Per object: records, and each column's profile (for the inventory).
    private(set) var streams: [String: ObjectStream] = [:]
    private(set) var companiesWithParent = 0
    private(set) var dealsPerStage: [String: Int] = [:]
    private(set) var attachmentBytes: Int64 = 0
    /// Small tables kept whole for the inventory.
    private(set) var stageRows: [Row] = []
    private(set) var workflowRows: [Row] = []

    private var object = ""
    private var references = ReferenceIndex()
    private let understanding: ExportUnderstanding
    private let ledger: Ledger

    private mutating func add(_ kind: String, _ row: Row, field: String? = nil, _ detail: String) {
        findings.append(
            AuditFinding(
                kind: kind, object: object, file: row.file, line: row.line, sourceId: row.sourceId, field: field,
                detail: detail))
    }

    /// `exportedAt`: the day the export was taken, from which staleness is measured.
    init(ledger: Ledger, understanding: ExportUnderstanding, exportedAt: Date, exportFolder: URL?) throws {
        self.ledger = ledger
        self.understanding = understanding
        let files = understanding.files.sorted {
            ObjectVocabulary.writeRank($0.role) < ObjectVocabulary.writeRank($1.role)
        }
        let staleBefore = exportedAt.addingTimeInterval(-730 * 86_400)
        var candidates = StaleCandidates()
        var users = Set<String>()

        for file in files {
            switch file.role {
            case .users:
                try pass(file) { checks, row in
                    if let email = row.value("Email"), !email.isEmpty { users.insert(Validity.normalizedEmail(email)) }
                    if let name = row.value("Name"), !name.isEmpty { users.insert(ValueFolding.folded(name)) }
                }
            case .stages:
                try pass(file) { checks, row in checks.stageRows.append(row) }
            case .companies:
                var parent: [String: String] = [:]
                var first: [String: Row] = [:]
                var domains = Set<String>()
                let parentRelation = understanding.relations(of: file.object).first(where: \.isSelfReference)
                try pass(file) { checks, row in
                    try checks.checkRecord(row, file: file, users: users)
                    guard !row.isRepeatedId else { return }
                    if let relation = parentRelation {
                        let value = row.raw(relation.column)
                        if !value.isEmpty {
                            checks.companiesWithParent += 1
                            if let target = try checks.references.record(
                                value, object: relation.targetObject, column: relation.targetColumn,
                                matchBy: relation.matchBy,
                                ledger: ledger)
                            {
                                parent[row.sourceId] = target
                                // Only a company with a parent starts a chain or sits in a cycle.
                                first[row.sourceId] = row.keeping([])
                            }
                        }
                    }
                    if let website = row.value("Website"), !website.isEmpty,
                        !domains.insert(Validity.domain(of: website)).inserted
                    {
                        checks.add(
                            "duplicate-domain", row, field: file.header(for: "Website"),
                            "the domain \(Validity.domain(of: website)) is already used")
                    }
                    if let header = file.header(for: "Company Name"), row.raw(header).isEmpty {
                        checks.add("missing-required", row, field: header, "no company name")
                    }
                }
                object = file.object
                checkParents(parent, first, column: parentRelation?.column)
            case .contacts:
                // A compact set: at a million contacts, this and the reference index are most of the audit's memory.
                var emails = KeyTally()
                // Read in the format the understanding detected for the column, as the transform will read it.
                let lastActivityFormat = file.header(for: "Last Activity").flatMap { file.column($0)?.format }
                    .flatMap(TimestampFormat.init(mapName:))
                try pass(file) { checks, row in
                    try checks.checkRecord(row, file: file, users: users)
                    guard !row.isRepeatedId else { return }
                    let email = row.value("Email") ?? ""
                    let named =
                        !(row.value("First Name") ?? "").isEmpty || !(row.value("Last Name") ?? "").isEmpty
                        || file.labelColumn.map { !row.raw($0).isEmpty && $0 != file.header(for: "Email") } ?? false
                    if email.isEmpty && !named {
                        checks.add(
                            "missing-required", row, field: file.header(for: "Email"), "neither a name nor an email")
                    }
                    let normalized = email.isEmpty ? nil : Validity.normalizedEmail(email)
                    if let normalized {
                        if !Validity.isEmail(email) {
                            // An invalid address is reported once as invalid, not again as a duplicate of itself.
                            checks.add(
                                "invalid-email", row, field: file.header(for: "Email"),
                                "\"\(email)\" is not an email address")
                        } else if emails.add(normalized) > 1 {
                            checks.add(
                                "duplicate-email", row, field: file.header(for: "Email"),
                                "\(normalized) is already another contact's email")
                        }
                    }
                    var isCandidate = false
                    if let last = row.value("Last Activity"), let format = lastActivityFormat,
                        let day = ExportDay.day(last, format: format)
                    {
                        isCandidate = day < staleBefore
                    }
                    candidates.read(row, of: file, email: normalized, isCandidate: isCandidate)
                    for other in (row.value("Other Emails") ?? "").split(separator: ";") {
                        let normalized = Validity.normalizedEmail(String(other))
                        if Validity.isEmail(normalized), emails.add(normalized) > 1 {
                            checks.add(
                                "duplicate-email", row, field: file.header(for: "Other Emails"),
                                "\(normalized) is already another contact's email")
                        }
                    }
                }
            case .deals:
                try pass(file) { checks, row in
                    try checks.checkRecord(row, file: file, users: users)
                    if let header = file.header(for: "Deal Name"), row.raw(header).isEmpty {
                        checks.add("missing-required", row, field: header, "no deal name")
                    }
                    checks.dealsPerStage[row.value("Stage") ?? "", default: 0] += 1
                }
            case .tasks, .notes, .activities:
                let contactObjects = Set(understanding.files(.contacts).map(\.object))
                let pairs = understanding.polymorphic(of: file.object)
                try pass(file) { checks, row in
                    try checks.checkRecord(row, file: file, users: users)
                    for pair in pairs where contactObjects.contains(pair.targets[row.raw(pair.typeColumn)] ?? "") {
                        candidates.named(id: row.raw(pair.idColumn))
                    }
                    for email in (row.value("Participants") ?? "").split(separator: ";") {
                        candidates.named(email: Validity.normalizedEmail(String(email)))
                    }
                }
            case .attachments:
                try pass(file) { checks, row in
                    try checks.checkRecord(row, file: file, users: users)
                    checks.checkAttachment(row, folder: exportFolder)
                }
            case .workflows:
                try pass(file) { checks, row in
                    checks.workflowRows.append(row)
                }
            case .custom, .junction, .customFields:
                try pass(file) { checks, row in try checks.checkRecord(row, file: file, users: users) }
            }
        }
        for (file, row) in candidates.stale {
            object = file.object
            staleContacts.append((file.object, row.sourceId))
            add(
                "stale-contact", row, field: file.header(for: "Last Activity"),
                "no activity since \((row.value("Last Activity") ?? "").prefix(10))")
        }
    }

    /// Streams `file`'s records through `check`, with its findings attributed to its object.
    private mutating func pass(_ file: FileUnderstanding, _ check: (inout RecordChecks, Row) throws -> Void) throws {
        object = file.object
        var stream = ObjectStream(object: file.object, file: file)
        try stream.forEach(ledger) { row in try check(&self, row) }
        if stream.records > 0 { streams[file.object] = stream }
    }

    /// What every record is checked for: a repeated id, phones, and every link it makes (to its parents, its
    /// owner, the records a type + id pair names).
    private mutating func checkRecord(_ row: Row, file: FileUnderstanding, users: Set<String>) throws {
        for standard in ["Phone", "Mobile"] { checkPhone(row, file.header(for: standard)) }
        var checkedOwners = Set<String>()
        for relation in understanding.relations(of: file.object) where !relation.isSelfReference {
            let value = row.raw(relation.column)
            guard !value.isEmpty else { continue }
            let target = understanding.file(object: relation.targetObject)
            if target?.role == .users {
                checkedOwners.insert(relation.column)
                if try references.matches(
                    value, object: relation.targetObject, column: relation.targetColumn, matchBy: relation.matchBy,
                    ledger: ledger) == 0
                {
                    add("unknown-owner", row, field: relation.column, "\(value) is not among the users")
                }
                continue
            }
            let found = try references.matches(
                value, object: relation.targetObject, column: relation.targetColumn, matchBy: relation.matchBy,
                ledger: ledger)
            if found == 0 {
                let (kind, what) = Self.orphanKind(target?.role)
                let by = relation.matchBy == .id ? "the id" : "the \(relation.matchBy.rawValue)"
                add(kind, row, field: relation.column, "no \(what) has \(by) \(value)")
            } else if found > 1, relation.matchBy != .id {
                // Two records with one id are a duplicate-id finding of their own file; a name shared by two is
                // this record's problem: which one it means is unclear.
                add(
                    "ambiguous-reference", row, field: relation.column,
                    "\(found) records of \(relation.targetObject) have the \(relation.matchBy.rawValue) \(value): which one is meant is unclear"
                )
            }
        }
        // An owner column whose values matched no users file well enough to be a relation is still checked.
        for standard in ["Owner Email", "Assignee Email", "Author Email"] {
            guard let header = file.header(for: standard), !checkedOwners.contains(header) else { continue }
            let owner = row.raw(header)
            if !owner.isEmpty, !users.contains(Validity.normalizedEmail(owner)),
                !users.contains(ValueFolding.folded(owner))
            {
                add("unknown-owner", row, field: header, "\(owner) is not among the users")
            }
        }
        for pair in understanding.polymorphic(of: file.object) {
            let type = row.raw(pair.typeColumn)
            let id = row.raw(pair.idColumn)
            guard !type.isEmpty, !id.isEmpty else { continue }
            guard let target = pair.targets[type], let key = understanding.file(object: target)?.keyColumns.first else {
                add("orphan-related", row, field: pair.idColumn, "no \(type) has the id \(id)")
                continue
            }
            if try references.matches(id, object: target, column: key, matchBy: .id, ledger: ledger) == 0 {
                add("orphan-related", row, field: pair.idColumn, "no \(type) has the id \(id)")
            }
        }
    }

    static func orphanKind(_ role: ObjectRole?) -> (String, String) {
        switch role {
        case .companies: ("orphan-company", "company")
        case .contacts: ("orphan-contact", "contact")
        default: ("orphan-related", "record")
        }
    }

    private mutating func checkPhone(_ row: Row, _ header: String?) {
        guard let header else { return }
        let phone = row.raw(header)
        if !phone.isEmpty, !Validity.isPhone(phone) {
            add("invalid-phone", row, field: header, "\"\(phone)\" is not a phone number")
        }
    }

    /// Self-parents, and each cycle of parents once, at its first company in the file.
    private mutating func checkParents(_ parent: [String: String], _ first: [String: Row], column: String?) {
        var reported = Set<String>()
        for row in first.values.sorted(by: { $0.line < $1.line }) {
            let id = row.sourceId
            if parent[id] == id {
                add("parent-self", row, field: column, "\(id) is its own parent")
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
                        add(
                            "parent-cycle", head, field: column,
                            "parent chain loops: \((cycle + [cycle[0]]).joined(separator: " -> "))")
                    }
                    break
                }
                chain.append(next)
                current = next
            }
        }
    }

    private mutating func checkAttachment(_ row: Row, folder: URL?) {
        attachmentBytes += Int64(row.value("Size") ?? "") ?? 0
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
}
