import CanonicalJSON
import Ledger
import TwentyClient

/// Undoes what the project wrote to its workspace by replaying the inverse stream newest first (DESIGN.md,
/// "Inverse stream"): each batch of compensations is an intent before the call and a `rollback.compensated` per
/// mutation after, so an interrupted rollback settles what it left in doubt by reading Twenty back, then resumes.
///
/// Records are read back before they are destroyed or restored: one someone changed in Twenty since the tool
/// wrote it is kept and reported (`rollback.kept`) unless `force`.
public final class WorkspaceRollback {
    let client: TwentyClient
    let ledger: Ledger
    let workspace: WorkspaceDescription
    let readBack: ReadBack
    /// Undo records changed in Twenty since the tool wrote them, too.
    public var force = false
    /// Called after each compensation call has been answered and before its outcome is recorded (crash drills).
    public var afterCall: (Int) throws -> Void = { _ in }
    private var calls = 0
    private var batches = 0
    /// What the tool last wrote per object and id (twenty-state), read once per object and kept in step.
    private var written: [String: [String: JSONValue]] = [:]

    public init(client: TwentyClient, ledger: Ledger, workspace: WorkspaceDescription) {
        self.client = client
        self.ledger = ledger
        self.workspace = workspace
        readBack = ReadBack(client: client)
    }

    /// What rolling back `scope` will do; sends nothing.
    public func plan(_ scope: RollbackScope) throws -> RollbackPlan {
        RollbackPlan(
            scope: scope, stream: try ledger.inverseStream(runId: scope.runId, object: scope.object),
            batchMaximum: workspace.batchMaximum)
    }

    /// Refuses a workspace other than the bound one before anything is sent (invariant 8).
    public func requireBoundWorkspace() throws {
        try ledger.requireBoundWorkspace(
            url: workspace.url, workspaceId: client.connection.apiKey.workspaceIdClaim,
            fingerprint: workspace.fingerprint)
    }

    /// Settles what an interrupted rollback left in doubt, then carries out every compensation of `scope`.
    public func run(_ scope: RollbackScope) async throws -> RollbackSummary {
        try requireBoundWorkspace()
        var summary = RollbackSummary()
        let requestsBefore = client.requestsSent
        summary.settledIntents = try await CompensationDoubt(
            client: client, ledger: ledger, workspace: workspace, readBack: readBack
        ).resolve()
        let plan = try plan(scope)
        try ledger.append([
            .rollbackStarted(
                RollbackStarted(scopeRunId: scope.runId, scopeObject: scope.object, pending: plan.compensations))
        ])
        for batch in plan.batches {
            try await carryOut(batch, into: &summary)
        }
        try ledger.append([
            .rollbackCompleted(
                RollbackCompleted(compensated: summary.compensated, failed: summary.failed, kept: summary.kept.count))
        ])
        summary.requests = client.requestsSent - requestsBefore
        return summary
    }

