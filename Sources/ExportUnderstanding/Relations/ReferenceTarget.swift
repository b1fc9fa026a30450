/// A column of one file that other files may name records by: its key, its label, its email or its domain.
struct ReferenceTarget {
    let object: String
    let file: String
    let role: ObjectRole
    let column: String
    let matchBy: MatchBy
    let values: ValueSet

    /// The columns of a surveyed file that can be referred to, with the sets that hold their values.
    static func targets(of survey: FileSurvey, object: String, role: ObjectRole, key: KeyDecision, label: String?)
        -> [ReferenceTarget]
    {
        var result: [ReferenceTarget] = []
        func add(_ column: String, _ matchBy: MatchBy) {
            guard let surveyed = survey.column(column),
                !result.contains(where: { $0.column == column && $0.matchBy == matchBy })
            else { return }
            let set = matchBy == .id ? surveyed.exact : surveyed.folded
            if let set {
                result.append(
                    ReferenceTarget(
                        object: object, file: survey.file.path, role: role, column: column, matchBy: matchBy,
                        values: set))
            }
        }
        if key.columns.count == 1, key.kind == .id { add(key.columns[0], .id) }
        // A natural key is referred to as what it is: a name, an email, a domain.
        if key.columns.count == 1, key.kind == .natural, let column = survey.column(key.columns[0]) {
            switch column.kind {
            case "email": add(key.columns[0], .email)
            case "url": add(key.columns[0], .domain)
            default: add(key.columns[0], .name)
            }
        }
        if let label { add(label, .name) }
        for column in survey.columns {
            switch column.kind {
            case "email" where (column.distinctShare ?? 0) >= 0.8: add(column.name, .email)
            case "url" where (column.distinctShare ?? 0) >= 0.8: add(column.name, .domain)
            default: break
            }
        }
        return result
    }

    func contains(_ value: String) -> Bool {
        values.contains(matchBy == .id ? ValueFolding.exact(value) : ValueFolding.folded(value))
    }

    func isAmbiguous(_ value: String) -> Bool {
        values.isRepeated(matchBy == .id ? ValueFolding.exact(value) : ValueFolding.folded(value))
    }
}
