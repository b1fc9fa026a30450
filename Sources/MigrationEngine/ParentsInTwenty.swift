import Ledger

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
