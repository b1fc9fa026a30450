import AllegoryExport
import CanonicalJSON
import Foundation

/// Understands an export: reads every file once, decides each file's role, key and label columns and each
/// column's meaning, then finds the relations between files from the values. Pure: it reads the export and
/// returns what it decided, with reasons; the snapshot records it in the ledger.
public struct Understander {
    public let layout: ExportLayout
    /// The understanding of the previous snapshot: its key columns are kept, so records keep their identities.
    public let previous: ExportUnderstanding?

    public init(layout: ExportLayout, previous: ExportUnderstanding? = nil) {
        self.layout = layout
        self.previous = previous
    }

    public func understand() throws -> ExportUnderstanding { try understandWithRepeatedKeys().understanding }

    /// The understanding, and per file the key values more than one record holds: the snapshot tells those
    /// records apart by their content rather than their order, so a reordered export keeps every identity.
    public func understandWithRepeatedKeys() throws -> (
        understanding: ExportUnderstanding, repeatedKeys: [String: RepeatedKeys]
    ) {
        var surveys: [FileSurvey] = []
        for file in layout.files { surveys.append(try FileSurvey.read(file, in: layout)) }

        struct Decided {
            var role: RoleDecision
            var meanings: [ColumnMeaning.HeaderMatch?]
            var key: KeyDecision
            var label: String?
        }
        var decided: [Decided] = []
        for survey in surveys {
            let file = survey.file
            let role = RoleDecision.decide(survey, declared: file.object)
            // A column of salutations under a `Title` header is not a job title: it does not claim the meaning, so
            // `Job Role` beside it can.
            let header = survey.header.enumerated().map { index, name in
                role.role == .contacts && Self.salutations(survey.columns[index]) ? "" : name
            }
            let meanings = ColumnMeaning.headerMatches(header, role: role.role)
            let previousKey = previous?.file(path: file.path)
            let key = KeyDecision.decide(
                survey, role: role.role, meanings: meanings, previous: previousKey,
                declared: file.keyColumns)
            let label = LabelDecision.decide(survey, role: role.role, meanings: meanings, keys: key.columns)
            decided.append(Decided(role: role, meanings: meanings, key: key, label: label))
        }

        let targetRoles: Set<ObjectRole> = [
            .companies, .contacts, .deals, .users, .custom, .tasks, .notes, .activities, .attachments,
        ]
        var targets: [ReferenceTarget] = []
        for (survey, decision) in zip(surveys, decided) where targetRoles.contains(decision.role.role) {
            targets += ReferenceTarget.targets(
                of: survey, object: survey.file.object, role: decision.role.role, key: decision.key,
                label: decision.label)
        }
        let finder = RelationFinder(targets: targets)
        let roles = Dictionary(
            zip(surveys.map(\.file.object), decided.map(\.role.role)), uniquingKeysWith: { first, _ in first })
        var relations: [Relation] = []
        var polymorphic: [PolymorphicReference] = []
        for (index, survey) in surveys.enumerated() {
            let decision = decided[index]
            guard ![.customFields, .workflows, .stages].contains(decision.role.role) else { continue }
            let object = survey.file.object
            let pairs = PolymorphicFinder.find(survey, object: object, keys: decision.key.columns, targets: targets)
            polymorphic += pairs
            let pairColumns = Set(pairs.flatMap { [$0.typeColumn, $0.idColumn] })
            // A link file's key columns are its references; elsewhere the key and the label name the record itself.
            var own = Set(decision.key.kind == .pair ? [] : decision.key.columns)
            if let label = decision.label { own.insert(label) }
            var found: [Relation] = []
            for (columnIndex, column) in survey.columns.enumerated()
            where !own.contains(column.name) && !pairColumns.contains(column.name) {
                if let relation = finder.relation(
                    object: object, file: survey.file.path, role: decision.role.role, column: column, excluding: own)
                {
                    found.append(relation)
                } else if let standard = decision.meanings[columnIndex]?.standard,
                    let targetRole = Self.referenceTarget(of: standard, in: decision.role.role),
                    let relation = finder.declared(
                        object: object, file: survey.file.path, role: decision.role.role, column: column,
                        targetRole: targetRole, roles: roles)
                {
                    found.append(relation)
                }
            }
            // A custom file with no id of its own and two references by id is a many-to-many link between them.
            let idLinks = found.filter { $0.matchBy == .id && !$0.isSelfReference }
            // (A file only named like a standard object, `project_members`, is one too when its columns say so.)
            if decision.role.role == .custom || decision.role.confidence < 0.9, decision.key.kind != .id,
                !survey.file.path.hasPrefix("custom_objects/"),
                Set(idLinks.map(\.targetObject)).count >= 2, survey.header.count - idLinks.count <= 3
            {
                let ends = Array(idLinks.prefix(2))
                decided[index].role = RoleDecision(
                    role: .junction, confidence: 0.75,
                    reasons: [
                        "no id of its own, and its columns \(ends.map(\.column).joined(separator: " and ")) hold ids of \(ends.map(\.targetObject).joined(separator: " and ")): a many-to-many link"
                    ])
                decided[index].key = KeyDecision(
                    columns: ends.map(\.column), kind: .pair, reason: "a link is identified by the records it joins")
            }
            relations += found
        }

        var files: [FileUnderstanding] = []
        for (survey, decision) in zip(surveys, decided) {
            let columns = survey.columns.enumerated().map { index, column in
                understand(
                    column, match: decision.meanings[index], role: decision.role.role, object: survey.file.object,
                    label: decision.label, key: decision.key, relations: relations, polymorphic: polymorphic,
                    roles: roles)
            }
            files.append(
                FileUnderstanding(
                    path: survey.file.path, object: survey.file.object, role: decision.role.role,
                    roleConfidence: decision.role.confidence, roleReasons: decision.role.reasons,
                    keyColumns: decision.key.columns,
                    keyKind: decision.key.kind, keyReason: decision.key.reason, labelColumn: decision.label,
                    records: survey.records, columns: Self.claimingStandardsOnce(columns)))
        }
        let (date, source) = exportDate(surveys, files: files)
        var repeated: [String: RepeatedKeys] = [:]
        for (survey, decision) in zip(surveys, decided) where decision.key.columns.count == 1 {
            guard let column = survey.column(decision.key.columns[0]) else { continue }
            let set = decision.key.kind == .natural ? column.folded : column.exact
            if let set, !set.repeated.isEmpty {
                repeated[survey.file.path] = RepeatedKeys(hashes: set.repeated, folded: decision.key.kind == .natural)
            }
        }
        let understanding = ExportUnderstanding(
            files: files, relations: relations, polymorphic: polymorphic, exportDate: date, exportDateSource: source)
        return (understanding, repeated)
    }

