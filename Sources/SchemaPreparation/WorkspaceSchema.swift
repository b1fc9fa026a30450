import CanonicalJSON

/// A workspace's data model as `GET /rest/metadata/objects` states it, with what preparing it needs and the
/// field map's model leaves out: the metadata ids that changes address, and each option list exactly as Twenty
/// holds it (ids, colours, positions), since an option update replaces the whole list.
public struct WorkspaceSchema: Sendable {
    public struct Object: Sendable {
        public var id: String
        public var nameSingular: String
        public var namePlural: String
        public var isCustom: Bool
        public var fields: [String: Field]
    }

    public struct Field: Sendable {
        public var id: String
        public var name: String
        /// The type as the workspace spells it (`RICH_TEXT` and `RICH_TEXT_V2` both occur).
        public var type: String
        public var isUnique: Bool
        /// The option list verbatim, for SELECT and MULTI_SELECT.
        public var options: [JSONValue]
        /// For a relation: the object at the other end, and the join column of a many-to-one side.
        public var relationTarget: String?
        public var joinColumn: String?

        public var optionValues: [String] { options.compactMap { $0["value"]?.stringValue } }
    }

    /// Active objects by `nameSingular`.
    public var objects: [String: Object]

    public init(metadata json: JSONValue) {
        let list = json["data"]?["objects"] ?? json["objects"] ?? json["data"] ?? json
        var objects: [String: Object] = [:]
        for item in list.items where item["isActive"] != .bool(false) {
            guard let id = item["id"]?.stringValue, let singular = item["nameSingular"]?.stringValue else { continue }
            var fields: [String: Field] = [:]
            for field in (item["fields"] ?? .array([])).items where field["isActive"] != .bool(false) {
                guard let fieldId = field["id"]?.stringValue, let name = field["name"]?.stringValue else { continue }
                let type = field["type"]?.stringValue ?? ""
                let relationTarget =
                    field["relation"]?["targetObjectMetadata"]?["nameSingular"]?.stringValue
                    ?? field["relationTargetObjectMetadata"]?["nameSingular"]?.stringValue
                let join =
                    field["settings"]?["joinColumnName"]?.stringValue
                    ?? (type == "RELATION" && field["relation"]?["type"]?.stringValue != "ONE_TO_MANY"
                        ? name + "Id" : nil)
                fields[name] = Field(
                    id: fieldId, name: name, type: type, isUnique: field["isUnique"] == .bool(true),
                    options: field["options"]?.arrayValue ?? [], relationTarget: relationTarget, joinColumn: join)
            }
            objects[singular] = Object(
                id: id, nameSingular: singular, namePlural: item["namePlural"]?.stringValue ?? singular + "s",
                isCustom: item["isCustom"] == .bool(true), fields: fields)
        }
        self.objects = objects
    }

    public func field(_ object: String, _ name: String) -> Field? { objects[object]?.fields[name] }

    /// The field whose join column is `column` (`companyId` is written through the `company` relation).
    public func relation(_ object: String, joinColumn column: String) -> Field? {
        objects[object]?.fields.values.first { $0.joinColumn == column }
    }

    /// A value only this workspace has: the metadata id of its `person` object, created with the workspace.
    public var fingerprint: String? { objects["person"]?.id }
}