    /// One batch: records created by the tool and untouched since are destroyed by one conditional call
    /// (`UntouchedDestroy`); the rest are read back (edits are kept), then intent, call, outcome.
    private func carryOut(_ batch: RollbackPlan.Batch, into summary: inout RollbackSummary) async throws {
        var batch = batch
        if batch.action == .destroy && !force,
            let untouched = UntouchedDestroy(
                batch.items, stamps: try ledger.creationStamps(seqs: batch.items.map(\.seq)))
        {
            let destroyed = try await destroy(untouched, object: batch.object, into: &summary)
            batch.items.removeAll { destroyed.contains($0.seq) }
            guard !batch.items.isEmpty else { return }
        }
        var due = batch.items
        var done: [LedgerEvent] = []
        var kept: [RollbackKept] = []
        if batch.action == .destroy || batch.action == .update {
            due = []
            let held = try await heldRecords(batch)
            let values = try writtenValues(batch.object)
            // What Twenty puts in a record it creates when nothing is sent: its bookkeeping and the fields' defaults.
            let filledByTwenty = Reconciliation.filledOnCreate.union(
                workspace.object(batch.object)?.fields.filter { $0.defaultValue != nil }.map(\.name) ?? [])
            for item in batch.items {
                let compensation = item.compensation
                let id = compensation.twentyId ?? ""
                guard let record = held[id] else {
                    if batch.action == .destroy {
                        // Already gone: nothing to destroy, and a re-run may write it again.
                        done.append(
                            .rollbackCompensated(RollbackCompensated(compensates: item.seq, compensation: compensation))
                        )
                    } else {
                        kept.append(
                            RollbackKept(
                                compensates: item.seq, compensation: compensation, fields: [],
                                reason: "the record is no longer in Twenty"))
                    }
                    continue
                }
                let changed = EditCheck.changedFields(
                    written: values[id] ?? .object([:]), held: record,
                    unsentFilledBy: batch.action == .destroy ? filledByTwenty : nil)
                if !changed.isEmpty && !force {
                    kept.append(
                        RollbackKept(
                            compensates: item.seq, compensation: compensation, fields: changed,
                            reason: "changed in Twenty after the tool wrote it"))
                    continue
                }
                due.append(item)
            }
        }
        if batch.action == .schema && !force {
            due = []
            for item in batch.items {
                guard let inverse = item.compensation.schema else {
                    due.append(item)
                    continue
                }
                let name = inverse.field.map { "\(inverse.object).\($0)" } ?? inverse.object
                let reason: String
                if let inUse = try await OptionsInUse(client: client, workspace: workspace).check(inverse) {
                    reason =
                        "options \(inUse.options.joined(separator: ", ")) are in use by \(inUse.records)"
                        + " record(s) in Twenty; removing them would clear those values"
                } else if let records = try await FieldsInUse(client: client, workspace: workspace).check(inverse) {
                    reason =
                        inverse.op == .deleteObject
                        ? "\(records) record(s) are still in it in Twenty; removing it would delete them"
                        : "\(records) record(s) in Twenty hold a value in it; removing it would clear those values"
                } else {
                    due.append(item)
                    continue
                }
                kept.append(
                    RollbackKept(
                        compensates: item.seq, compensation: item.compensation, fields: [name], reason: reason))
            }
        }
        try ledger.append(done + kept.map { LedgerEvent.rollbackKept($0) })
        summary.kept += kept
        summary.compensated += done.count
        guard !due.isEmpty else { return }

        batches += 1
        let batchId = "\(ledger.runId)-rollback-\(batches)"
        try ledger.append([
            .rollbackRequested(
                RollbackRequested(
                    batchId: batchId, action: batch.action, object: batch.object,
                    items: due.map { CompensationItem(compensates: $0.seq, compensation: $0.compensation) }))
        ])
        do {
            try await call(batch.action, object: batch.object, due)
            calls += 1
            try afterCall(calls)
        } catch let error as TwentyError where error.kind != .network {
            try ledger.append(
                due.map {
                    .compensationFailed(
                        CompensationFailed(
                            compensates: $0.seq, compensation: $0.compensation, status: error.status,
                            error: error.summary, retryable: RetryPolicy.isRetryable(status: error.status),
                            batchId: batchId))
                })
            summary.failed += due.count
            summary.failures.append("\(batch.action.rawValue) \(batch.object): \(error.summary)")
            return
        } catch let error as MigrationError {
            try ledger.append(
                due.map {
                    .compensationFailed(
                        CompensationFailed(
                            compensates: $0.seq, compensation: $0.compensation, status: nil, error: error.description,
                            retryable: false, batchId: batchId))
                })
            summary.failed += due.count
            summary.failures.append("\(batch.action.rawValue) \(batch.object): \(error.description)")
            return
        }
        try ledger.append(
            due.map {
                .rollbackCompensated(
                    RollbackCompensated(compensates: $0.seq, compensation: $0.compensation, batchId: batchId))
            })
        summary.compensated += due.count
        follow(due)
    }

    /// Sends `untouched`'s conditional destroy as one intent and returns the mutations (seqs) it undid, from
    /// Twenty's answer (the ids it destroyed). The covered items it spared are settled by an `intent.resolved` and
    /// left to the read-back; a refused call leaves them all to it.
    private func destroy(_ untouched: UntouchedDestroy, object: String, into summary: inout RollbackSummary)
        async throws -> Set<Int64>
    {
        batches += 1
        let batchId = "\(ledger.runId)-rollback-\(batches)"
        let items = untouched.covered
        let intentSeq =
            try ledger.append([
                .rollbackRequested(
                    RollbackRequested(
                        batchId: batchId, action: .destroy, object: object,
                        items: items.map { CompensationItem(compensates: $0.seq, compensation: $0.compensation) },
                        filter: untouched.filter))
            ])?.lowerBound ?? 0
        let answer: TwentyReply
        do {
            answer = try await client.send(
                "DELETE",
                TwentyPath.make(
                    "rest/\(try target(object).plural)", query: [(name: "filter", value: untouched.filter)]))
            calls += 1
            try afterCall(calls)
        } catch let error as TwentyError where error.kind != .network {
            // A server that refuses the condition still destroys by id after the read-back, as before.
            try ledger.append(
                items.map {
                    .compensationFailed(
                        CompensationFailed(
                            compensates: $0.seq, compensation: $0.compensation, status: error.status,
                            error: error.summary, retryable: true, batchId: batchId))
                })
            return []
        }
        let gone = Set(AnswerRecords.all(in: answer.json).compactMap { $0["id"]?.stringValue })
        let destroyed = items.filter { gone.contains($0.compensation.twentyId ?? "") }
        let spared = items.filter { !gone.contains($0.compensation.twentyId ?? "") }
        var events: [LedgerEvent] = destroyed.map {
            .rollbackCompensated(
                RollbackCompensated(compensates: $0.seq, compensation: $0.compensation, batchId: batchId))
        }
        if !spared.isEmpty {
            let name = { (item: InverseAction) in item.compensation.twentyId ?? "\(item.seq)" }
            events.append(
                .intentResolved(
                    IntentResolved(
                        kind: .compensation, intentId: batchId, intentSeq: intentSeq, object: object,
                        held: destroyed.map(name), absent: spared.map(name))))
        }
        try ledger.append(events)
        summary.compensated += destroyed.count
        follow(destroyed)
        return Set(destroyed.map(\.seq))
    }

