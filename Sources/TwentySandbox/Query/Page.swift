import CanonicalJSON
import Foundation

/// One page of an ordered id list, chosen by `limit` and a `starting_after` / `ending_before` cursor.
///
/// A cursor is base64 of `{"id":"..."}`, opaque to clients as Twenty's are. `hasNextPage` says whether records
/// follow the page and `hasPreviousPage` whether records precede it, whichever direction the client walks
/// (`S/engine/api/graphql/graphql-query-runner/utils/...` computes both; REST exposes them under `pageInfo`).
struct Page {
    let ids: [String]
    let info: JSONValue

    init(ids all: [String], limit: Int, after: String?, before: String?) throws {
        var lower = 0
        var upper = all.count
        if let after { lower = try Self.index(of: Self.decode(after), in: all) + 1 }
        if let before { upper = try Self.index(of: Self.decode(before), in: all) }
        let range: Range<Int>
        if before != nil && after == nil {
            range = max(lower, upper - limit)..<max(lower, upper)
        } else {
            range = lower..<max(lower, min(upper, lower + limit))
        }
        ids = Array(all[range])
        info = [
            "hasNextPage": .bool(range.upperBound < all.count),
            "hasPreviousPage": .bool(range.lowerBound > 0),
            "startCursor": ids.first.map { .string(Self.encode($0)) } ?? .null,
            "endCursor": ids.last.map { .string(Self.encode($0)) } ?? .null,
        ]
    }

    static func encode(_ id: String) -> String {
        Data(CanonicalJSON.bytes(["id": .string(id)])).base64EncodedString()
    }

    static func decode(_ cursor: String) throws -> String {
        guard let data = Data(base64Encoded: cursor), let value = try? JSONParser.parse(Array(data)),
            let id = value["id"]?.stringValue
        else { throw SandboxError.badRequest("Invalid cursor: \(cursor)") }
        return id
    }

    private static func index(of id: String, in ids: [String]) throws -> Int {
        guard let index = ids.firstIndex(of: id) else {
            throw SandboxError.badRequest("Invalid cursor: record \(id) is not among the results")
        }
        return index
    }
}
