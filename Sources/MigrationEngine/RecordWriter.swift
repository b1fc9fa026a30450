import CanonicalJSON
import Foundation
import Ledger
import TwentyClient

/// Creates records in Twenty in batches, each batch an intent committed before the call and its outcome after
/// (invariant 4), with the undo known before the call (a create is undone by destroying the deterministic id it
/// sends, invariant 5).
///
/// Twenty writes a batch in one transaction, so one bad record sinks the batch: a refused batch is split in halves
/// until the records Twenty refuses stand alone, each then recorded as refused with Twenty's reason, and the rest
/// are written. An answer that never came (or a 5xx, which a proxy may send after the server committed) leaves the
/// batch in doubt: it is settled at once by reading the ids back, and the run stops so that it can be resumed.
///
/// A record refused as a duplicate that is not our own earlier write meets a record already in the workspace: it is
/// looked up by its unique values and handled by the map's `onCollision` policy (see RecordWriter+Collisions).
public final class RecordWriter {
    let client: TwentyClient
    let ledger: Ledger
    let readBack: ReadBack
    let batchMaximum: Int
    let collisions: CollisionRules
    private var batches = 0
    var merges = 0
    /// Our id -> the workspace record's id, for source records merged into or skipped for a record already there
    /// (read from the ledger once, then kept up to date as collisions are settled).
    var standIns: [String: String]?
    /// Called after each write call has been answered and before its outcome is recorded (crash drills).
    public var afterCall: (Int) throws -> Void = { _ in }
    /// Called after each merge into a workspace record has been answered and before its outcome is recorded, with
    /// the number of merges so far (crash drills).
    public var afterMerge: (Int) throws -> Void = { _ in }
    /// Called after each batch `write(_:to:)` sends (its splits included) with what that batch did: progress.
    public var afterBatch: (WriteCounts) async -> Void = { _ in }

    public init(client: TwentyClient, ledger: Ledger, batchMaximum: Int, collisions: CollisionRules = .none) {
        self.collisions = collisions
        self.client = client
        self.ledger = ledger
        self.batchMaximum = max(1, batchMaximum)
        readBack = ReadBack(client: client)
    }

    /// Writes `records` of `target` in batches of at most the workspace's maximum.
    public func write(_ records: [PendingWrite], to target: WriteTarget) async throws -> WriteCounts {
        let standIns = try loadedStandIns()
        let records = standIns.isEmpty ? records : records.map { Self.relinked($0, to: standIns) }
        var counts = WriteCounts()
        var start = 0
        while start < records.count {
            let batch = Array(records[start..<min(start + batchMaximum, records.count)])
            start += batch.count
            let written = try await writeBatch(batch, to: target)
            counts.add(written)
            await afterBatch(written)
        }
        return counts
    }

    /// One batch: intent, call, outcome; a refused batch of several records is split.
    func writeBatch(_ batch: [PendingWrite], to target: WriteTarget) async throws -> WriteCounts {
        batches += 1
        let batchId = "\(ledger.runId)-\(target.sourceObject)-\(batches)"
        let items = batch.map { WriteItem(sourceId: $0.sourceId, twentyId: $0.twentyId ?? "", values: $0.values) }
        let intentSeq =
            try ledger.append([
                .writeRequested(
                    WriteRequested(
                        batchId: batchId, op: .create, object: target.object, sourceObject: target.sourceObject,
                        upsert: false, items: items))
            ])?.lowerBound ?? 0
        do {
            let answer = try await client.send(
                "POST", "rest/batch/\(target.plural)", body: .array(batch.map(\.values)),
                context: batch.count == 1 ? Self.context(batch[0], target) : nil)
            try afterCall(batches)
            try recordCreated(batch, batchId: batchId, target: target, dated: Self.updatedAts(in: answer.json))
            return WriteCounts(written: batch.count)
        } catch let error as TwentyError {
            switch error.kind {
            case .network, .serverError, .unreadable:
                // The batch may have been committed: settle it from what Twenty holds, then stop.
                _ = try await settle(batch, batchId: batchId, intentSeq: intentSeq, target: target)
                throw error
            case .duplicate:
                // A create retried after a lost answer meets its own records (their ids are ours): those are done.
                let held = try await settle(batch, batchId: batchId, intentSeq: intentSeq, target: target)
                let rest = batch.filter { !held.contains($0.twentyId ?? "") }
                guard !rest.isEmpty else { return WriteCounts(written: batch.count) }
                // What is left meets records already in the workspace: found by their unique values, each is
                // handled by its policy and the others are written again as one batch.
                let met = try await WorkspaceCollisions(client: client, pageSize: batchMaximum).find(
                    rest, paths: collisions.paths(of: target.object), in: target)
                try failed(
                    rest, batchId: batchId, error: error, target: target, retryable: batch.count > 1 || !met.isEmpty)
                var counts = WriteCounts(written: held.count)
                if !met.isEmpty {
                    for record in rest {
                        guard let found = met[record.sourceId] else { continue }
                        counts.add(try await settleCollision(record, found, batchId: batchId, target: target))
                    }
                    let clean = rest.filter { met[$0.sourceId] == nil }
                    if !clean.isEmpty { counts.add(try await writeBatch(clean, to: target)) }
                } else if batch.count == 1 {
                    counts.add(WriteCounts(refused: 1, reasons: [error.summary: 1]))
                } else {
                    // Ours are out of the way; what is left collides with someone else's record.
                    counts.add(try await (held.isEmpty ? split(rest, target: target) : writeBatch(rest, to: target)))
                }
                return counts
            case .badRequest, .unknownField, .batchTooLarge:
                try failed(batch, batchId: batchId, error: error, target: target, retryable: batch.count > 1)
                return batch.count == 1
                    ? WriteCounts(refused: 1, reasons: [error.summary: 1])
                    : try await split(batch, target: target)
            default:
                // Quota, permission, a missing object, a rate limit that never lifted: nothing a split can change.
                try failed(batch, batchId: batchId, error: error, target: target, retryable: true)
                throw error
            }
        }
    }