    /// The role a standard reference column of a file of `role` points at (`Company ID` of a contact: companies).
    static func referenceTarget(of standard: String, in role: ObjectRole) -> ObjectRole? {
        switch standard {
        case "Company ID" where role == .contacts || role == .deals: .companies
        case "Parent Company ID" where role == .companies: .companies
        case "Primary Contact ID" where role == .deals: .contacts
        case "Owner Email", "Assignee Email", "Author Email": .users
        default: nil
        }
    }

    private func understand(
        _ column: ColumnSurvey, match: ColumnMeaning.HeaderMatch?, role: ObjectRole, object: String, label: String?,
        key: KeyDecision,
        relations: [Relation], polymorphic: [PolymorphicReference], roles: [String: ObjectRole]
    ) -> ColumnUnderstanding {
        let profile = column.profile ?? column.profiler.profile()
        let (kind, format) = ColumnMeaning.kind(profile.type)
        var reasons = [profile.reason]
        var standard: String?
        var evidence: ColumnUnderstanding.Evidence?
        var confidence = 0.5
        if let match {
            standard = match.standard
            let fits = ColumnMeaning.expectedKinds(match.standard).map { $0.contains(kind) || kind == "empty" } ?? true
            evidence = fits ? .both : .header
            confidence = fits ? (match.exact ? 0.95 : 0.9) : 0.55
            reasons.append(
                match.exact
                    ? "the header is the standard column \(match.standard)"
                    : "the header is another name of \(match.standard)")
            if !fits { reasons.append("but its values are \(kind), not what \(match.standard) holds: confirm") }
        }
        if let relation = relations.first(where: { $0.object == object && $0.column == column.name }) {
            reasons.append(relation.reason)
            if standard == nil || standard == "Name" {
                standard = roles[relation.targetObject].flatMap { ObjectVocabulary.referenceColumn(from: role, to: $0) }
                evidence = relation.headerAgrees ? .both : .values
                confidence = relation.confidence
            } else {
                evidence = .both
                confidence = max(confidence, relation.confidence)
            }
        }
        for pair in polymorphic where pair.object == object {
            if pair.typeColumn == column.name {
                standard = standard ?? (role == .attachments ? "Parent Type" : "Related Type")
                evidence = .both
                reasons.append(pair.reason)
            } else if pair.idColumn == column.name {
                standard = standard ?? (role == .attachments ? "Parent ID" : "Related ID")
                evidence = .both
                reasons.append(pair.reason)
            }
        }
        // A column of salutations (`Mr`, `Dr`, `Frau`) is not a job title, whatever its header says.
        if standard == "Job Title", Self.salutations(column) {
            standard = nil
            evidence = nil
            reasons.append("its values are salutations (Mr, Ms, Dr), not job titles")
        }
        if standard == nil, key.kind == .id, key.columns == [column.name],
            let name = ObjectVocabulary.of(role)?.keyColumn
        {
            standard = name
            evidence = .both
            confidence = 0.9
            reasons.append(key.reason)
        }
        if standard == nil, column.name == label, let name = ObjectVocabulary.of(role)?.labelColumns.first,
            role != .contacts
        {
            standard = name
            evidence = .values
            confidence = 0.55
            reasons.append("its distinct text values name the records: the \(name) column; the header does not say so")
        }
        return ColumnUnderstanding(
            name: column.name, kind: kind, format: format, standard: standard, evidence: evidence,
            confidence: standard == nil ? profile.confidence : confidence, reasons: reasons,
            distinctShare: column.distinctShare ?? 0, nonEmpty: column.nonEmpty)
    }

