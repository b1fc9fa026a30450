import CanonicalJSON
import TwentyModel

/// Creating, updating and deleting fields through the metadata API
/// (`S/engine/metadata-modules/field-metadata/services/field-metadata.service.ts` and, for relations,
/// `field-metadata-relation.service.ts`).
extension Workspace {
    static let creatableTypes: Set<FieldType> = [
        .text, .number, .numeric, .boolean, .date, .dateTime, .select, .multiSelect, .currency, .links, .emails,
        .phones, .address, .fullName, .relation, .rawJSON, .richTextV2, .files, .rating, .array, .uuid,
    ]

    func createField(_ body: JSONValue) throws -> FieldMetadata {
        guard case .object(let input) = body else { throw SandboxError.badRequest("The body must be a JSON object") }
        guard let objectId = input["objectMetadataId"]?.stringValue else {
            throw SandboxError.badRequest("objectMetadataId is required")
        }
        let object = try existingObject(objectId.lowercased())
        guard let typeName = input["type"]?.stringValue, let type = FieldType(rawValue: typeName) else {
            throw SandboxError.badRequest("Invalid field type \(input["type"]?.canonicalText ?? "null")")
        }
        guard Self.creatableTypes.contains(type) else {
            throw SandboxError.badRequest("Fields of type \(type.rawValue) cannot be created")
        }
        guard let name = input["name"]?.stringValue, let label = input["label"]?.stringValue else {
            throw SandboxError.badRequest("name and label are required")
        }
        try checkFreeName(name, on: object)
        let date = now()
        var field = FieldMetadata(
            id: Identifier.random(), objectMetadataId: object.metadata.id, name: name, label: label, type: type,
            description: input["description"]?.stringValue, icon: input["icon"]?.stringValue, isCustom: true,
            isActive: true, isSystem: false, isNullable: input["isNullable"] != .bool(false),
            isUnique: input["isUnique"] == .bool(true), defaultValue: nil, options: nil, settings: input["settings"],
            relation: nil, createdAt: date, updatedAt: date)
        if type == .select || type == .multiSelect {
            field.options = try Self.options(input["options"], previous: [])
        }
        if let defaultValue = input["defaultValue"], defaultValue != .null {
            field.defaultValue = defaultValue
            try checkDefault(field)
        }
        if !field.isNullable && field.defaultValue == nil && type != .relation {
            throw SandboxError.badRequest("A non-nullable field needs a default value")
        }
        var fields = [field]
        if type == .relation { fields = try relationFields(field, input["relationCreationPayload"], object: object) }
        try store.transaction {
            for new in fields { try store.save(new) }
            try applySchemaChange()
            for new in fields {
                guard let key = new.storageKey, let owner = schema.object(id: new.objectMetadataId) else { continue }
                let value = new.type == .relation ? JSONValue.null : new.recordDefault
                try rewriteRecords(owner) { values in
                    values[key] = value
                    return true
                }
            }
        }
        return try existingField(fields[0].id).1
    }

