import AllegoryExport

/// Finds the columns that point at other files' records from their values (inclusion): a column whose non-empty
/// values are (almost) all found among another file's keys, names, emails or domains refers to that file, whatever
/// its header says. The header still matters: a guess the values alone support is kept at low confidence, and
/// short numbers or pick-lists (which are found in any numbered file by chance) need the header's word for it.
struct RelationFinder {
    /// Share of a column's distinct values that must be found for it to be a reference.
    static let minimumCoverage = 0.8

    let targets: [ReferenceTarget]

    struct Candidate {
        let target: ReferenceTarget
        let distinct: Int
        let matched: Int
        let ambiguous: Int
        let headerAgrees: Bool
        var coverage: Double { distinct == 0 ? 0 : Double(matched) / Double(distinct) }
    }

    /// The reference a column makes, if any.
    func relation(
        object: String, file: String, role: ObjectRole, column: ColumnSurvey, excluding ownColumns: Set<String>
    ) -> Relation? {
        let kind = column.kind
        guard column.nonEmpty > 0, ["text", "integer", "picklist", "email", "url"].contains(kind),
            !column.sample.keys.contains(where: { $0.contains(";") })
        else { return nil }
        var candidates: [Candidate] = []
        for target in targets {
            if target.object == object, ownColumns.contains(column.name) || target.column == column.name { continue }
            var matched = 0
            var ambiguous = 0
            for value in column.sample.keys where target.contains(value) {
                matched += 1
                if target.isAmbiguous(value) { ambiguous += 1 }
            }
            guard matched > 0 else { continue }
            candidates.append(
                Candidate(
                    target: target, distinct: column.sample.count, matched: matched, ambiguous: ambiguous,
                    headerAgrees: Self.headerAgrees(column.name, target: target, sourceRole: role, sourceObject: object)
                ))
        }
        // Values that match several records each say little about which (every LinkedIn URL shares one domain).
        let plausible = candidates.filter {
            $0.coverage >= Self.minimumCoverage && $0.ambiguous * 2 <= $0.matched
                && (Self.needsNoHeader(column, kind) || $0.headerAgrees)
        }
        guard
            let best = plausible.max(by: { a, b in
                if a.headerAgrees != b.headerAgrees { return !a.headerAgrees }
                if abs(a.coverage - b.coverage) > 0.001 { return a.coverage < b.coverage }
                return Self.rank(a.target.matchBy) > Self.rank(b.target.matchBy)
            })
        else { return nil }
        // Two files whose keys both hold the values, and no header to choose: not decided from values alone.
        if !best.headerAgrees,
            plausible.contains(where: { $0.target.object != best.target.object && $0.coverage >= best.coverage - 0.05 })
        {
            return nil
        }
        let orphans = best.distinct - best.matched
        let percent = Int((best.coverage * 100).rounded())
        let what: String =
            switch best.target.matchBy {
            case .id: "ids (\(best.target.column))"
            case .name: "names (\(best.target.column))"
            case .email: "emails (\(best.target.column))"
            case .domain: "domains (\(best.target.column))"
            }
        var reason = "\(percent)% of its \(best.distinct) distinct values are \(best.target.file)'s \(what)"
        if orphans > 0 { reason += "; \(orphans) match no record" }
        if best.ambiguous > 0 { reason += "; \(best.ambiguous) match more than one" }
        let confidence: Double
        if best.headerAgrees {
            reason += "; the header agrees"
            confidence = ((0.8 + 0.15 * best.coverage) * 100).rounded() / 100
        } else {
            reason += "; the header does not name \(best.target.object): confirm in the review"
            confidence = 0.55
        }
        return Relation(
            object: object, file: file, column: column.name, targetObject: best.target.object,
            targetFile: best.target.file,
            targetColumn: best.target.column, matchBy: best.target.matchBy, distinctValues: best.distinct,
            matched: best.matched, ambiguous: best.ambiguous, orphans: orphans, headerAgrees: best.headerAgrees,
            confidence: confidence, reason: reason)
    }

