import CanonicalJSON
import TwentyModel

/// Creating, updating and deleting objects through the metadata API
/// (`S/engine/metadata-modules/object-metadata/object-metadata.service.ts`).
extension Workspace {
    /// A custom object gets the system fields, a `name` label field, and task/note targets and attachments
    /// pointing at it (TWENTY_API.md section 5).
    func createObject(_ body: JSONValue) throws -> ObjectModel {
        guard case .object(let input) = body else { throw SandboxError.badRequest("The body must be a JSON object") }
        func text(_ key: String, required: Bool = true) throws -> String? {
            guard let value = input[key], value != .null else {
                if required { throw SandboxError.badRequest("\(key) is required") }
                return nil
            }
            guard let text = value.stringValue else { throw SandboxError.badRequest("\(key) must be a string") }
            return text
        }
        let singular = try text("nameSingular")!
        let plural = try text("namePlural")!
        try Self.checkName(singular, what: "object")
        try Self.checkName(plural, what: "object")
        guard singular != plural else {
            throw SandboxError.badRequest("The singular and plural names of an object must differ")
        }
        for object in schema.objects {
            let names = [object.metadata.nameSingular, object.metadata.namePlural]
            if names.contains(singular) || names.contains(plural) {
                throw SandboxError.badRequest(
                    "An object with the name \(names.contains(singular) ? singular : plural) already exists")
            }
        }
        let date = now()
        let object = ObjectMetadata(
            id: Identifier.random(), nameSingular: singular, namePlural: plural,
            labelSingular: try text("labelSingular")!, labelPlural: try text("labelPlural")!,
            description: try text("description", required: false), icon: try text("icon", required: false),
            isCustom: true, isActive: true, isSystem: false, createdAt: date, updatedAt: date,
            labelIdentifierFieldMetadataId: nil)
        var fields = StandardObjects.systemFields.map {
            SchemaSeed.scalarField(
                id: Identifier.random(), objectId: object.id, description: $0, isCustom: false, date: date)
        }
        let name = SchemaSeed.scalarField(
            id: Identifier.random(), objectId: object.id,
            description: FieldDescription(name: "name", label: "Name", type: .text), isCustom: false, date: date)
        fields.append(name)
        var withLabel = object
        withLabel.labelIdentifierFieldMetadataId = name.id
        fields += SchemaSeed.automaticRelations(
            for: withLabel, in: schema.objects.map(\.metadata), existing: schema.objects.flatMap(\.fields),
            version: version, date: date)
        try store.transaction {
            try store.save(withLabel)
            for field in fields { try store.save(field) }
            try applySchemaChange()
            for owner in ["taskTarget", "noteTarget", "attachment"] {
                guard let ownerObject = schema.object(singular: owner) else { continue }
                let columns = fields.filter { $0.objectMetadataId == ownerObject.metadata.id }.compactMap(\.storageKey)
                try rewriteRecords(ownerObject) { values in
                    for column in columns { values[column] = .null }
                    return !columns.isEmpty
                }
            }
        }
        return try existingObject(object.id)
    }

    func updateObject(_ id: String, _ body: JSONValue) throws -> ObjectModel {
        var object = try existingObject(id).metadata
        guard case .object(let input) = body else { throw SandboxError.badRequest("The body must be a JSON object") }
        for (key, value) in input {
            switch (key, value) {
            case ("labelSingular", .string(let v)): object.labelSingular = v
            case ("labelPlural", .string(let v)): object.labelPlural = v
            case ("description", _): object.description = value.stringValue
            case ("icon", _): object.icon = value.stringValue
            case ("isActive", .bool(let v)): object.isActive = v
            case ("labelIdentifierFieldMetadataId", .string(let v)): object.labelIdentifierFieldMetadataId = v
            case ("nameSingular", .string(let v)), ("namePlural", .string(let v)):
                guard object.isCustom else {
                    throw SandboxError.badRequest("The names of a standard object cannot be changed")
                }
                try Self.checkName(v, what: "object")
                if let other = schema.object(singular: v) ?? schema.object(plural: v), other.metadata.id != id {
                    throw SandboxError.badRequest("An object with the name \(v) already exists")
                }
                if key == "nameSingular" { object.nameSingular = v } else { object.namePlural = v }
            default:
                throw SandboxError.badRequest("Object metadata has no updatable property \"\(key)\"")
            }
        }
        object.updatedAt = now()
        try store.transaction {
            try store.save(object)
            try applySchemaChange()
        }
        return try existingObject(id)
    }

    /// Only a custom object that was deactivated first can be deleted; its records go with it, and the relations
    /// pointing at it are removed from the other objects and their records.
    func deleteObject(_ id: String) throws {
        let object = try existingObject(id)
        guard object.metadata.isCustom else { throw SandboxError.badRequest("Standard objects cannot be deleted") }
        guard !object.metadata.isActive else {
            throw SandboxError.badRequest("Object must be deactivated (isActive: false) before it is deleted")
        }
        try store.transaction {
            for (source, field) in schema.relations(pointingAt: object) where source.metadata.id != id {
                try removeField(field, from: source)
            }
            // The one-to-many inverses other objects hold for this object's own many-to-one fields.
            for field in object.fields where field.relation?.type == .manyToOne {
                if let (target, inverse) = schema.field(id: field.relation!.targetFieldMetadataId),
                    target.metadata.id != id
                {
                    try removeField(inverse, from: target)
                }
            }
            try RecordTable(database: database, object: object).drop()
            try store.deleteObjectRow(id)
            try applySchemaChange()
        }
    }

    /// Reloads the schema and makes sure every record table and index exists.
    func applySchemaChange() throws {
        try reloadSchema()
        for object in schema.objects { try RecordTable(database: database, object: object).ensure() }
    }

    /// Deletes one field row and its values (a relation's join column) from the object's records.
    func removeField(_ field: FieldMetadata, from object: ObjectModel) throws {
        try store.deleteFieldRow(field.id)
        if field.isUnique { try RecordTable(database: database, object: object).dropUniqueIndex(field) }
        if field.relation?.type == .manyToOne {
            try database.execute("DROP INDEX IF EXISTS \"j_\(field.id.replacingOccurrences(of: "-", with: ""))\"")
        }
        if let key = field.storageKey {
            try rewriteRecords(object) { values in values.removeValue(forKey: key) != nil }
        }
    }
}
