import CanonicalJSON
import TwentyClient

/// Reads records back from Twenty by id: how an intent in doubt is settled (invariant 4), how a create that
/// Twenty refused as a duplicate is recognised as our own earlier write (the ids are deterministic), and how the
/// sample compares what Twenty holds with what was sent; or every record of an object, for reconciliation.
struct ReadBack {
    let client: TwentyClient

    /// The records among `ids` that Twenty holds for `target`, by id, read in pages of at most `pageSize`.
    func records(_ ids: [String], in target: WriteTarget, pageSize: Int) async throws -> [String: JSONValue] {
        var held: [String: JSONValue] = [:]
        var start = 0
        while start < ids.count {
            let slice = Array(ids[start..<min(start + pageSize, ids.count)])
            start += slice.count
            let list = slice.map { "\"\($0)\"" }.joined(separator: ",")
            let path = TwentyPath.make(
                "rest/\(target.plural)",
                query: [(name: "filter", value: "id[in]:[\(list)]"), (name: "limit", value: "\(pageSize)")])
            for record in try await client.get(path)["data"]?[target.plural]?.items ?? [] {
                if let id = record["id"]?.stringValue { held[id] = record }
            }
        }
        return held
    }

    /// The ids among `ids` that Twenty holds for `target`.
    func heldIds(_ ids: [String], in target: WriteTarget, pageSize: Int) async throws -> Set<String> {
        Set(try await records(ids, in: target, pageSize: pageSize).keys)
    }

    /// Every record of `target` Twenty holds (soft-deleted ones excluded, as Twenty lists them), walked with cursor
    /// pagination at `pageSize` (the batch maximum: one request per page, the fewest the server allows). `visit`
    /// sees each page as it arrives, so a caller can keep only what it needs of a large object. Returns the
    /// number of requests made.
    @discardableResult
    func every(in target: WriteTarget, pageSize: Int, _ visit: ([JSONValue]) throws -> Void) async throws -> Int {
        var cursor: String?
        var requests = 0
        repeat {
            var query = [(name: "limit", value: "\(pageSize)")]
            if let cursor { query.append((name: "starting_after", value: cursor)) }
            let page = try await client.get(TwentyPath.make("rest/\(target.plural)", query: query))
            requests += 1
            try visit(page["data"]?[target.plural]?.items ?? [])
            let info = page["pageInfo"]
            cursor = info?["hasNextPage"] == .bool(true) ? info?["endCursor"]?.stringValue : nil
        } while cursor != nil
        return requests
    }
}

extension ReadBack {
    /// The records of `target` whose `column` holds one of `values` (the targets of some notes, by `noteId`), every
    /// page of each slice followed: one value may have more records than a page holds.
    func records(whose column: String, in values: [String], of target: WriteTarget, pageSize: Int) async throws
        -> [JSONValue]
    {
        var found: [JSONValue] = []
        var start = 0
        while start < values.count {
            let slice = Array(values[start..<min(start + pageSize, values.count)])
            start += slice.count
            let list = slice.map { "\"\($0)\"" }.joined(separator: ",")
            var cursor: String?
            repeat {
                var query = [(name: "filter", value: "\(column)[in]:[\(list)]"), (name: "limit", value: "\(pageSize)")]
                if let cursor { query.append((name: "starting_after", value: cursor)) }
                let page = try await client.get(TwentyPath.make("rest/\(target.plural)", query: query))
                found += page["data"]?[target.plural]?.items ?? []
                cursor =
                    page["pageInfo"]?["hasNextPage"] == .bool(true) ? page["pageInfo"]?["endCursor"]?.stringValue : nil
            } while cursor != nil
        }
        return found
    }
}
