import CanonicalJSON
import TwentyModel

/// Reads `GET /rest/metadata/objects` (`{"data":{"objects":[...]}}`, or a bare `objects` array): the active objects,
/// their fields with types, options, uniqueness and the relation sides.
public enum MetadataReader {
    /// The objects, each field's type as the workspace spelled it (for names that differ by version), and the fields
    /// the workspace marks custom (the model's field description does not carry that flag).
    public struct Reading: Sendable {
        public var objects: [ObjectDescription]
        public var rawTypes: [String: [String: String]]
        public var customFields: [String: [String]]
        /// Metadata id per object.
        public var objectIds: [String: String] = [:]
    }

    public static func read(_ json: JSONValue) throws -> Reading {
        let list = json["data"]?["objects"] ?? json["objects"] ?? json["data"] ?? json
        let items = list.items
        guard !items.isEmpty else { throw MetadataError("no objects in the answer to GET /rest/metadata/objects") }
        var reading = Reading(objects: [], rawTypes: [:], customFields: [:])
        for item in items {
            guard item["isActive"] != .bool(false), let singular = item["nameSingular"]?.stringValue else { continue }
            reading.objectIds[singular] = item["id"]?.stringValue
            let fieldItems = (item["fields"] ?? .array([])).items
            for field in fieldItems where field["isActive"] != .bool(false) {
                guard let name = field["name"]?.stringValue else { continue }
                if let type = field["type"]?.stringValue { reading.rawTypes[singular, default: [:]][name] = type }
                if field["isCustom"] == .bool(true) { reading.customFields[singular, default: []].append(name) }
            }
            reading.objects.append(
                ObjectDescription(
                    nameSingular: singular, namePlural: item["namePlural"]?.stringValue ?? singular + "s",
                    labelSingular: item["labelSingular"]?.stringValue ?? singular,
                    labelPlural: item["labelPlural"]?.stringValue ?? singular,
                    isCustom: item["isCustom"] == .bool(true), fields: fieldItems.compactMap(field(from:))))
        }
        return reading
    }

    /// Types the model does not know are left out; `RICH_TEXT` (v1.20 on) has `RICH_TEXT_V2`'s shape, so it is kept as
    /// that.
    static func fieldType(_ raw: String) -> FieldType? {
        raw == "RICH_TEXT" ? .richTextV2 : FieldType(rawValue: raw)
    }

    static func field(from item: JSONValue) -> FieldDescription? {
        guard item["isActive"] != .bool(false), let name = item["name"]?.stringValue,
            let type = item["type"]?.stringValue.flatMap(fieldType)
        else { return nil }
        let options: [SelectOption]? = item["options"].map(\.items)?.enumerated().compactMap { index, option in
            guard let value = option["value"]?.stringValue else { return nil }
            return SelectOption(
                value: value, label: option["label"]?.stringValue ?? value,
                color: option["color"]?.stringValue ?? "gray",
                position: option["position"]?.numberValue.map { Int($0) } ?? index)
        }
        var relation: RelationDescription?
        if type == .relation {
            let settings = item["settings"]
            let kindText =
                item["relation"]?["type"]?.stringValue ?? settings?["relationType"]?.stringValue ?? "MANY_TO_ONE"
            let kind = RelationDescription.Kind(rawValue: kindText) ?? .manyToOne
            let target =
                item["relation"]?["targetObjectMetadata"]?["nameSingular"]?.stringValue
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
}

/// An answer discovery could not read.
public struct MetadataError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
