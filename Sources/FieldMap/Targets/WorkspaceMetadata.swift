import CanonicalJSON
import Foundation
import TwentyModel

/// Reads a live workspace's data model (`GET /rest/metadata/objects`) and its members (`GET /rest/workspaceMembers`)
/// into a ``TargetCatalog``, so the map names the fields this workspace really has (TWENTY_API.md sections 4-5).
public struct WorkspaceMetadata: Sendable {
    public let baseURL: URL
    let apiKey: String
    let transport: any HTTPTransport

    public init(baseURL: URL, apiKey: String, transport: any HTTPTransport = URLSessionTransport()) {
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.transport = transport
    }

    public func catalog() async throws -> TargetCatalog {
        let objects = try Self.objects(fromMetadata: try await get("rest/metadata/objects"))
        // v2 workspaces name task-target parents `targetPersonId`; v1 ones `personId`.
        let isV1 = objects.first { $0.nameSingular == "taskTarget" }?.field(named: "targetPerson") == nil
            && objects.contains { $0.nameSingular == "taskTarget" }
        return TargetCatalog(
            objects: objects, version: isV1 ? .v1 : .v2, url: baseURL.absoluteString, memberEmails: try await memberEmails())
    }

    /// Every member's `userEmail`, following the cursor.
    func memberEmails() async throws -> [String] {
        var emails: [String] = []
        var cursor: String?
        repeat {
            var path = "rest/workspaceMembers?limit=200"
            if let cursor { path += "&starting_after=\(cursor)" }
            let page = try await get(path)
            for member in page["data"]?["workspaceMembers"].map(Self.array) ?? [] {
                if let email = member["userEmail"]?.stringValue { emails.append(email) }
            }
            cursor = page["pageInfo"]?["hasNextPage"] == .bool(true) ? page["pageInfo"]?["endCursor"]?.stringValue : nil
        } while cursor != nil
        return emails
    }

    private func get(_ path: String) async throws -> JSONValue {
        guard let url = URL(string: path, relativeTo: baseURL.absoluteString.hasSuffix("/") ? baseURL : baseURL.appendingPathComponent(""))
        else { throw WorkspaceMetadataError.badURL(baseURL.absoluteString + "/" + path) }
        let response = try await transport.send(
            HTTPRequest(method: "GET", url: url, headers: ["Authorization": "Bearer \(apiKey)", "Accept": "application/json"]))
        guard response.status == 200 else {
            throw WorkspaceMetadataError.status(url.path, response.status, String(decoding: response.body.prefix(300), as: UTF8.self))
        }
        do {
            return try JSONValue(parsing: response.body)
        } catch {
            throw WorkspaceMetadataError.unreadable(url.path, "\(error)")
        }
    }

    static func array(_ value: JSONValue) -> [JSONValue] {
        if case .array(let items) = value { return items }
        return []
    }

    /// `{"data":{"objects":[...]}}` (also a bare `objects` array): active objects, their fields, the relation sides.
    public static func objects(fromMetadata json: JSONValue) throws -> [ObjectDescription] {
        let list = json["data"]?["objects"] ?? json["objects"] ?? json["data"] ?? json
        let items = array(list)
        guard !items.isEmpty else { throw WorkspaceMetadataError.unreadable("/rest/metadata/objects", "no objects in the answer") }
        return items.compactMap { item -> ObjectDescription? in
            guard item["isActive"] != .bool(false), let singular = item["nameSingular"]?.stringValue else { return nil }
            let fields = array(item["fields"] ?? .array([])).compactMap(field(from:))
            return ObjectDescription(
                nameSingular: singular, namePlural: item["namePlural"]?.stringValue ?? singular + "s",
                labelSingular: item["labelSingular"]?.stringValue ?? singular,
                labelPlural: item["labelPlural"]?.stringValue ?? singular, isCustom: item["isCustom"] == .bool(true),
                fields: fields)
        }
    }

    static func field(from item: JSONValue) -> FieldDescription? {
        guard item["isActive"] != .bool(false), let name = item["name"]?.stringValue,
            let type = item["type"]?.stringValue.flatMap(FieldType.init(rawValue:))
        else { return nil }
        let options: [SelectOption]? = item["options"].map(array)?.enumerated().compactMap { index, option in
            guard let value = option["value"]?.stringValue else { return nil }
            return SelectOption(
                value: value, label: option["label"]?.stringValue ?? value, color: option["color"]?.stringValue ?? "gray",
                position: number(option["position"]) ?? index)
        }
        var relation: RelationDescription?
        if type == .relation {
            let settings = item["settings"]
            let kindText = item["relation"]?["type"]?.stringValue ?? settings?["relationType"]?.stringValue ?? "MANY_TO_ONE"
            let kind = RelationDescription.Kind(rawValue: kindText) ?? .manyToOne
            let target = item["relation"]?["targetObjectMetadata"]?["nameSingular"]?.stringValue
                ?? item["relationTargetObjectMetadata"]?["nameSingular"]?.stringValue ?? ""
            let join = settings?["joinColumnName"]?.stringValue ?? (kind == .manyToOne ? name + "Id" : nil)
            relation = RelationDescription(kind: kind, targetObject: target, joinColumn: join)
        }
        let defaultValue: String? = item["defaultValue"].flatMap { value in
            if case .null = value { return nil }
            return value.stringValue ?? value.canonicalText
        }
        return FieldDescription(
            name: name, label: item["label"]?.stringValue ?? name, type: type,
            isNullable: item["isNullable"] != .bool(false), isUnique: item["isUnique"] == .bool(true),
            isSystem: item["isSystem"] == .bool(true), defaultValue: defaultValue, options: options, relation: relation)
    }

    static func number(_ value: JSONValue?) -> Int? {
        switch value {
        case .integer(let n)?: Int(n)
        case .number(let n)?: Int(n)
        default: nil
        }
    }
}

public enum WorkspaceMetadataError: Error, CustomStringConvertible, Sendable {
    case badURL(String)
    case status(String, Int, String)
    case unreadable(String, String)

    public var description: String {
        switch self {
        case .badURL(let url): "\(url) is not a valid workspace URL"
        case .status(let path, let status, let body):
            "the workspace answered \(status) to GET \(path)\(status == 401 ? " (is the API key right?)" : ""): \(body)"
        case .unreadable(let path, let reason): "cannot read the workspace's answer to GET \(path): \(reason)"
        }
    }
}
