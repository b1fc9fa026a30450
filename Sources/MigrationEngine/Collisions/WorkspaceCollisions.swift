import CanonicalJSON
import Ledger
import TwentyClient

/// One source record and the workspace record it meets on a unique value.
struct Collision {
    /// The workspace record as Twenty returned it (every field at depth 0), its before-image for a merge.
    let existing: JSONValue
    let existingId: String
    /// The unique value in common: its path (`emails.primaryEmail`) and the value as we would have sent it.
    let path: String
    let value: String
    var isSoftDeleted: Bool { (existing["deletedAt"] ?? .null) != .null }
}

/// Finds the workspace records that records Twenty refused as duplicates meet, by their unique values, soft-deleted
/// rows included: Twenty's REST hides those unless the filter names `deletedAt`, yet they keep their unique values
/// reserved (TWENTY_API.md sections 1, 9 and 11).
struct WorkspaceCollisions {
    let client: TwentyClient
    let pageSize: Int

    /// For each record (by source id) that meets workspace records, those records, one per colliding value.
    func find(_ records: [PendingWrite], paths: [String], in target: WriteTarget) async throws -> [String: [Collision]]
    {
        guard !paths.isEmpty else { return [:] }
        var found: [String: [Collision]] = [:]
        // Each record adds a value per path to the filter; chunks keep the request line well inside a server's limit.
        let chunkSize = max(1, min(50, pageSize / paths.count))
        var start = 0
        while start < records.count {
            let chunk = Array(records[start..<min(start + chunkSize, records.count)])
            start += chunk.count
            let held = try await lookUp(chunk, paths: paths, in: target)
            for record in chunk {
                var collisions: [Collision] = []
                for path in paths {
                    guard let value = Self.value(of: record.values, at: path) else { continue }
                    for existing in held
                    where Self.value(of: existing, at: path).map(Self.normalized) == Self.normalized(value) {
                        let id = existing["id"]?.stringValue ?? ""
                        guard id != record.twentyId, !collisions.contains(where: { $0.existingId == id }) else {
                            continue
                        }
                        collisions.append(Collision(existing: existing, existingId: id, path: path, value: value))
                    }
                }
                if !collisions.isEmpty { found[record.sourceId] = collisions }
            }
        }
        return found
    }

    /// The workspace records holding any of `records`' unique values, live or soft-deleted.
    private func lookUp(_ records: [PendingWrite], paths: [String], in target: WriteTarget) async throws -> [JSONValue]
    {
        var conditions: [String] = []
        for path in paths {
            var values: [String] = []
            for record in records {
                guard let value = Self.value(of: record.values, at: path) else { continue }
                // Twenty stores emails and URL origins lower-cased: ask for the value as sent and as stored.
                for candidate in [value, value.lowercased()] where !values.contains(candidate) {
                    values.append(candidate)
                }
            }
            guard !values.isEmpty else { continue }
            conditions.append("\(path)[in]:[\(values.map(Self.quoted).joined(separator: ","))]")
        }
        guard !conditions.isEmpty else { return [] }
        // Naming deletedAt is what makes Twenty include soft-deleted rows.
        let filter =
            "and(or(\(conditions.joined(separator: ","))),or(deletedAt[is]:NULL,deletedAt[is]:NOT_NULL))"
        let path = TwentyPath.make(
            "rest/\(target.plural)", query: [(name: "filter", value: filter), (name: "limit", value: "\(pageSize)")])
        return try await client.get(path)["data"]?[target.plural]?.items ?? []
    }

    /// The value at a dotted path (`emails.primaryEmail`) when it is non-empty text.
    static func value(of record: JSONValue, at path: String) -> String? {
        var current: JSONValue? = record
        for part in path.split(separator: ".") { current = current?[String(part)] }
        guard let text = current?.stringValue, !text.isEmpty else { return nil }
        return text
    }

    /// Compared as Twenty compares on write: emails and URL origins lower-cased, without a trailing slash.
    static func normalized(_ value: String) -> String {
        var text = value.lowercased()
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }

    static func quoted(_ value: String) -> String {
        "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
