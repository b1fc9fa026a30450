import CanonicalJSON
import SQLite

/// A cloud plan's record limit (Twenty's record stock, `UsageResourceType.RECORD`), checked when records are
/// created.
///
/// Twenty counts the workspace's records with `SUM(n_live_tup)` over the tracked tables
/// (`S/engine/core-modules/usage-limit/constants/count-live-records-query.constant.ts`,
/// `services/workspace-record-stock.service.ts`): Postgres' live tuples, which include soft-deleted rows, since a
/// soft delete only sets `deletedAt`. The sandbox counts the same way, over every object but workspace members
/// (which the API never creates); which system objects Twenty tracks is not reproduced exactly.
struct RecordQuota {
    let limit: Int

    /// Every stored row, soft-deleted ones included.
    static func used(in schema: Schema, _ database: Database) throws -> Int {
        try schema.objects.filter { !$0.isReadOnly }.reduce(0) {
            $0 + (try RecordTable(database: database, object: $1).count())
        }
    }

    /// Refuses a write that created `created` records when the workspace now holds more than the limit. Called
    /// after the rows are written, inside the transaction, so a refusal rolls the whole batch back; an upsert
    /// that only updates creates nothing and always passes.
    func check(created: Int, schema: Schema, _ database: Database) throws {
        guard created > 0 else { return }
        let total = try Self.used(in: schema, database)
        guard total > limit else { return }
        throw Self.exhausted(limit: limit, used: total - created)
    }

    /// Twenty's refusal: `UsageLimitException(STOCK_EXHAUSTED)` with the message "`RECORD` limit reached for this
    /// workspace" (`services/usage-limit-stock.service.ts`), rendered by `usage-limit-to-rest-api-exception-
    /// handler.util.ts` as 402 with error `QUOTA_EXHAUSTED` (`utils/get-usage-limit-error-code.util.ts`), the
    /// exhausted scope in the body and no rate headers: waiting cannot help. The scope's member values for a stock
    /// limit (`limitKind: "stock"`, no period) follow `usage-limit-stock.service.spec.ts`; `spenderType` and
    /// `operationType` are the workspace-wide record-write scope.
    static func exhausted(limit: Int, used: Int) -> SandboxError {
        SandboxError(
            status: 402, message: "RECORD limit reached for this workspace",
            details: [
                "limitKind": "stock", "exhaustedKind": "limit",
                "scope": ["spenderType": "workspace", "spenderId": .null, "operationType": "RECORD_WRITE"],
                "limit": .integer(Int64(limit)), "remaining": .integer(Int64(max(0, limit - used))),
                "periodCount": .null, "periodUnit": .null, "retryAfterSeconds": 0,
            ])
    }
}
