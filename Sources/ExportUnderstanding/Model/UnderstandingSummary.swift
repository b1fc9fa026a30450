/// The understanding in words, as the CLI prints it: per file its role, key and label and why, then every relation
/// with how much of it holds. A person reads this before trusting a migration to it.
public enum UnderstandingSummary {
    public static func lines(_ understanding: ExportUnderstanding, columns: Bool = false) -> [String] {
        var lines: [String] = []
        for file in understanding.files {
            let key =
                switch file.keyKind {
                case .line: "no key (records by line)"
                case .pair: "key \(file.keyColumns.joined(separator: " + ")) (a link)"
                case .natural: "natural key \(file.keyColumns.joined(separator: " + "))"
                case .id: "key \(file.keyColumns.joined(separator: " + "))"
                }
            let label = file.labelColumn.map { ", label \($0)" } ?? ""
            lines.append(
                "\(file.path): \(file.role.rawValue) (\(percent(file.roleConfidence))), \(file.records) records, \(key)\(label)"
            )
            lines.append("    why: \(file.roleReasons.joined(separator: "; ")); \(file.keyReason)")
            if columns {
                for column in file.columns {
                    let meaning = column.standard.map { " = \($0) [\(column.evidence?.rawValue ?? "")]" } ?? ""
                    let format = column.format.map { " (\($0))" } ?? ""
                    lines.append("    \(column.name): \(column.kind)\(format)\(meaning)")
                }
            }
        }
        if !understanding.relations.isEmpty {
            lines.append("relations found from the values:")
            for relation in understanding.relations {
                let by = relation.matchBy == .id ? "" : " by \(relation.matchBy.rawValue)"
                lines.append(
                    "    \(relation.object).\(relation.column) -> \(relation.targetObject).\(relation.targetColumn)\(by) (\(percent(relation.confidence))): \(relation.reason)"
                )
            }
        }
        for pair in understanding.polymorphic {
            lines.append("    \(pair.object).\(pair.typeColumn) + \(pair.idColumn) -> \(pair.reason)")
        }
        if let date = understanding.exportDate {
            lines.append("export taken on \(date) (\(understanding.exportDateSource ?? ""))")
        }
        return lines
    }

    static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }
}