    /// A RELATION field and its other side on the target (`relationCreationPayload`: `targetObjectMetadataId`,
    /// `targetFieldLabel`, `targetFieldIcon`, `type` MANY_TO_ONE or ONE_TO_MANY). The many-to-one side holds
    /// the join column `<name>Id`.
    private func relationFields(_ field: FieldMetadata, _ payload: JSONValue?, object: ObjectModel) throws
        -> [FieldMetadata]
    {
        guard let payload, let targetId = payload["targetObjectMetadataId"]?.stringValue,
            let targetLabel = payload["targetFieldLabel"]?.stringValue,
            let kindName = payload["type"]?.stringValue, let kind = RelationDescription.Kind(rawValue: kindName)
        else {
            throw SandboxError.badRequest(
                "relationCreationPayload with targetObjectMetadataId, targetFieldLabel and type (MANY_TO_ONE or ONE_TO_MANY) is required"
            )
        }
        let target = try existingObject(targetId.lowercased())
        let targetName = MetadataName.camelCase(fromLabel: targetLabel)
        try checkFreeName(targetName, on: target)
        let (manyOwner, manyName, manyLabel, oneOwner, oneName, oneLabel) =
            kind == .manyToOne
            ? (object, field.name, field.label, target, targetName, targetLabel)
            : (target, targetName, targetLabel, object, field.name, field.label)
        var (forward, inverse) = SchemaSeed.relationPair(
            source: manyOwner.metadata, name: manyName, label: manyLabel, target: oneOwner.metadata,
            inverseName: oneName, inverseLabel: oneLabel, isCustom: true, date: field.createdAt, stableIds: nil)
        forward.description = kind == .manyToOne ? field.description : nil
        inverse.description = kind == .oneToMany ? field.description : nil
        forward.icon = kind == .manyToOne ? field.icon : payload["targetFieldIcon"]?.stringValue
        inverse.icon = kind == .oneToMany ? field.icon : payload["targetFieldIcon"]?.stringValue
        return kind == .manyToOne ? [forward, inverse] : [inverse, forward]
    }

    private func checkFreeName(_ name: String, on object: ObjectModel) throws {
        try Self.checkName(name, what: "field")
        if object.fieldsByName[name] != nil || object.fieldsByJoinColumn[name] != nil
            || object.fieldsByJoinColumn[name + "Id"] != nil
        {
            throw SandboxError.badRequest("Field \(name) already exists on \(object.name)")
        }
    }

    /// Options as sent, each value valid and distinct; options without an id get one, positions default to
    /// their order.
    static func options(_ value: JSONValue?, previous: [FieldOption]) throws -> [FieldOption] {
        guard case .array(let items)? = value, !items.isEmpty else {
            throw SandboxError.badRequest("Options are required for SELECT and MULTI_SELECT fields")
        }
        var seen = Set<String>()
        return try items.enumerated().map { index, item in
            guard let optionValue = item["value"]?.stringValue, let label = item["label"]?.stringValue else {
                throw SandboxError.badRequest("Each option needs a value and a label")
            }
            guard SelectOption.isValidValue(optionValue) else {
                throw SandboxError.badRequest("Option value \"\(optionValue)\" must match ^[_A-Za-z][_0-9A-Za-z]+$")
            }
            guard seen.insert(optionValue).inserted else {
                throw SandboxError.badRequest("Option value \"\(optionValue)\" is used twice")
            }
            let id = item["id"]?.stringValue ?? previous.first { $0.value == optionValue }?.id ?? Identifier.random()
            let position: Int
            switch item["position"] {
            case .integer(let p)?: position = Int(p)
            case .number(let p)?: position = Int(p)
            default: position = index
            }
            return FieldOption(
                id: id, value: optionValue, label: label, color: item["color"]?.stringValue ?? "gray",
                position: position)
        }
    }

    /// A SELECT default is a quoted option value (`'NEW'`); MULTI_SELECT a list of them.
    private func checkDefault(_ field: FieldMetadata) throws {
        guard field.type == .select || field.type == .multiSelect else { return }
        let values: [String]
        switch field.defaultValue {
        case .string(let text)?: values = [text]
        case .array(let items)?: values = items.compactMap(\.stringValue)
        default: values = []
        }
        for text in values {
            let bare =
                text.hasPrefix("'") && text.hasSuffix("'") && text.count >= 2
                ? String(text.dropFirst().dropLast()) : text
            guard field.options?.contains(where: { $0.value == bare }) ?? false else {
                throw SandboxError.badRequest("Default value \(text) is not one of the options of \(field.name)")
            }
        }
    }

