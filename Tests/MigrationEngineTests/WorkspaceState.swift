import CanonicalJSON
import TwentySandbox

/// The sandbox's whole state (`/_sandbox/state`) made comparable across a rollback: what Twenty itself rewrites on
/// any write, and cannot be given back, is left out; everything else must be equal to the byte.
enum WorkspaceState {
    /// `updatedAt` is stamped by Twenty on every write, a restoring one included (TWENTY_API §11 accepts it on
    /// create only), on records and on the metadata of a field whose option list was changed and restored. Uploaded
    /// files stay in storage when their attachment record is destroyed (Twenty cleans its storage by itself, not
    /// through the API). The sandbox's content digest hashes the same view.
    static func comparable(_ state: JSONValue) -> JSONValue { WorkspaceContent.of(state) }

    /// Each object's field names and records, by object name: what a migration run again must reproduce. The
    /// metadata ids of fields `prepare` creates anew are new ids, and so are the ids of files uploaded anew (a
    /// FILES value's `fileId`), so they are not compared; nor is `createdAt`, which Twenty stamps at the write on
    /// records the source gives no date (task and note targets).
    static func records(_ state: JSONValue) -> JSONValue {
        var result: [String: JSONValue] = [:]
        for object in state["objects"]?.arrayValue ?? [] {
            guard let name = object["metadata"]?["nameSingular"]?.stringValue else { continue }
            let fields = (object["metadata"]?["fields"]?.arrayValue ?? []).compactMap { $0["name"] }
            let records = (object["records"]?.arrayValue ?? []).map { record -> JSONValue in
                guard case .object(var values) = record else { return record }
                values["createdAt"] = nil
                for (key, value) in values {
                    guard case .array(let files) = value, files.contains(where: { $0["fileId"] != nil }) else {
                        continue
                    }
                    values[key] = .array(
                        files.map {
                            guard case .object(var file) = $0 else { return $0 }
                            file["fileId"] = nil
                            return .object(file)
                        })
                }
                return .object(values)
            }
            result[name] = ["fields": .array(fields), "records": .array(records)]
        }
        return .object(result)
    }

    /// Records, fields and objects keyed by their id (objects by name), so one missing row is one difference.
    static func byId(_ items: [JSONValue]) -> [String: JSONValue]? {
        var result: [String: JSONValue] = [:]
        for item in items {
            guard let id = item["id"]?.stringValue ?? item["metadata"]?["nameSingular"]?.stringValue else { return nil }
            result[id] = item
        }
        return result
    }

    /// Up to `limit` paths where `a` and `b` differ, for a failure message a person can act on.
    static func differences(_ a: JSONValue, _ b: JSONValue, path: String = "", limit: Int = 8) -> [String] {
        var found: [String] = []
        func walk(_ a: JSONValue?, _ b: JSONValue?, _ path: String) {
            guard found.count < limit, a != b else { return }
            switch (a, b) {
            case (.object(let x)?, .object(let y)?):
                for key in Set(x.keys).union(y.keys).sorted() { walk(x[key], y[key], path + "." + key) }
            case (.array(let x)?, .array(let y)?) where byId(x) != nil && byId(y) != nil:
                let (x, y) = (byId(x)!, byId(y)!)
                for key in Set(x.keys).union(y.keys).sorted() { walk(x[key], y[key], path + "[\(key)]") }
            case (.array(let x)?, .array(let y)?) where x.count == y.count:
                for index in x.indices { walk(x[index], y[index], path + "[\(index)]") }
            default:
                found.append(
                    "\(path): \(a?.canonicalText.prefix(160) ?? "absent") != \(b?.canonicalText.prefix(160) ?? "absent")"
                )
            }
        }
        walk(a, b, path)
        return found
    }
}