    private func split(_ batch: [PendingWrite], target: WriteTarget) async throws -> WriteCounts {
        let middle = batch.count / 2
        var counts = try await writeBatch(Array(batch[..<middle]), to: target)
        counts.add(try await writeBatch(Array(batch[middle...]), to: target))
        return counts
    }

    /// Reads the batch's ids back, records `intent.resolved` and an outcome for each record Twenty holds, and
    /// returns their ids; the others stay pending.
    @discardableResult
    func settle(_ batch: [PendingWrite], batchId: String, intentSeq: Int64, target: WriteTarget) async throws
        -> Set<String>
    {
        let ids = batch.compactMap(\.twentyId)
        let held = try await readBack.heldIds(ids, in: target, pageSize: batchMaximum)
        try ledger.append([
            .intentResolved(
                IntentResolved(
                    kind: .write, intentId: batchId, intentSeq: intentSeq, object: target.object,
                    held: ids.filter(held.contains), absent: ids.filter { !held.contains($0) }))
        ])
        try recordCreated(batch.filter { held.contains($0.twentyId ?? "") }, batchId: batchId, target: target)
        return held
    }

    /// `write.failed`: not retryable only for a record Twenty refused on its own, which then counts as rejected.
    func failed(
        _ records: [PendingWrite], batchId: String, error: TwentyError, target: WriteTarget, retryable: Bool
    ) throws {
        try ledger.append([
            .writeFailed(
                WriteFailed(
                    batchId: batchId, object: target.object, sourceObject: target.sourceObject,
                    sourceIds: records.map(\.sourceId), status: error.status, error: error.summary,
                    retryable: retryable))
        ])
    }

    /// `dated`: the `updatedAt` Twenty answered per id, kept so rollback can tell an untouched record by it.
    private func recordCreated(
        _ records: [PendingWrite], batchId: String, target: WriteTarget, dated: [String: String] = [:]
    ) throws {
        guard !records.isEmpty else { return }
        try ledger.append(
            records.map { record in
                .recordCreated(
                    RecordCreated(
                        batchId: batchId, object: target.object, sourceObject: target.sourceObject,
                        sourceId: record.sourceId, twentyId: record.twentyId ?? "", values: record.values,
                        heldUpdatedAt: dated[record.twentyId ?? ""]))
            })
    }

    /// The `updatedAt` of each record in a batch create's answer (`{"data":{"createCompanies":[...]}}`), by id.
    static func updatedAts(in answer: JSONValue) -> [String: String] {
        var dated: [String: String] = [:]
        for record in AnswerRecords.all(in: answer) {
            guard let id = record["id"]?.stringValue, let at = record["updatedAt"]?.stringValue else { continue }
            dated[id] = at
        }
        return dated
    }

    /// The unique values a duplicate could be about, so Twenty's refusal names them.
    static func context(_ record: PendingWrite, _ target: WriteTarget) -> RequestContext {
        var values: [String: String] = [:]
        if let email = record.values["emails"]?["primaryEmail"]?.stringValue { values["emails.primaryEmail"] = email }
        if let domain = record.values["domainName"]?["primaryLinkUrl"]?.stringValue {
            values["domainName.primaryLinkUrl"] = domain
        }
        values["allegoryId"] = record.sourceId
        return RequestContext(object: target.object, values: values)
    }
}

/// What writing a set of records did.
public struct WriteCounts: Sendable, Equatable {
    public var written = 0
    /// Records Twenty refused for good, by Twenty's reason.
    public var refused = 0
    /// Of the written records, those merged into a record already in the workspace (`onCollision: merge`).
    public var merged = 0
    /// Records left out because the workspace already holds them (`onCollision: skip`), each `record.excluded`.
    public var skipped = 0
    public var reasons: [String: Int] = [:]
    /// Links not attempted because an end is not in Twenty, each recorded as `link.unresolved`.
    public var unwritten = 0

    public init(written: Int = 0, refused: Int = 0, reasons: [String: Int] = [:], merged: Int = 0, skipped: Int = 0) {
        self.merged = merged
        self.skipped = skipped
        self.written = written
        self.refused = refused
        self.reasons = reasons
    }

    public mutating func add(_ other: WriteCounts) {
        written += other.written
        refused += other.refused
        unwritten += other.unwritten
        merged += other.merged
        skipped += other.skipped
        reasons.merge(other.reasons, uniquingKeysWith: +)
    }
}