    /// The records of the batch Twenty holds, by id (none read when forced to destroy: gone or not, the id filter
    /// destroys what is there).
    private func heldRecords(_ batch: RollbackPlan.Batch) async throws -> [String: JSONValue] {
        let ids = batch.items.compactMap(\.compensation.twentyId)
        if force && batch.action == .destroy {
            return Dictionary(ids.map { ($0, JSONValue.object([:])) }, uniquingKeysWith: { a, _ in a })
        }
        return try await readBack.records(
            ids, in: try target(batch.object), pageSize: workspace.batchMaximum)
    }

    private func call(_ action: Compensation.Action, object: String, _ items: [InverseAction]) async throws {
        let ids = items.compactMap(\.compensation.twentyId)
        let filter = (name: "filter", value: "id[in]:[\(ids.map { "\"\($0)\"" }.joined(separator: ","))]")
        switch action {
        case .destroy:
            // A hard delete: a soft-deleted row would keep its unique values and refuse the re-run (TWENTY_API §9).
            _ = try await client.send("DELETE", TwentyPath.make("rest/\(try target(object).plural)", query: [filter]))
        case .restore:
            _ = try await client.send(
                "PATCH", TwentyPath.make("rest/\(try target(object).plural)/restore", query: [filter]))
        case .create:
            _ = try await client.send(
                "POST", "rest/batch/\(try target(object).plural)",
                body: .array(items.map { $0.compensation.values ?? .object([:]) }))
        case .update:
            for item in items {
                _ = try await client.send(
                    "PATCH", "rest/\(try target(object).plural)/\(item.compensation.twentyId ?? "")",
                    body: item.compensation.values ?? .object([:]))
            }
        case .schema:
            for item in items {
                guard let inverse = item.compensation.schema else { continue }
                try await SchemaUndo(client: client).apply(inverse)
            }
        }
    }

    private func target(_ object: String) throws -> WriteTarget {
        guard let target = WriteTarget(sourceObject: object, object: object, in: workspace) else {
            throw MigrationError("the workspace has no object \(object) to roll back")
        }
        return target
    }

    private func writtenValues(_ object: String) throws -> [String: JSONValue] {
        if let values = written[object] { return values }
        let values = try ledger.twentyValues(object: object)
        written[object] = values
        return values
    }

    /// Keeps the cached twenty-state in step with the compensations just recorded.
    private func follow(_ items: [InverseAction]) {
        for item in items {
            let compensation = item.compensation
            guard let id = compensation.twentyId, written[compensation.object] != nil else { continue }
            switch compensation.action {
            case .destroy: written[compensation.object]?[id] = nil
            case .update:
                var merged = written[compensation.object]?[id]?.objectValue ?? [:]
                for (key, value) in compensation.values?.objectValue ?? [:] { merged[key] = value }
                written[compensation.object]?[id] = .object(merged)
            case .create: written[compensation.object]?[id] = compensation.values
            case .restore, .schema: break
            }
        }
    }
}

/// What a rollback did.
public struct RollbackSummary: Sendable {
    public var compensated = 0
    public var failed = 0
    /// Records left as they are (changed in Twenty since the tool wrote them, or gone).
    public var kept: [RollbackKept] = []
    /// Twenty's refusals, one sentence per refused batch.
    public var failures: [String] = []
    /// Compensation batches an interrupted rollback left in doubt, settled by reading Twenty back first.
    public var settledIntents = 0
    /// Requests sent to Twenty, read-backs included.
    public var requests = 0

    public init() {}
}
