import ExportGenerator
import FieldMap

/// The answer key of the bench: where every column of the generator's contacts, companies and deals belongs in
/// Twenty's standard objects (nil: deliberately not migrated). Custom columns (`Lead Source`, `Tier`) land in new
/// fields named after them.
enum ExpectedTargets {
    static let table = ProposalAnswerKey.targets

    struct Score {
        var right = 0
        var total = 0
        /// `contacts.E-mail Address: expected emails.primaryEmail, got ...`, in a stable order.
        var wrong: [String] = []

        var accuracy: Double { total == 0 ? 0 : Double(right) / Double(total) }
    }

    /// How many expected columns the map sends to their expected target; `renamed` gives a column's header in the
    /// variant (`Email` -> `E-mail Address`).
    static func score(_ map: FieldMap, renamed: [String: [String: String]] = [:]) -> Score {
        var score = Score()
        for object in table.keys.sorted() {
            for (column, expected) in table[object, default: [:]].sorted(by: { $0.key < $1.key }) {
                score.total += 1
                let header = renamed[object]?[column] ?? column
                let actual = map.object(source: object)?.fields.first { $0.column == header }
                if let actual, actual.target == expected {
                    score.right += 1
                } else {
                    score.wrong.append(
                        "\(object).\(header): expected \(expected ?? "not migrated"), got \(actual.map { $0.target ?? "not migrated" } ?? "no mapping")"
                    )
                }
            }
        }
        return score
    }
}
