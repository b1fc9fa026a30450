import CanonicalJSON
import TwentyClient

/// Reads records back from Twenty by id: how an intent in doubt is settled (invariant 4) and how a create that
/// Twenty refused as a duplicate is recognised as our own earlier write (the ids are deterministic).
struct ReadBack {
    let client: TwentyClient

    /// The ids among `ids` that Twenty holds for `target`, read in pages of at most `pageSize`.
    func heldIds(_ ids: [String], in target: WriteTarget, pageSize: Int) async throws -> Set<String> {
        var held = Set<String>()
        var start = 0
        while start < ids.count {
            let slice = Array(ids[start..<min(start + pageSize, ids.count)])
            start += slice.count
            let list = slice.map { "\"\($0)\"" }.joined(separator: ",")
            let path = TwentyPath.make(
                "rest/\(target.plural)",
                query: [(name: "filter", value: "id[in]:[\(list)]"), (name: "limit", value: "\(pageSize)")])
            let answer = try await client.get(path)
            for record in answer["data"]?[target.plural]?.items ?? [] {
                if let id = record["id"]?.stringValue { held.insert(id) }
            }
        }
        return held
    }
}
