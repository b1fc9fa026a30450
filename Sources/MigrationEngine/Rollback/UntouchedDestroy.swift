import Ledger

/// One destroy call that can only take the records of a batch nobody has written since the tool created them, so
/// rollback need not read every record back first (issue 12: a rollback of N created records in N / batch maximum
/// calls).
///
/// Why `updatedAt` tells: Twenty dates every write of a record (`updatedAt`, its own clock) and keeps an
/// `updatedAt` sent on create, so right after a write batch W every record of it holds at most W's time. Any later
/// write, ours (a second-pass link) or someone's, dates the record after W. The filter therefore asks, per write
/// batch, `id[in]:[...]` and `updatedAt` before the latest `updatedAt` Twenty answered for that batch's records
/// (one millisecond added: Twenty answers milliseconds but Postgres keeps microseconds, so a record dated at
/// 12.123456 s and answered as 12.123 must still match; an edit within that millisecond of our write is the
/// accepted blind spot). A record the filter spares (edited, gone, or dated otherwise) is read back and judged by
/// `EditCheck` as before. That Twenty re-dates a record on every update is what TWENTY_API.md §4 leaves
/// UNCONFIRMED in its code (the column's default is `now`, and the sandbox re-dates every update); reconciliation's
/// drift rule rests on the same behaviour.
///
/// A source `updatedAt` later than the write itself (a future date in the export) would raise the bound past edits
/// made since, so a record counts only when its `updatedAt` is no later than the write: Twenty's own dating of the
/// batch where any record of it was dated by Twenty, else the ledger's time of the outcome (this machine's clock).
struct UntouchedDestroy {
    /// The items the filter covers; the others of the batch go straight to the read-back.
    let covered: [InverseAction]
    let filter: String

    /// nil when no item of `items` has what the condition needs (records created before the answer was recorded,
    /// or settled by a read-back).
    init?(_ items: [InverseAction], stamps: [Int64: CreationStamp]) {
        var groups: [String: [(item: InverseAction, held: Int64, stamp: CreationStamp)]] = [:]
        var order: [String] = []
        for item in items {
            guard let stamp = stamps[item.seq], let batchId = stamp.batchId, item.compensation.twentyId != nil,
                let held = stamp.heldUpdatedAt.flatMap(InstantMilliseconds.parse)
            else { continue }
            if groups[batchId] == nil { order.append(batchId) }
            groups[batchId, default: []].append((item, held, stamp))
        }
        var covered: [InverseAction] = []
        var conditions: [String] = []
        for batchId in order {
            let members = groups[batchId] ?? []
            // Records Twenty dated itself (nothing sent, or not kept) hold the write's own time on Twenty's clock.
            let datedByTwenty = members.filter { member in
                member.stamp.sentUpdatedAt.flatMap(InstantMilliseconds.parse).map { $0 != member.held } ?? true
            }
            guard
                let written = datedByTwenty.map(\.held).max()
                    ?? members.compactMap({ InstantMilliseconds.parse($0.stamp.recordedAt) }).max()
            else { continue }
            let untouched = members.filter { $0.held <= written }
            guard let latest = untouched.map(\.held).max() else { continue }
            covered += untouched.map(\.item)
            let ids = untouched.compactMap(\.item.compensation.twentyId).map { "\"\($0)\"" }.joined(separator: ",")
            conditions.append(
                "and(id[in]:[\(ids)],updatedAt[lt]:\"\(InstantMilliseconds.format(latest + 1))\")")
        }
        guard !covered.isEmpty else { return nil }
        self.covered = covered
        filter = conditions.count == 1 ? conditions[0] : "or(\(conditions.joined(separator: ",")))"
    }
}
