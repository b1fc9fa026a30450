import CanonicalJSON
import TwentyModel

/// An object with its fields, indexed for the write and query paths.
///
/// A class: the write path hands it around per record, and copying a struct of this many references cost a
/// retain and a release each.
final class ObjectModel: Sendable {
    let metadata: ObjectMetadata
    let fields: [FieldMetadata]
    let fieldsByName: [String: FieldMetadata]
    /// Join column (`companyId`) -> its many-to-one relation field.
    let fieldsByJoinColumn: [String: FieldMetadata]
    /// Field names and join columns together, for checking and applying a record body.
    let writableKeys: [String: WritableKey]
    /// Active, stored fields in name order: what every record body carries.
    let storedFields: [FieldMetadata]
    let uniqueFields: [FieldMetadata]
    /// The members of a record body in canonical order with their defaults: the slots of every `StoredRecord`
    /// of the object. Computed once per schema load, not per record.
    let layout: RecordLayout
    /// Fields a record must hold a non-null value in.
    let requiredFieldNames: [String]

    init(metadata: ObjectMetadata, fields: [FieldMetadata]) {
        self.metadata = metadata
        table = metadata.recordTable
        let sortedFields = fields.sorted { $0.name < $1.name }
        self.fields = sortedFields
        var byName: [String: FieldMetadata] = [:]
        var byJoin: [String: FieldMetadata] = [:]
        for field in fields {
            byName[field.name] = field
            if field.type == .relation, field.relation?.type == .manyToOne, let key = field.storageKey {
                byJoin[key] = field
            }
        }
        fieldsByName = byName
        fieldsByJoinColumn = byJoin
        let stored = sortedFields.filter { $0.storageKey != nil && $0.type != .tsVector }
        storedFields = stored
        uniqueFields = sortedFields.filter { $0.isUnique && $0.uniquePath != nil && $0.name != "id" }
        var defaults: [String: JSONValue] = [:]
        for field in stored where field.type != .relation { defaults[field.name] = field.recordDefault }
        for key in byJoin.keys { defaults[key] = .null }
        var composites: [String: CanonicalMembers] = [:]
        for field in stored { if let shape = CompositeShape.of(field.type) { composites[field.name] = shape.layout } }
        let layout = RecordLayout(defaults: defaults, composites: composites)
        self.layout = layout
        var keys = byName.mapValues { WritableKey.field(FieldReference($0, slot: layout.slot($0.name))) }
        for (column, field) in byJoin { keys[column] = .joinColumn(FieldReference(field, slot: layout.slot(column))) }
        writableKeys = keys
        requiredFieldNames = stored.filter { !$0.isNullable && !$0.isSystem && $0.type != .relation }.map(\.name)
    }

    var name: String { metadata.nameSingular }
    let table: String
    /// `workspaceMember` records are only written by the workspace itself (invitations), never by the API.
    var isReadOnly: Bool { metadata.nameSingular == "workspaceMember" }
}

/// The whole workspace schema, rebuilt from the metadata tables after every metadata change.
struct Schema: Sendable {
    let objects: [ObjectModel]
    private let byPlural: [String: Int]
    private let bySingular: [String: Int]
    private let byId: [String: Int]

    init(objects: [ObjectModel]) {
        self.objects = objects.sorted { $0.name < $1.name }
        var plural: [String: Int] = [:]
        var singular: [String: Int] = [:]
        var ids: [String: Int] = [:]
        for (index, object) in self.objects.enumerated() {
            plural[object.metadata.namePlural] = index
            singular[object.metadata.nameSingular] = index
            ids[object.metadata.id] = index
        }
        byPlural = plural
        bySingular = singular
        byId = ids
    }

    func object(plural: String) -> ObjectModel? { byPlural[plural].map { objects[$0] } }
    func object(singular: String) -> ObjectModel? { bySingular[singular].map { objects[$0] } }
    func object(id: String) -> ObjectModel? { byId[id].map { objects[$0] } }

    func field(id: String) -> (ObjectModel, FieldMetadata)? {
        for object in objects { if let field = object.fields.first(where: { $0.id == id }) { return (object, field) } }
        return nil
    }

    /// The records API answers only for active objects named by their plural; a singular name gets Twenty's hint
    /// (`S/engine/api/rest/core/query-builder/core-query-builder.factory.ts`, `getObjectMetadata`).
    func recordObject(plural: String) throws -> ObjectModel {
        if let object = object(plural: plural), object.metadata.isActive { return object }
        if let wrong = object(singular: plural), wrong.metadata.isActive {
            throw SandboxError.badRequest("object '\(plural)' not found. Did you mean '\(wrong.metadata.namePlural)'?")
        }
        throw SandboxError.badRequest("object '\(plural)' not found. eg: companies")
    }

    /// Many-to-one fields anywhere in the workspace that point at `object`: what a destroy must nullify or cascade.
    func relations(pointingAt object: ObjectModel) -> [(ObjectModel, FieldMetadata)] {
        objects.flatMap { source in
            source.fields.compactMap { field in
                field.relation?.type == .manyToOne && field.relation?.targetObjectMetadataId == object.metadata.id
                    ? (source, field) : nil
            }
        }
    }
}
