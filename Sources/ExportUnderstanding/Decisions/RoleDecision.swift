import AllegoryExport

/// Which kind of record a file holds, decided by its name and by its columns: a file with a stage, an amount and a
/// close date is a pipeline of opportunities whatever it is called, and a file called `accounts` full of person
/// names is not a list of companies.
struct RoleDecision {
    let role: ObjectRole
    let confidence: Double
    let reasons: [String]

    static func decide(_ survey: FileSurvey, declared: String) -> RoleDecision {
        let path = survey.file.path
        if path.hasPrefix("relationships/") || declared.contains("__") {
            return RoleDecision(
                role: .junction, confidence: 1, reasons: ["\(path) links two objects' records (a many-to-many file)"])
        }
        if path.hasPrefix("custom_objects/") {
            return RoleDecision(role: .custom, confidence: 1, reasons: ["\(path) holds a custom object's records"])
        }
        let named = nameRole(declared)
        let content = ObjectVocabulary.all.compactMap { vocabulary -> (ObjectVocabulary, Double, [String])? in
            let (score, matched) = contentScore(survey, vocabulary)
            return score > 0 ? (vocabulary, score, matched) : nil
        }.sorted { $0.1 > $1.1 }
        let best = content.first
        if isFieldDictionary(survey.header) {
            return RoleDecision(
                role: .customFields, confidence: 0.9,
                reasons: ["its columns (Object, Field, Type) describe fields: a field dictionary"])
        }
        if let named {
            let own = content.first { $0.0.role == named.role }?.1 ?? 0
            let hasSignature = !(ObjectVocabulary.of(named.role)?.signature.isEmpty ?? true)
            if let best, hasSignature, best.0.role != named.role, best.1 >= 0.5, own < 0.2 {
                return RoleDecision(
                    role: best.0.role, confidence: 0.7,
                    reasons: [
                        "named like \(named.role.rawValue), but its columns (\(best.2.joined(separator: ", "))) are those of \(best.0.role.rawValue)"
                    ])
            }
            let confidence = own >= 0.3 || named.exact ? 0.95 : 0.8
            var reasons = ["the file name \"\(declared)\" says \(named.role.rawValue)"]
            if own > 0, let matched = content.first(where: { $0.0.role == named.role })?.2 {
                reasons.append("and its columns agree (\(matched.joined(separator: ", ")))")
            }
            return RoleDecision(role: named.role, confidence: confidence, reasons: reasons)
        }
        if let best, best.1 >= 0.5 {
            let reason =
                best.0.role == .deals
                ? "a file with \(best.2.joined(separator: ", ")) is a pipeline of opportunities, whatever its name"
                : "its columns (\(best.2.joined(separator: ", "))) are those of \(best.0.role.rawValue)"
            return RoleDecision(
                role: best.0.role, confidence: ((0.55 + 0.3 * best.1) * 100).rounded() / 100, reasons: [reason])
        }
        return RoleDecision(
            role: .custom, confidence: 0.6,
            reasons: [
                "neither the name \"\(declared)\" nor the columns are those of a standard object: a custom object"
            ])
    }

    /// The role a file's name gives, from the vocabulary in several languages; `exact` when the whole name is it.
    static func nameRole(_ name: String) -> (role: ObjectRole, exact: Bool)? {
        let words = HeaderWords.split(name).map(HeaderWords.stem).filter { !$0.allSatisfy(\.isNumber) }
        let whole = HeaderWords.stem(HeaderName.normalize(name))
        let joined = words.joined()
        for vocabulary in ObjectVocabulary.all {
            let names = ObjectVocabulary.nameStems(vocabulary.role)
            if names.contains(whole) || names.contains(joined) || vocabulary.role.rawValue == name.lowercased() {
                return (vocabulary.role, true)
            }
        }
        // `deals_pipeline`, `Accounts_001`, `crm-contacts-2026`: a word of the name.
        for vocabulary in ObjectVocabulary.all {
            let names = ObjectVocabulary.nameStems(vocabulary.role)
            if words.contains(where: names.contains) { return (vocabulary.role, false) }
        }
        return nil
    }

    /// The share of a role's signature columns the file has, by header, and which.
    static func contentScore(_ survey: FileSurvey, _ vocabulary: ObjectVocabulary) -> (Double, [String]) {
        guard !vocabulary.signature.isEmpty else { return (0, []) }
        let matches = ColumnMeaning.headerMatches(survey.header, role: vocabulary.role)
        let found = Set(matches.compactMap { $0?.standard })
        let matched = vocabulary.signature.filter(found.contains)
        var score = Double(matched.count) / Double(vocabulary.signature.count)
        // Users are few and have no business columns; a large file of names and emails is people.
        if vocabulary.role == .users, survey.records > 2_000 { score /= 2 }
        return (score, matched.map { $0.lowercased() })
    }

    static func isFieldDictionary(_ header: [String]) -> Bool {
        let names = Set(header.map(HeaderName.normalize))
        return names.contains("object") && names.contains("field") && names.contains("type")
    }
}
