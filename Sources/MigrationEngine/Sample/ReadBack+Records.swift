import CanonicalJSON
import TwentyClient

extension ReadBack {
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
}