    static let salutationWords: Set<String> = [
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "herr", "frau", "m", "mme", "mlle", "sr", "sra", "srta",
    ]

    static let longestSalutation = salutationWords.map(\.utf8.count).max() ?? 0

    /// Whether (almost) every value is a salutation.
    static func salutations(_ column: ColumnSurvey) -> Bool {
        let values = column.sample
        guard !values.isEmpty else { return false }
        let matching = values.filter { isSalutation($0.key) }
        return matching.values.reduce(0, +) * 10 >= values.values.reduce(0, +) * 9
    }

    /// Whether `value`, lower-cased and without dots and spaces at its ends, is a salutation. ASCII text (nearly
    /// every value) is read byte by byte: Foundation's trimming cost a tenth of a small export's understanding.
    static func isSalutation(_ value: String) -> Bool {
        let bytes = value.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return isSalutationByCharacters(value) }
        let trimmable: (UInt8) -> Bool = { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: " ") }
        guard let first = bytes.firstIndex(where: { !trimmable($0) }),
            let last = bytes.lastIndex(where: { !trimmable($0) })
        else { return salutationWords.contains("") }
        let word = bytes[first...last]
        // A value longer than the longest word is refused without making a string.
        guard word.count <= longestSalutation else { return false }
        return salutationWords.contains(
            String(decoding: word.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self))
    }

    static func isSalutationByCharacters(_ value: String) -> Bool {
        salutationWords.contains(value.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ". ")))
    }

    /// A standard column claimed by two columns keeps the surer one; the other becomes custom.
    static func claimingStandardsOnce(_ columns: [ColumnUnderstanding]) -> [ColumnUnderstanding] {
        var result = columns
        var best: [String: Int] = [:]
        for (index, column) in columns.enumerated() {
            guard let standard = column.standard else { continue }
            if let other = best[standard] {
                if column.confidence > columns[other].confidence {
                    result[other].standard = nil
                    result[other].evidence = nil
                    best[standard] = index
                } else {
                    result[index].standard = nil
                    result[index].evidence = nil
                }
            } else {
                best[standard] = index
            }
        }
        return result
    }

    /// The export's own date: the manifest's, else the newest ISO timestamp of something that already happened.
    private func exportDate(_ surveys: [FileSurvey], files: [FileUnderstanding]) -> (String?, String?) {
        var unreadable: String?
        if let manifest = layout.manifestPath {
            do {
                let data = try layout.source.contents(of: manifest)
                let json = try JSONValue(parsing: data)
                if let exported = json["exportedAt"]?.stringValue, exported.count >= 10 {
                    return (String(exported.prefix(10)), "manifest.json exportedAt")
                }
                unreadable = "manifest.json has no exportedAt"
            } catch {
                unreadable = "manifest.json could not be read (\(error))"
            }
        }
        var newest: (String, String)?
        // Only timestamps of what already happened: a close or due date may lie after the export.
        let past: Set<String> = ["Created", "Modified", "Last Activity", "Occurred At", "Uploaded At", "Completed At"]
        for (survey, file) in zip(surveys, files) {
            for column in survey.columns where file.column(column.name)?.standard.map(past.contains) ?? false {
                guard let day = column.newestDay, String(day) > (newest?.0 ?? "") else { continue }
                newest = (String(day), "\(survey.file.path) \(column.name)")
            }
        }
        let note = unreadable.map { "; \($0)" } ?? ""
        return newest.map { ($0.0, "the newest date in the export (\($0.1))\(note)") } ?? (nil, unreadable)
    }
}
