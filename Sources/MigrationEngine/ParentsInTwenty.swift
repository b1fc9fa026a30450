import CanonicalJSON
import FieldMap
import Ledger
import TwentyClient

/// Which records Twenty holds, per object (the twenty-state projection, read once per object), and what a link to a
/// parent it does not hold becomes: the parent was transformed but Twenty refused it, so the record is written
/// without the link and the link is recorded as not written, with the record's file, line and column.
struct ParentsInTwenty {
    let ledger: Ledger
    let mapSha256: String
    private var held: [String: Set<String>] = [:]
    /// Source records standing for records already in the workspace (a collision merged or skipped), read once.
    private var standIns: [String: String]?

    init(ledger: Ledger, mapSha256: String) {
        self.ledger = ledger
        self.mapSha256 = mapSha256
    }

    /// Whether Twenty holds record `id` of `object` (nameSingular), as far as the ledger knows: written by us, or
    /// a record already in the workspace that the source record of `id` stands for (the writer sends the link there).
    mutating func holds(_ id: String, of object: String) throws -> Bool {
        if held[object] == nil { held[object] = try ledger.twentyIds(object: object) }
        if held[object]!.contains(id) { return true }
        if standIns == nil { standIns = try ledger.collisionStandIns() }
        return standIns![id] != nil
    }

    /// `records` of `object` with every link to a record of another object the map writes that Twenty does not hold
    /// left out (the parent was refused), each recorded as a link not written. Sent as it is, the link would make
    /// Twenty refuse the child too (its foreign key names no record), and one refused company would take all its
    /// people with it. Links to `object` itself are checked only with `includingSelf`, for a generation whose
    /// parents were written before it (`SelfLinks.create`); links to objects the map does not write (an owner, a
    /// workspace member) are the transform's to resolve and stay as they are.
    mutating func withoutMissingParents(
        _ records: [PendingWrite], of object: String, in workspace: WorkspaceDescription, map: FieldMap,
        includingSelf: Bool = false
    ) throws -> [PendingWrite] {
        let written = Set(map.objects.filter { $0.disposition != .skip }.map(\.twentyObject))
        let columns: [(column: String, parent: String)] = (workspace.object(object)?.fields ?? []).compactMap {
            guard let relation = $0.relation, relation.kind == .manyToOne,
                includingSelf || relation.targetObject != object,
                written.contains(relation.targetObject), let column = relation.joinColumn
            else { return nil }
            return (column, relation.targetObject)
        }
        guard !columns.isEmpty else { return records }
        var kept: [PendingWrite] = []
        kept.reserveCapacity(records.count)
        for record in records {
            guard case .object(var values) = record.values else {
                kept.append(record)
                continue
            }
            var dropped = false
            for (column, parent) in columns {
                guard let id = values[column]?.stringValue, try !holds(id, of: parent) else { continue }
                try recordRefusedParent(
                    sourceObject: record.sourceObject, sourceId: record.sourceId, column: column, value: id,
                    parentObject: parent, parent: "its \(parent) \(id)")
                values[column] = nil
                dropped = true
            }
            guard dropped else {
                kept.append(record)
                continue
            }
            var stripped = record
            stripped.values = .object(values)
            kept.append(stripped)
        }
        return kept
    }

    /// Records that `sourceId` of `sourceObject` was written without its link in `column` to `parent` (its value
    /// `value`, of source object `parentObject`).
    func recordRefusedParent(
        sourceObject: String, sourceId: String, column: String, value: String, parentObject: String, parent: String
    ) throws {
        let extracted = try ledger.extractedRecord(object: sourceObject, sourceId: sourceId)
        try ledger.append([
            .linkUnresolved(
                LinkUnresolved(
                    object: sourceObject, sourceId: sourceId, file: extracted?.file ?? "", line: extracted?.line ?? 0,
                    column: column, value: value, targetObject: parentObject, code: "missing-parent",
                    message: "\(parent) is not in Twenty (Twenty refused it)", outcome: "written-without-link",
                    mapSha256: mapSha256))
        ])
    }
}
