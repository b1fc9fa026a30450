import AllegoryExport

/// What people call a file's records (a company's name, a deal's title): the column other files use when they
/// refer to a record by name instead of by id.
enum LabelDecision {
    static func decide(_ survey: FileSurvey, role: ObjectRole, meanings: [ColumnMeaning.HeaderMatch?], keys: [String])
        -> String?
    {
        let header = survey.header
        // People are named by a full-name column when there is one; an email already matches them by email.
        if role == .contacts { return header.first { fullNameHeaders.contains(HeaderName.normalize($0)) } }
        for standard in ObjectVocabulary.of(role)?.labelColumns ?? [] {
            if let index = meanings.firstIndex(where: { $0?.standard == standard }) { return header[index] }
        }
        // Else the first text column whose values tell records apart and that is not an id or a reference.
        for name in header where !keys.contains(name) {
            if KeyDecision.isIdHeader(HeaderName.normalize(name)) || KeyDecision.namesAnotherObject(name, own: role) {
                continue
            }
            guard let column = survey.column(name), let share = column.distinctShare, share >= 0.8,
                column.kind == "text"
            else { continue }
            return name
        }
        return nil
    }

    static let fullNameHeaders: Set<String> = [
        "name", "fullname", "contactname", "personname", "displayname", "vollständigername", "nomcomplet",
    ]
}
