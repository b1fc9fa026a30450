import CanonicalJSON
import FieldMap
import Ledger
import TwentyClient

/// The relation check of sampled tasks and notes: the parents their taskTarget / noteTarget records point at, read
/// back from Twenty, against the records the source's polymorphic type + id columns name. One row per record that
/// has a link on either side.
struct TargetComparison {
    let client: TwentyClient
    let ledger: Ledger
    let workspace: WorkspaceDescription
    let map: FieldMap

    func rows(_ records: [PendingWrite], object: ObjectMap, name: String) async throws -> [SampleDiffRow] {
        guard let linkObject = TargetLinks.linkObject(for: name),
            let target = WriteTarget(sourceObject: "\(object.source)#targets", object: linkObject, in: workspace)
        else { return [] }
        let joins = (workspace.object(linkObject)?.fields ?? []).compactMap { field -> (String, String)? in
            guard let relation = field.relation, relation.kind == .manyToOne, let join = relation.joinColumn else {
                return nil
            }
            return (join, relation.targetObject)
        }
        guard let ownerJoin = joins.first(where: { $0.1 == name })?.0 else { return [] }
        let parentJoins = joins.filter { $0.1 != name }.map { $0.0 }
        let written = try ledger.twentyIds(object: name)
        let owners = records.compactMap(\.twentyId).filter(written.contains)
        var held: [String: Set<String>] = [:]
        for link in try await ReadBack(client: client).records(
            whose: ownerJoin, in: owners, of: target, pageSize: workspace.batchMaximum)
        {
            guard let owner = link[ownerJoin]?.stringValue else { continue }
            for join in parentJoins { if let id = link[join]?.stringValue { held[owner, default: []].insert(id) } }
        }
        let column = object.fields.first(where: \.isPolymorphicParent)?.column ?? ""
        var parentsHeld: [String: Set<String>] = [:]
        var rows: [SampleDiffRow] = []
        for record in records {
            guard let id = record.twentyId, written.contains(id) else { continue }
            let expected = record.targets.filter { map.object(source: $0.object)?.target != nil }
            let heldIds = held[id] ?? []
            guard !expected.isEmpty || !heldIds.isEmpty else { continue }
            var missing: [String] = []
            for parent in expected {
                let parentObject = map.object(source: parent.object)?.target ?? parent.object
                if parentsHeld[parentObject] == nil {
                    parentsHeld[parentObject] = try ledger.twentyIds(object: parentObject)
                }
                if parentsHeld[parentObject]?.contains(parent.twentyId) != true {
                    missing.append("\(parent.object) \(parent.sourceId)")
                }
            }
            let expectedIds = Set(expected.map(\.twentyId))
            rows.append(
                SampleDiffRow(
                    object: object.source, sourceId: record.sourceId, column: column, field: target.plural,
                    check: .target,
                    source: expected.map { "\($0.object) \($0.sourceId)" }.sorted().joined(separator: "; "),
                    sent: expectedIds.sorted().joined(separator: "; "),
                    held: heldIds.sorted().joined(separator: "; "), agrees: expectedIds == heldIds && missing.isEmpty,
                    note: missing.isEmpty ? "" : "not in Twenty: \(missing.sorted().joined(separator: ", "))"))
        }
        return rows
    }
}
