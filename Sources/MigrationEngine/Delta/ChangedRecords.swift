import CanonicalJSON
import FieldMap
import Foundation
import Ledger
import TwentyClient

/// Updates the records of one object whose source changed since the tool wrote them, with only the fields that
/// changed, after a conflict check that reads Twenty back for those records alone, a batch of ids per request.
///
/// Each batch is one `POST /rest/batch/{plural}?upsert=true`: Twenty's upsert matches the sent `id` and updates the
/// fields sent, leaving the others alone (`prepareRecordForUpsertUpdate` spreads the partial record sent, in
/// twentyhq/twenty `common-create-many-query-runner/utils/prepare-record-for-upsert-update.util.ts`), so up to the
/// batch maximum of records change per request instead of one PATCH each. An upsert of an id Twenty no longer holds
/// would create it from the sent fields alone, so a record gone from Twenty (or soft-deleted, which the read-back
/// does not list) is never sent: it is reported instead.
///
/// The decisions (`delta.settled`, each conflict with its three values) are appended with the update's intent in one
/// transaction, the intent carrying the before-image read just now; an intent left in doubt by a crash is sent again
/// by the doubt resolver (setting the same fields twice is setting them once).
struct ChangedRecords {
    let client: TwentyClient
    let ledger: Ledger
    let writer: RecordWriter
    let target: WriteTarget
    let rules: ConflictRules
    let batchMaximum: Int
    /// Called after each update call is answered, before its outcome is recorded (crash drills).
    var afterCall: (Int) throws -> Void = { _ in }

    /// Decides and sends `records`; returns what was done.
    func update(_ records: [PendingUpdate], calls: inout Int) async throws -> ChangedCounts {
        var counts = ChangedCounts()
        let standIns = try writer.loadedStandIns()
        var start = 0
        while start < records.count {
            let slice = Array(records[start..<min(start + batchMaximum, records.count)])
            start += slice.count
            let held = try await ReadBack(client: client).records(
                slice.compactMap(\.record.twentyId), in: target, pageSize: batchMaximum)
            var settled: [LedgerEvent] = []
            var items: [WriteItem] = []
            for update in slice {
                let record = standIns.isEmpty ? update.record : RecordWriter.relinked(update.record, to: standIns)
                let twentyId = record.twentyId ?? ""
                guard let current = held[twentyId] else {
                    settled.append(
                        .deltaSettled(
                            DeltaSettled(
                                object: target.object, sourceObject: target.sourceObject, sourceId: record.sourceId,
                                twentyId: twentyId, sent: [], conflicts: [], goneFromTwenty: true)))
                    counts.goneFromTwenty.append(GoneRecord(sourceId: record.sourceId, twentyId: twentyId))
                    continue
                }
                let change = RecordChange.decide(
                    written: update.written, now: record.values, held: current, rule: rules.resolution)
                settled.append(
                    .deltaSettled(
                        DeltaSettled(
                            object: target.object, sourceObject: target.sourceObject, sourceId: record.sourceId,
                            twentyId: twentyId, sent: change.sent.keys.sorted(), conflicts: change.conflicts)))
                if !change.conflicts.isEmpty {
                    counts.conflicts.append(
                        RecordConflicts(
                            object: target.object, sourceObject: target.sourceObject, sourceId: record.sourceId,
                            twentyId: twentyId, fields: change.conflicts))
                }
                if change.sent.isEmpty {
                    counts.unchanged += 1
                } else {
                    items.append(
                        WriteItem(
                            sourceId: record.sourceId, twentyId: twentyId, values: .object(change.sent),
                            before: .object(change.before)))
                }
            }
            counts.add(try await send(items, settled: settled, calls: &calls))
        }
        return counts
    }

    /// One batch: the decisions and the intent, the call, the outcomes; a refused batch is split until the record
    /// Twenty refuses stands alone.
    private func send(_ items: [WriteItem], settled: [LedgerEvent], calls: inout Int) async throws -> ChangedCounts {
        guard !items.isEmpty else {
            if !settled.isEmpty { try ledger.append(settled) }
            return ChangedCounts()
        }
        calls += 1
        let batchId = "\(ledger.runId)-\(target.sourceObject)-update-\(calls)"
        try ledger.append(
            settled + [
                .writeRequested(
                    WriteRequested(
                        batchId: batchId, op: .update, object: target.object, sourceObject: target.sourceObject,
                        upsert: true, merge: true, items: items))
            ])
        let body = JSONValue.array(
            items.map { item in
                var values = item.values?.objectValue ?? [:]
                values["id"] = .string(item.twentyId)
                return .object(values)
            })
        do {
            _ = try await client.send(
                "POST", TwentyPath.make("rest/batch/\(target.plural)", query: [(name: "upsert", value: "true")]),
                body: body)
        } catch let error as TwentyError where [.badRequest, .unknownField, .duplicate].contains(error.kind) {
            try ledger.append([
                .writeFailed(
                    WriteFailed(
                        batchId: batchId, object: target.object, sourceObject: target.sourceObject,
                        sourceIds: items.compactMap(\.sourceId), status: error.status,
                        error: "updating \(target.object) was refused: \(error.summary)", retryable: items.count > 1))
            ])
            guard items.count > 1 else {
                return ChangedCounts(refused: 1, reasons: [error.summary: 1])
            }
            let middle = items.count / 2
            var counts = try await send(Array(items[..<middle]), settled: [], calls: &calls)
            counts.add(try await send(Array(items[middle...]), settled: [], calls: &calls))
            return counts
        }
        try afterCall(calls)
        try ledger.append(
            items.map { item in
                .recordUpdated(
                    RecordUpdated(
                        batchId: batchId, object: target.object, sourceObject: target.sourceObject,
                        sourceId: item.sourceId, twentyId: item.twentyId, values: item.values ?? .object([:]),
                        before: item.before ?? .object([:])))
            })
        return ChangedCounts(updated: items.count)
    }
}

/// One changed record's conflicts with edits made in Twenty.
public struct RecordConflicts: Sendable, Equatable {
    public var object: String
    public var sourceObject: String
    public var sourceId: String
    public var twentyId: String
    public var fields: [FieldConflict]
}

/// What updating changed records did.
public struct ChangedCounts: Sendable, Equatable {
    /// Records updated (each with only its changed fields).
    public var updated = 0
    /// Changed records with nothing to send: every change met an edit Twenty keeps, or no written field changed.
    public var unchanged = 0
    public var refused = 0
    public var reasons: [String: Int] = [:]
    public var conflicts: [RecordConflicts] = []
    /// Changed records Twenty no longer holds (deleted there since): not re-created.
    public var goneFromTwenty: [GoneRecord] = []

    public init(updated: Int = 0, refused: Int = 0, reasons: [String: Int] = [:]) {
        self.updated = updated
        self.refused = refused
        self.reasons = reasons
    }

    mutating func add(_ other: ChangedCounts) {
        updated += other.updated
        unchanged += other.unchanged
        refused += other.refused
        reasons.merge(other.reasons, uniquingKeysWith: +)
        conflicts += other.conflicts
        goneFromTwenty += other.goneFromTwenty
    }
}
