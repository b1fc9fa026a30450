import CanonicalJSON
import TwentyModel

extension TwentyClient {
    /// Reads what a migration must know before writing (TWENTY_API.md sections 5, 8, 10, 11).
    public func describeWorkspace() async throws -> WorkspaceDescription {
        let metadata = try MetadataReader.read(try await get("rest/metadata/objects"))
        let stated = Self.batchMaximum(inOpenAPI: try await get("rest/open-api/core"))
        return WorkspaceDescription(
            url: connection.baseURL.absoluteString, objects: metadata.objects, customFields: metadata.customFields,
            members: try await members(),
            batchMaximum: stated ?? 60, batchMaximumStated: stated != nil,
            naming: VersionNaming.detect(objects: metadata.objects, rawTypes: metadata.rawTypes),
            fingerprint: metadata.objectIds["person"])
    }

    /// Every workspace member with its id and `userEmail`, following the cursor.
    public func members() async throws -> [WorkspaceMember] {
        var members: [WorkspaceMember] = []
        var cursor: String?
        repeat {
            var query = [(name: "limit", value: "200")]
            if let cursor { query.append((name: "starting_after", value: cursor)) }
            let page = try await get(TwentyPath.make("rest/workspaceMembers", query: query))
            for member in (page["data"]?["workspaceMembers"] ?? .array([])).items {
                guard let id = member["id"]?.stringValue else { continue }
                members.append(WorkspaceMember(id: id, userEmail: member["userEmail"]?.stringValue))
            }
            let next =
                page["pageInfo"]?["hasNextPage"] == .bool(true) ? page["pageInfo"]?["endCursor"]?.stringValue : nil
            // A server that repeats its cursor would loop forever: stop instead.
            cursor = next == cursor ? nil : next
        } while cursor != nil
        return members
    }

    /// The `limit` parameter's `schema.maximum`, wherever the document declares it (per path or as a component).
    static func batchMaximum(inOpenAPI json: JSONValue) -> Int? {
        switch json {
        case .object(let members):
            if members["name"] == .string("limit"), let maximum = members["schema"]?["maximum"]?.numberValue {
                return Int(maximum)
            }
            for key in members.keys.sorted() {
                if let found = batchMaximum(inOpenAPI: members[key]!) { return found }
            }
            return nil
        case .array(let items):
            return items.lazy.compactMap(batchMaximum(inOpenAPI:)).first
        default:
            return nil
        }
    }
}
