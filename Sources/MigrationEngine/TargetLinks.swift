import CanonicalJSON
import FieldMap
import Ledger
import RecordTransform
import TwentyClient

/// The links of tasks and notes (activities included) to the records their type + id columns name, written as
/// taskTarget / noteTarget records once both ends exist: after the task or note itself, since a target points at
/// both.
///
/// Each link gets a deterministic id of its own (the task's source object and id and the parent's), so a resumed
/// run recognises the links already written (the twenty-state projection, or a read-back after a lost answer).
struct TargetLinks {
    let ledger: Ledger
    let writer: RecordWriter
    let workspace: WorkspaceDescription
    let map: FieldMap
    let identity: RecordIdentity
    let mapSha256: String

    /// `task` -> `taskTarget`, `note` -> `noteTarget`; nil for objects Twenty keeps no targets for.
    static func linkObject(for object: String) -> String? {
        ["task": "taskTarget", "note": "noteTarget"][object]
    }

    /// Writes the links of `sourceObject`'s written records that Twenty does not hold yet.
    func write(sourceObject: String, object: String) async throws -> WriteCounts {
        guard let linkObject = Self.linkObject(for: object),
            let target = WriteTarget(sourceObject: "\(sourceObject)#targets", object: linkObject, in: workspace),
            let ownerJoin = workspace.object(linkObject)?.fields.first(where: {
                $0.relation?.kind == .manyToOne && $0.relation?.targetObject == object
            })?.relation?.joinColumn
        else { return WriteCounts() }
        let written = try ledger.twentyIds(object: linkObject)
        var parents = ParentsInTwenty(ledger: ledger, mapSha256: mapSha256)
        var links: [PendingWrite] = []
        var unwritten = 0
        let column = map.object(source: sourceObject)?.fields.first(where: \.isPolymorphicParent)?.column ?? ""
        try ledger.forEachWrittenTransform(sourceObject: sourceObject) { record in
            guard let ownerId = record.twentyId else { return }
            for parent in record.targets {
                guard let parentObject = map.object(source: parent.object)?.target else { continue }
                guard try parents.holds(parent.twentyId, of: parentObject) else {
                    try parents.recordRefusedParent(
                        sourceObject: sourceObject, sourceId: record.sourceId, column: column, value: parent.sourceId,
                        parentObject: parent.object, parent: "\(parent.object) \(parent.sourceId)")
                    unwritten += 1
                    continue
                }
                let id = identity.id(
                    object: target.sourceObject, sourceId: "\(record.sourceId)->\(parent.object)/\(parent.sourceId)")
                guard !written.contains(id) else { continue }
                let values: JSONValue = [
                    "id": .string(id), .init(stringLiteral: ownerJoin): .string(ownerId),
                    .init(stringLiteral: workspace.naming.joinColumn(to: parentObject)): .string(parent.twentyId),
                ]
                links.append(
                    PendingWrite(
                        sourceObject: target.sourceObject,
                        sourceId: "\(record.sourceId)->\(parent.object)/\(parent.sourceId)", targetObject: linkObject,
                        values: values, transformedSeq: record.transformedSeq))
            }
        }
        var counts = try await writer.write(links, to: target)
        counts.unwritten += unwritten
        return counts
    }
}
