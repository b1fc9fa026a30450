import CanonicalJSON
import Ledger
import TwentyClient

/// Settles the write intents a crash left without an outcome, before anything is written again (invariant 4):
/// each batch's ids are read back from Twenty; what Twenty holds (a created record, an update's values) gets its
/// outcome (with the intent's values, so its undo enters the inverse stream), what it does not stays pending and
/// is written by the run.
struct DoubtResolver {
    let client: TwentyClient
    let ledger: Ledger
    let workspace: WorkspaceDescription

    /// Returns how many intents were settled and how many of their records Twenty turned out to hold.
    func resolve() async throws -> (intents: Int, held: Int) {
        var settled = (intents: 0, held: 0)
        for intent in try ledger.intentsInDoubt() where intent.kind == .write {
            guard let request = try ledger.writeIntent(seq: intent.seq),
                let target = WriteTarget(
                    sourceObject: request.sourceObject ?? request.object ?? "", object: request.object ?? "",
                    in: workspace)
            else { continue }
            if request.op == .update, request.merge == true {
                settled.held += try await resendMerge(request, intentSeq: intent.seq, target: target)
                settled.intents += 1
                continue
            }
            if request.op == .destroy {
                settled.held += try await settleDestroy(request, intentSeq: intent.seq, target: target)
                settled.intents += 1
                continue
            }
            guard request.op == .create || request.op == .update else { continue }
            let ids = request.items.map(\.twentyId)
            let readBack = ReadBack(client: client)
            // A create took effect if Twenty holds the id; an update (a self link's second pass) if Twenty holds
            // every value it sent. An update left unsettled would stay in doubt for good: its step sends it again
            // under a new intent, since the ledger does not know the link was set.
            let held: Set<String>
            switch request.op {
            case .update:
                let records = try await readBack.records(ids, in: target, pageSize: workspace.batchMaximum)
                held = Set(
                    request.items.filter { item in
                        guard let record = records[item.twentyId], case .object(let sent)? = item.values else {
                            return false
                        }
                        return sent.allSatisfy { record[$0.key] == $0.value }
                    }.map(\.twentyId))
            default:
                held = try await readBack.heldIds(ids, in: target, pageSize: workspace.batchMaximum)
            }
            var events: [LedgerEvent] = [
                .intentResolved(
                    IntentResolved(
                        kind: .write, intentId: request.batchId, intentSeq: intent.seq, object: target.object,
                        held: ids.filter(held.contains), absent: ids.filter { !held.contains($0) }))
            ]
            for item in request.items where held.contains(item.twentyId) {
                switch request.op {
                case .update:
                    events.append(
                        .recordUpdated(
                            RecordUpdated(
                                batchId: request.batchId, object: target.object, sourceObject: target.sourceObject,
                                sourceId: item.sourceId, twentyId: item.twentyId, values: item.values ?? .object([:]),
                                before: item.before ?? .object([:]))))
                default:
                    events.append(
                        .recordCreated(
                            RecordCreated(
                                batchId: request.batchId, object: target.object, sourceObject: target.sourceObject,
                                sourceId: item.sourceId, twentyId: item.twentyId, values: item.values ?? .object([:]))))
                }
            }
            try ledger.append(events)
            settled.intents += 1
            settled.held += held.count
        }
        return settled
    }

    /// A destroy (a delta's `--propagate-deletes`) took effect for the ids Twenty no longer holds; the others stay
    /// for the next delta to delete.
    private func settleDestroy(_ request: WriteRequested, intentSeq: Int64, target: WriteTarget) async throws -> Int {
        let ids = request.items.map(\.twentyId)
        let held = try await ReadBack(client: client).heldIds(ids, in: target, pageSize: workspace.batchMaximum)
        let gone = request.items.filter { !held.contains($0.twentyId) }
        try ledger.append(
            [
                .intentResolved(
                    IntentResolved(
                        kind: .write, intentId: request.batchId, intentSeq: intentSeq, object: target.object,
                        held: gone.map(\.twentyId), absent: ids.filter(held.contains)))
            ] + gone.map { SourceDeletions.outcome($0, batchId: request.batchId, target: target) })
        return gone.count
    }

    /// A merge in doubt is sent again: setting the same fields twice is the same as once, and the before-image in
    /// the intent (read before the first attempt) stays the one recorded, since a read now could see our own values.
    /// A record no longer there leaves its source record pending, to be created by the run.
    private func resendMerge(_ request: WriteRequested, intentSeq: Int64, target: WriteTarget) async throws -> Int {
        var merged = 0
        for item in request.items {
            let values = item.values ?? .object([:])
            do {
                _ = try await client.send("PATCH", "rest/\(target.plural)/\(item.twentyId)", body: values)
            } catch let error as TwentyError
                where [.badRequest, .unknownField, .duplicate, .notFound].contains(error.kind)
            {
                try ledger.append([
                    .writeFailed(
                        WriteFailed(
                            batchId: request.batchId, object: target.object, sourceObject: target.sourceObject,
                            sourceIds: item.sourceId.map { [$0] } ?? [], status: error.status,
                            error: "merging into \(target.object) \(item.twentyId) was refused: \(error.summary)",
                            retryable: error.kind == .notFound))
                ])
                continue
            }
            try ledger.append([
                .intentResolved(
                    IntentResolved(
                        kind: .write, intentId: request.batchId, intentSeq: intentSeq, object: target.object,
                        held: [item.twentyId], absent: [])),
                .recordUpdated(
                    RecordUpdated(
                        batchId: request.batchId, object: target.object, sourceObject: target.sourceObject,
                        sourceId: item.sourceId, twentyId: item.twentyId, values: values,
                        before: item.before ?? .object([:]))),
            ])
            merged += 1
        }
        return merged
    }
}