    /// Values that cannot be found in another file by chance: not short numbers, not a handful of repeated words.
    static func needsNoHeader(_ column: ColumnSurvey, _ kind: String) -> Bool {
        if kind == "picklist" { return false }
        let values = column.sample.keys
        let shortNumbers = values.filter { $0.utf8.count <= 5 && $0.allSatisfy(\.isNumber) }.count
        return shortNumbers * 2 < values.count && values.count >= 2
    }

    static func rank(_ matchBy: MatchBy) -> Int {
        switch matchBy {
        case .id: 0
        case .email: 1
        case .domain: 2
        case .name: 3
        }
    }

    static let ownerWords: Set<String> = [
        "owner", "assigned", "assignee", "user", "salesperson", "rep", "author", "creator", "manager", "createdby",
        "verantwortlich", "besitzer", "betreuer", "bearbeiter", "autor", "verfasser", "responsable", "propietario",
        "proprietaire", "agent", "member",
    ]
    static let parentWords: Set<String> = [
        "parent", "mutter", "muttergesellschaft", "konzernmutter", "mere", "holding", "ultimate",
    ]

    /// Whether the header names the target: its object's words (`Company`, `Account`, `Employer`), its file's, an
    /// owner word for users, a parent word for the file itself.
    static func headerAgrees(_ header: String, target: ReferenceTarget, sourceRole: ObjectRole, sourceObject: String)
        -> Bool
    {
        let words = Set(HeaderWords.split(header).map(HeaderWords.stem))
        if target.object == sourceObject { return !words.isDisjoint(with: parentWords) }
        if target.role == .users { return !words.isDisjoint(with: ownerWords) }
        var names = Set(HeaderWords.split(target.object).map(HeaderWords.stem))
        names.formUnion(
            ObjectVocabulary.nameStems(target.role))
        if target.role == .contacts {
            names.formUnion(["contact", "person", "lead", "kontakt", "ansprechpartner", "member"])
        }
        if !words.isDisjoint(with: names) { return true }
        // The header is the standard reference column of this pair (`Company ID` in contacts).
        if let standard = ObjectVocabulary.referenceColumn(from: sourceRole, to: target.role),
            ColumnMeaning.headerMatches([header], role: sourceRole).first??.standard == standard
        {
            return true
        }
        return false
    }

    /// The reference a header declares (`Company ID`, `Owner Email`) when the values did not make it one: too many
    /// of them match nothing. It is still a reference, and its values that match nothing are orphans to report,
    /// not a reason to forget the link.
    func declared(
        object: String, file: String, role: ObjectRole, column: ColumnSurvey, targetRole: ObjectRole,
        roles: [String: ObjectRole]
    ) -> Relation? {
        let candidates = targets.filter { target in
            roles[target.object] == targetRole && (targetRole == .users ? target.matchBy != .id : target.matchBy == .id)
                && !(target.object == object && target.column == column.name)
        }
        let scored = candidates.map { target in
            (target, column.sample.keys.filter(target.contains).count)
        }
        guard let (target, matched) = scored.max(by: { $0.1 < $1.1 }), column.sample.count > 0 else { return nil }
        let distinct = column.sample.count
        let ambiguous = column.sample.keys.filter { target.contains($0) && target.isAmbiguous($0) }.count
        let percent = Int((Double(matched) / Double(distinct) * 100).rounded())
        return Relation(
            object: object, file: file, column: column.name, targetObject: target.object, targetFile: target.file,
            targetColumn: target.column, matchBy: target.matchBy, distinctValues: distinct, matched: matched,
            ambiguous: ambiguous, orphans: distinct - matched, headerAgrees: true, confidence: 0.6,
            reason:
                "the header names \(target.object), but only \(percent)% of its \(distinct) distinct values are \(target.file)'s \(target.column): the rest are orphans"
        )
    }
}
