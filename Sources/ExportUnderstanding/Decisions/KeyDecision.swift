import AllegoryExport

/// Which column identifies a file's records. An id column when there is one; else a natural key people already
/// use (a unique email, domain or name); a line number only when nothing is unique, because a line is not an
/// identity: the next export moves the rows, and every record would look changed.
struct KeyDecision {
    /// An id column may repeat a few values (duplicated records are findings, not a reason to lose the key).
    static let idUniqueness = 0.9
    /// A natural key must be unique but for a stray duplicate.
    static let naturalUniqueness = 0.98

    let columns: [String]
    let kind: KeyKind
    let reason: String

    /// - Parameters:
    ///   - previous: the key an earlier snapshot used for this file: kept while its columns exist, so identities stay.
    ///   - declared: the key the export's layout names for the file (`Company ID`, a schema's key, a link's pair).
    static func decide(
        _ survey: FileSurvey, role: ObjectRole, meanings: [ColumnMeaning.HeaderMatch?], previous: FileUnderstanding?,
        declared: [String]
    ) -> KeyDecision {
        let header = survey.header
        if let previous, !previous.keyColumns.isEmpty, previous.keyColumns.allSatisfy(header.contains) {
            return KeyDecision(
                columns: previous.keyColumns, kind: previous.keyKind,
                reason:
                    "\(previous.keyColumns.joined(separator: " + ")), the key of the earlier snapshots, kept so identities stay"
            )
        }
        let declaredHeaders = declared.compactMap { HeaderName.find([$0], in: header).map { header[$0] } }
        if !declared.isEmpty, declaredHeaders.count == declared.count {
            if declared.count > 1 {
                return KeyDecision(
                    columns: declaredHeaders, kind: role == .junction ? .pair : .id,
                    reason:
                        "the export's layout identifies these records by \(declaredHeaders.joined(separator: " + "))")
            }
            // The layout names it as the id column: repeated ids are defects to report, not a reason to lose the key.
            return KeyDecision(
                columns: declaredHeaders, kind: .id, reason: "\(declaredHeaders[0]) is the layout's id column")
        }
        let standardKey = ObjectVocabulary.of(role)?.keyColumn
        var candidates: [(index: Int, score: Int, reason: String)] = []
        for (index, name) in header.enumerated() {
            guard let column = survey.column(name), let share = column.distinctShare, share >= idUniqueness,
                column.nonEmpty * 100 >= survey.records * 95,
                ["text", "integer", "picklist"].contains(column.kind)
            else { continue }
            let normalized = HeaderName.normalize(ColumnMeaning.strippingObjectPrefix(name, role: role))
            let standard = meanings[index]?.standard
            if let standardKey, standard == standardKey {
                candidates.append((index, 100, "\(name) is the \(standardKey) column and its values are distinct"))
            } else if isIdHeader(normalized), !namesAnotherObject(name, own: role) {
                candidates.append((index, 80 - index, "\(name) is named like an id and its values are distinct"))
            } else if index == 0, share >= 0.999, idShaped(column) {
                candidates.append((index, 60, "\(name), the first column, holds distinct id-shaped values"))
            }
        }
        if let best = candidates.max(by: { $0.score != $1.score ? $0.score < $1.score : $0.index > $1.index }) {
            return KeyDecision(columns: [header[best.index]], kind: .id, reason: best.reason)
        }
        // No id: a natural key, most trusted first.
        let natural: [(String, (ColumnSurvey) -> Bool)] = [
            ("email", { $0.kind == "email" }),
            ("web domain", { $0.kind == "url" }),
            ("name", { ["text", "picklist"].contains($0.kind) }),
        ]
        for (what, fits) in natural {
            for name in header {
                guard let column = survey.column(name), column.nonEmpty > 0,
                    column.nonEmpty * 100 >= survey.records * 98,
                    let share = column.distinctShare, share >= naturalUniqueness, fits(column)
                else { continue }
                return KeyDecision(
                    columns: [name], kind: .natural,
                    reason:
                        "no id column: \(name) is a \(what) unique to each record, so it identifies them from one export to the next"
                )
            }
        }
        return KeyDecision(
            columns: [], kind: .line,
            reason:
                "no column is unique to each record: records are told apart by their line, which a reordered export changes"
        )
    }

    /// `id`, `Record ID`, `Ref`, `Account Number`, `Kundennummer`, `uuid`, `external_id`.
    static func isIdHeader(_ normalized: String) -> Bool {
        let exact: Set<String> = [
            "id", "ref", "reference", "uuid", "guid", "key", "code", "nr", "no", "number", "recordno", "recordnumber",
            "nummer",
        ]
        if exact.contains(normalized) { return true }
        return ["id", "ref", "uuid", "guid", "number", "nummer", "nr", "no", "code", "key"].contains {
            normalized.hasSuffix($0)
        }
            && normalized.count <= 24
    }

    /// Whether a header names an object other than the file's own (`Company ID` in a file of contacts).
    static func namesAnotherObject(_ header: String, own: ObjectRole) -> Bool {
        let words = Set(HeaderWords.split(header).map(HeaderWords.stem))
        for vocabulary in ObjectVocabulary.all where vocabulary.role != own {
            if !ObjectVocabulary.nameStems(vocabulary.role).isDisjoint(with: words) { return true }
        }
        return ["parent", "owner", "related", "regarding"].contains(where: words.contains)
    }

    /// Letters and digits with no spaces, or a UUID, or short upper-case codes (`NCA`, `BHO`): how ids look.
    static func idShaped(_ column: ColumnSurvey) -> Bool {
        let values = column.sample.keys.prefix(200)
        guard !values.isEmpty else { return false }
        let shaped = values.filter { value in
            guard !value.contains(" "), value.utf8.count <= 40 else { return false }
            if value.contains(where: \.isNumber) { return true }
            return value.utf8.count <= 8 && value.allSatisfy { $0.isUppercase || $0.isNumber || $0 == "-" || $0 == "_" }
        }
        return shaped.count * 10 >= values.count * 9
    }
}
