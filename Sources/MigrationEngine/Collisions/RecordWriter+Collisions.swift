import CanonicalJSON
import FieldMap
import Ledger
import TwentyClient

extension RecordWriter {
    /// The `record.excluded` rule of a source record left out because the workspace already holds it.
    public static let collisionSkipRule = "collision-skip"

    /// Fields that describe our record's creation, not the source's values: a merge leaves the existing record's.
    static let creationOnly: Set<String> = ["id", "createdAt", "updatedAt", "createdBy", "position"]

    /// Applies the policy of `record`'s object to the workspace records it meets. A soft-deleted one, one written
    /// by this migration, or several different ones refuse it whatever the policy: none can be resolved without a
    /// person.
    func settleCollision(_ record: PendingWrite, _ found: [Collision], batchId: String, target: WriteTarget)
        async throws -> WriteCounts
    {
        let first = found[0]
        let what = "\(target.object) \(first.existingId)"
        if let deleted = found.first(where: \.isSoftDeleted) {
            return try refuse(
                record,
                "the workspace holds a soft-deleted \(target.object) \(deleted.existingId) with \(deleted.path) "
                    + "\(deleted.value); it is never restored silently: restore it in Twenty (then onCollision "
                    + "applies) or destroy it for good (then ours is created), and run again",
                batchId: batchId, target: target)
        }
        if found.count > 1 {
            let list = found.map { "\($0.path) \($0.value) (\(target.object) \($0.existingId))" }
            return try refuse(
                record,
                "its unique values are held by different records already in the workspace: "
                    + list.joined(separator: ", ") + "; one record cannot stand for several",
                batchId: batchId, target: target)
        }
        if try ledger.twentyIds(object: target.object).contains(first.existingId) {
            return try refuse(
                record,
                "\(first.path) \(first.value) is already held by \(what), written by this migration for another "
                    + "source record", batchId: batchId, target: target)
        }
        switch collisions.policy(of: target.sourceObject) {
        case .fail:
            return try refuse(
                record,
                "\(first.path) \(first.value) is already held by \(what) in the workspace (onCollision fail; "
                    + "merge or skip in map.yaml would use that record)", batchId: batchId, target: target)
        case .skip:
            try ledger.append([
                .recordExcluded(
                    RecordExcluded(
                        object: target.sourceObject, sourceId: record.sourceId, rule: Self.collisionSkipRule,
                        reason: "\(first.path) \(first.value) is already held by \(what) in the workspace, left "
                            + "as it is (onCollision skip)", twentyId: first.existingId))
            ])
            noteStandIn(record, first.existingId)
            return WriteCounts(skipped: 1)
        case .merge:
            return try await merge(record, into: first, target: target)
        }
    }

    /// Updates the existing record with the fields we would have written, the intent carrying their values as
    /// Twenty held them just before (the before-image rollback restores), committed before the call.
    private func merge(_ record: PendingWrite, into collision: Collision, target: WriteTarget) async throws
        -> WriteCounts
    {
        merges += 1
        let batchId = "\(ledger.runId)-\(target.sourceObject)-merge-\(merges)"
        var values = record.values.objectValue ?? [:]
        for key in Self.creationOnly { values[key] = nil }
        let before = JSONValue.object(
            Dictionary(uniqueKeysWithValues: values.keys.map { ($0, collision.existing[$0] ?? .null) }))
        let item = WriteItem(
            sourceId: record.sourceId, twentyId: collision.existingId, values: .object(values), before: before)
        try ledger.append([
            .writeRequested(
                WriteRequested(
                    batchId: batchId, op: .update, object: target.object, sourceObject: target.sourceObject,
                    merge: true, items: [item]))
        ])
        do {
            _ = try await client.send(
                "PATCH", "rest/\(target.plural)/\(collision.existingId)", body: .object(values),
                context: Self.context(record, target))
        } catch let error as TwentyError
            where [.badRequest, .unknownField, .duplicate, .notFound].contains(error.kind)
        {
            let reason = "merging into \(target.object) \(collision.existingId) was refused: \(error.summary)"
            try ledger.append([
                .writeFailed(
                    WriteFailed(
                        batchId: batchId, object: target.object, sourceObject: target.sourceObject,
                        sourceIds: [record.sourceId], status: error.status, error: reason, retryable: false))
            ])
            return WriteCounts(refused: 1, reasons: [reason: 1])
        }
        try afterMerge(merges)
        try ledger.append([
            .recordUpdated(
                RecordUpdated(
                    batchId: batchId, object: target.object, sourceObject: target.sourceObject,
                    sourceId: record.sourceId, twentyId: collision.existingId, values: .object(values),
                    before: before))
        ])
        noteStandIn(record, collision.existingId)
        return WriteCounts(written: 1, merged: 1)
    }

    /// A refusal for good (`write.failed`, not retryable), with the reason in words.
    private func refuse(_ record: PendingWrite, _ reason: String, batchId: String, target: WriteTarget) throws
        -> WriteCounts
    {
        try ledger.append([
            .writeFailed(
                WriteFailed(
                    batchId: batchId, object: target.object, sourceObject: target.sourceObject,
                    sourceIds: [record.sourceId], status: 400, error: reason, retryable: false))
        ])
        return WriteCounts(refused: 1, reasons: [reason: 1])
    }

    private func noteStandIn(_ record: PendingWrite, _ existingId: String) {
        guard let ours = record.twentyId else { return }
        standIns = (standIns ?? [:]).merging([ours: existingId]) { _, new in new }
    }

    func loadedStandIns() throws -> [String: String] {
        if let standIns { return standIns }
        let loaded = try ledger.collisionStandIns()
        standIns = loaded
        return loaded
    }

    /// `record` with every link to a source record that stands for a workspace record sent to that record instead.
    /// Ids are UUIDs, so any top-level value equal to one of ours is a link to it.
    static func relinked(_ record: PendingWrite, to standIns: [String: String]) -> PendingWrite {
        guard case .object(var values) = record.values else { return record }
        var changed = false
        for (key, value) in values where key != "id" {
            if let id = value.stringValue, let existing = standIns[id] {
                values[key] = .string(existing)
                changed = true
            }
        }
        guard changed else { return record }
        var relinked = record
        relinked.values = .object(values)
        return relinked
    }
}
