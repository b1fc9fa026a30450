import AllegoryExport

/// Finds type + id column pairs (`Related Type` + `Related ID`, `related_to_type` + `related_to_id`, Salesforce's
/// `WhatId` with its type): the ids of the rows of each type value are one file's keys. Decided on the first rows
/// of the file, where both values sit side by side.
enum PolymorphicFinder {
    static func find(_ survey: FileSurvey, object: String, keys: [String], targets: [ReferenceTarget])
        -> [PolymorphicReference]
    {
        let idTargets = targets.filter { $0.matchBy == .id }
        var result: [PolymorphicReference] = []
        var usedIds = Set<Int>()
        // Type columns hold a few values, each repeated; headers that say "type" are tried first.
        let typeColumns = survey.header.enumerated().filter { _, name in
            guard let column = survey.column(name), column.nonEmpty > 0, column.sample.count <= 25, !keys.contains(name)
            else {
                return false
            }
            return column.nonEmpty >= 2 * column.sample.count
        }.sorted { isTypeHeader($0.element) && !isTypeHeader($1.element) }
        for (typeIndex, typeName) in typeColumns {
            for (idIndex, idName) in survey.header.enumerated()
            where idIndex != typeIndex && !usedIds.contains(idIndex) && !keys.contains(idName) {
                var groups: [String: Set<String>] = [:]
                var rowsWithBoth = 0
                for row in survey.rows {
                    let type = row[typeIndex].trimmingWhitespace
                    let id = row[idIndex].trimmingWhitespace
                    guard !type.isEmpty, !id.isEmpty else { continue }
                    rowsWithBoth += 1
                    groups[type, default: []].insert(id)
                }
                guard rowsWithBoth > 0, groups.count >= 1 else { continue }
                var resolved: [String: String] = [:]
                for (type, ids) in groups {
                    let ranked = idTargets.map { target in (target, ids.filter(target.contains).count) }
                        .filter { Double($0.1) >= 0.9 * Double(ids.count) }
                    // One file holds this type's ids; two would leave the type undecided.
                    if ranked.count == 1 { resolved[type] = ranked[0].0.object }
                }
                let distinctTargets = Set(resolved.values)
                let typesNameTargets = resolved.allSatisfy { type, target in
                    RoleDecision.nameRole(type)?.role == idTargets.first { $0.object == target }?.role
                }
                guard resolved.count == groups.count,
                    distinctTargets.count >= 2 || (isTypeHeader(typeName) && typesNameTargets)
                else { continue }
                let pairs = resolved.sorted { $0.key < $1.key }.map { "\($0.key) -> \($0.value)" }.joined(
                    separator: ", ")
                result.append(
                    PolymorphicReference(
                        object: object, file: survey.file.path, typeColumn: typeName, idColumn: idName,
                        targets: resolved,
                        reason: "the ids in \(idName) belong to the file \(typeName) names: \(pairs)"))
                usedIds.insert(idIndex)
                break
            }
        }
        return result
    }

    static func isTypeHeader(_ header: String) -> Bool {
        let words = Set(HeaderWords.split(header).map(HeaderWords.stem))
        return !words.isDisjoint(with: ["type", "module", "object", "kind", "typ", "art", "entity"])
    }
}