    func updateField(_ id: String, _ body: JSONValue) throws -> FieldMetadata {
        var (object, field) = try existingField(id)
        let original = field
        guard case .object(let input) = body else { throw SandboxError.badRequest("The body must be a JSON object") }
        for (key, value) in input {
            switch (key, value) {
            case ("label", .string(let v)): field.label = v
            case ("description", _): field.description = value.stringValue
            case ("icon", _): field.icon = value.stringValue
            case ("isActive", .bool(let v)): field.isActive = v
            case ("isNullable", .bool(let v)): field.isNullable = v
            case ("isUnique", .bool(let v)): field.isUnique = v
            case ("defaultValue", _): field.defaultValue = value == .null ? nil : value
            case ("settings", _): field.settings = value == .null ? nil : value
            case ("options", _):
                guard field.type == .select || field.type == .multiSelect else {
                    throw SandboxError.badRequest("Only SELECT and MULTI_SELECT fields have options")
                }
                field.options = try Self.options(value, previous: field.options ?? [])
            case ("name", .string(let v)) where v != field.name:
                guard field.isCustom, field.type != .relation else {
                    throw SandboxError.badRequest("The name of a standard or relation field cannot be changed")
                }
                try checkFreeName(v, on: object)
                field.name = v
            case ("name", _): continue
            default: throw SandboxError.badRequest("Field metadata has no updatable property \"\(key)\"")
            }
        }
        try checkDefault(field)
        field.updatedAt = now()
        try store.transaction {
            if original.isUnique && !field.isUnique {
                try RecordTable(database: database, object: object).dropUniqueIndex(original)
            }
            try store.save(field)
            try applyOptionChange(from: original, to: field, in: object)
            if original.name != field.name {
                try rewriteRecords(object) { values in
                    values[field.name] = values.removeValue(forKey: original.name) ?? .null
                    return true
                }
            }
            try applySchemaChange()  // a new unique index is built here; duplicates make it fail with a 400
            object = try existingObject(object.metadata.id)
        }
        return try existingField(id).1
    }

    /// Options left out of a new list are deleted and their values are not kept in records: a SELECT value becomes
    /// the field's default when the field is non-nullable, else null; a MULTI_SELECT loses the value. An option
    /// whose value changed under the same id is renamed in records. Twenty rebuilds the enum column this way
    /// (`S/engine/workspace-manager/workspace-migration-runner/services/workspace-migration-enum.service.ts`,
    /// `migrateEnumValue`: renamed, else kept, else the default passed only for a non-nullable column, else null;
    /// TWENTY_API.md sections 5 and 11).
    private func applyOptionChange(from old: FieldMetadata, to new: FieldMetadata, in object: ObjectModel) throws {
        guard let before = old.options, let after = new.options, before != after else { return }
        let kept = Set(after.map(\.value))
        var renamed: [String: String] = [:]
        for option in before {
            if let successor = after.first(where: { $0.id == option.id }), successor.value != option.value {
                renamed[option.value] = successor.value
            }
        }
        let key = old.name
        func mapped(_ value: String) -> String? { renamed[value] ?? (kept.contains(value) ? value : nil) }
        let fallback: String? =
            new.isNullable ? nil : new.recordDefault.stringValue.flatMap { kept.contains($0) ? $0 : nil }
        try rewriteRecords(object) { values in
            switch values[key] {
            case .string(let value)?:
                let next = mapped(value) ?? fallback
                guard next != value else { return false }
                values[key] = next.map { .string($0) } ?? .null
                return true
            case .array(let items)?:
                let next = items.compactMap { $0.stringValue.flatMap(mapped) }.map { JSONValue.string($0) }
                guard next != items else { return false }
                values[key] = .array(next)
                return true
            default:
                return false
            }
        }
    }

    /// Deletes a custom field (both sides of a relation) and its values from every record.
    func deleteField(_ id: String) throws {
        let (object, field) = try existingField(id)
        guard field.isCustom else { throw SandboxError.badRequest("Standard fields cannot be deleted") }
        try store.transaction {
            if let link = field.relation, let (other, otherField) = schema.field(id: link.targetFieldMetadataId) {
                try removeField(otherField, from: other)
            }
            try removeField(field, from: try existingObject(object.metadata.id))
            try applySchemaChange()
        }
    }
}
