import CanonicalJSON
import Ledger
import TwentyClient

/// Settles the compensation batches an interrupted rollback left without an outcome (invariant 4), before
/// anything is sent again: what Twenty shows done (a destroyed record gone, a re-created or restored one present,
/// an update's before-image back in place, a schema inverse in place) gets its `rollback.compensated`; the rest
/// stays in the inverse stream and the rollback carries it out again.
struct CompensationDoubt {
    let client: TwentyClient
    let ledger: Ledger
    let workspace: WorkspaceDescription
    let readBack: ReadBack

    /// Returns how many intents were settled.
    func resolve() async throws -> Int {
        var settled = 0
        for intent in try ledger.intentsInDoubt() where intent.kind == .compensation {
            guard let request = try ledger.compensationIntent(seq: intent.seq) else { continue }
            let done = try await doneItems(request)
            let name = { (item: CompensationItem) in item.compensation.twentyId ?? "\(item.compensates)" }
            var events: [LedgerEvent] = [
                .intentResolved(
                    IntentResolved(
                        kind: .compensation, intentId: request.batchId, intentSeq: intent.seq, object: request.object,
                        held: request.items.filter { done.contains($0.compensates) }.map(name),
                        absent: request.items.filter { !done.contains($0.compensates) }.map(name)))
            ]
            for item in request.items where done.contains(item.compensates) {
                events.append(
                    .rollbackCompensated(
                        RollbackCompensated(compensates: item.compensates, compensation: item.compensation)))
            }
            try ledger.append(events)
            settled += 1
        }
        return settled
    }

    /// The mutations (by `seq`) whose compensation Twenty shows carried out.
    private func doneItems(_ request: RollbackRequested) async throws -> Set<Int64> {
        let items = request.items
        if request.action == .schema {
            let metadata = try await SchemaUndo(client: client).metadata()
            return Set(
                items.filter { $0.compensation.schema.map { SchemaUndo.isDone($0, in: metadata) } ?? false }
                    .map(\.compensates))
        }
        guard let object = request.object, let target = WriteTarget(sourceObject: object, object: object, in: workspace)
        else { return [] }
        let held = try await readBack.records(
            items.compactMap(\.compensation.twentyId), in: target, pageSize: workspace.batchMaximum)
        return Set(
            items.filter { item in
                let record = item.compensation.twentyId.flatMap { held[$0] }
                switch request.action {
                case .destroy: return record == nil
                case .create, .restore: return record != nil
                case .update:
                    return record.map {
                        EditCheck.changedFields(written: item.compensation.values ?? .object([:]), held: $0).isEmpty
                    } ?? false
                case .schema: return false
                }
            }.map(\.compensates))
    }
}
