import CanonicalJSON
import Foundation
import Ledger
import TwentyClient

/// Destroys the records the tool created whose source record is gone from the latest snapshot (`--propagate-deletes`),
/// a batch of ids per request, each batch's full before-images read first and carried by its intent (invariant 5:
/// rollback re-creates them with the same ids).
struct SourceDeletions {
    let client: TwentyClient
    let ledger: Ledger
    let target: WriteTarget
    let batchMaximum: Int

    /// Members Twenty computes or manages itself: a re-creation from the before-image must not send them.
    static let computed: Set<String> = ["searchVector", "updatedBy", "deletedAt"]

    /// Deletes `gone`; returns how many Twenty held and were destroyed, and the ids Twenty no longer held.
    func delete(_ gone: [GoneRecord], calls: inout Int) async throws -> (deleted: Int, alreadyGone: [GoneRecord]) {
        var deleted = 0
        var alreadyGone: [GoneRecord] = []
        var start = 0
        while start < gone.count {
            let slice = Array(gone[start..<min(start + batchMaximum, gone.count)])
            start += slice.count
            let held = try await ReadBack(client: client).records(
                slice.map(\.twentyId), in: target, pageSize: batchMaximum)
            alreadyGone += slice.filter { held[$0.twentyId] == nil }
            let items = slice.compactMap { record -> WriteItem? in
                guard let current = held[record.twentyId] else { return nil }
                return WriteItem(
                    sourceId: record.sourceId, twentyId: record.twentyId, values: nil,
                    before: Self.beforeImage(current))
            }
            guard !items.isEmpty else { continue }
            calls += 1
            let batchId = "\(ledger.runId)-\(target.sourceObject)-delete-\(calls)"
            try ledger.append([
                .writeRequested(
                    WriteRequested(
                        batchId: batchId, op: .destroy, object: target.object, sourceObject: target.sourceObject,
                        items: items))
            ])
            let list = items.map { "\"\($0.twentyId)\"" }.joined(separator: ",")
            _ = try await client.send(
                "DELETE",
                TwentyPath.make("rest/\(target.plural)", query: [(name: "filter", value: "id[in]:[\(list)]")]))
            try ledger.append(items.map { Self.outcome($0, batchId: batchId, target: target) })
            deleted += items.count
        }
        return (deleted, alreadyGone)
    }

    /// The record as Twenty holds it, without what Twenty computes: what re-creates it.
    static func beforeImage(_ record: JSONValue) -> JSONValue {
        var values = record.objectValue ?? [:]
        for key in computed { values[key] = nil }
        return .object(values)
    }

    static func outcome(_ item: WriteItem, batchId: String, target: WriteTarget) -> LedgerEvent {
        .recordDeleted(
            RecordDeleted(
                batchId: batchId, object: target.object, sourceObject: target.sourceObject, sourceId: item.sourceId,
                twentyId: item.twentyId, soft: false, before: item.before ?? .object([:])))
    }
}
