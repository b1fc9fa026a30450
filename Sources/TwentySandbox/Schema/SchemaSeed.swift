import CanonicalJSON
import TwentyModel

/// The metadata of a fresh workspace, made from `StandardObjects.catalog(version)`, and the pieces custom
/// objects and relations are built from.
///
/// Standard ids are derived from the workspace's id and the names, and stamped with a fixed date: a workspace
/// keeps its digest across restarts and resets, while two workspaces have different metadata ids, as two real
/// Twenty workspaces do (a project is bound to one workspace by them).
enum SchemaSeed {
    static let standardDate = "2024-01-01T00:00:00.000Z"

    /// Objects whose many-to-one links are owned by their parent: destroying the parent destroys them, as
    /// Twenty's `onDelete: CASCADE` on task/note targets and attachments does.
    static let cascadingObjects: Set<String> = ["taskTarget", "noteTarget", "attachment", "timelineActivity"]

    static func standard(_ version: TwentyVersion, workspace: String) -> (
        objects: [ObjectMetadata], fields: [FieldMetadata]
    ) {
        // Timeline activities are creatable through the API on v2 servers only (see `TimelineActivityObject`).
        let catalog = StandardObjects.catalog(version) + (version == .v2 ? [TimelineActivityObject.description] : [])
        var objects: [ObjectMetadata] = []
        var fields: [FieldMetadata] = []
        var idBySingular: [String: String] = [:]
        for description in catalog {
            let id = Identifier.stable("\(workspace)object:\(description.nameSingular)")
            idBySingular[description.nameSingular] = id
            objects.append(
                ObjectMetadata(
                    id: id, nameSingular: description.nameSingular, namePlural: description.namePlural,
                    labelSingular: description.labelSingular, labelPlural: description.labelPlural, description: nil,
                    icon: nil, isCustom: false, isActive: true, isSystem: description.nameSingular == "workspaceMember",
                    createdAt: standardDate, updatedAt: standardDate, labelIdentifierFieldMetadataId: nil))
        }
        for description in catalog {
            let objectId = idBySingular[description.nameSingular]!
            for field in description.fields where field.type != .relation {
                fields.append(
                    scalarField(
                        id: Identifier.stable("\(workspace)field:\(description.nameSingular).\(field.name)"),
                        objectId: objectId,
                        description: field, isCustom: false, date: standardDate))
            }
        }
        // Relations last, so each many-to-one side can add its one-to-many inverse to the target.
        for description in catalog {
            for field in description.fields where field.type == .relation {
                guard let relation = field.relation, let targetId = idBySingular[relation.targetObject] else {
                    continue
                }
                let source = objects.first { $0.nameSingular == description.nameSingular }!
                let target = objects.first { $0.id == targetId }!
                let inverseName = inverseFieldName(
                    source: source, relationName: field.name, existing: fields, on: targetId)
                let pair = relationPair(
                    source: source, name: field.name, label: field.label, target: target, inverseName: inverseName,
                    inverseLabel: source.labelPlural, isCustom: false, date: standardDate, stableIds: workspace)
                fields += [pair.0, pair.1]
            }
        }
        return (objects, fields)
    }

    static func scalarField(
        id: String, objectId: String, description: FieldDescription, isCustom: Bool, date: String
    ) -> FieldMetadata {
        let defaultValue: JSONValue? =
            switch description.defaultValue {
            case .none: nil
            case "true": .bool(true)
            case "false": .bool(false)
            case .some(let text): .string(text)
            }
        return FieldMetadata(
            id: id, objectMetadataId: objectId, name: description.name, label: description.label,
            type: description.type, description: nil, icon: nil, isCustom: isCustom, isActive: true,
            isSystem: description.isSystem, isNullable: description.isNullable, isUnique: description.isUnique,
            defaultValue: defaultValue,
            options: description.options?.map {
                FieldOption(
                    id: Identifier.stable("option:\(objectId).\(description.name).\($0.value)"), value: $0.value,
                    label: $0.label, color: $0.color, position: $0.position)
            }, settings: nil, relation: nil, createdAt: date, updatedAt: date)
    }

    /// A many-to-one field on `source` (join column `<name>Id`) and its one-to-many inverse on `target`.
    static func relationPair(
        source: ObjectMetadata, name: String, label: String, target: ObjectMetadata, inverseName: String,
        inverseLabel: String, isCustom: Bool, date: String, stableIds workspace: String?
    ) -> (FieldMetadata, FieldMetadata) {
        // Standard relations get ids derived from the workspace and names; ones created later, random ids.
        let forwardId =
            workspace.map { Identifier.stable("\($0)field:\(source.nameSingular).\(name)") } ?? Identifier.random()
        let inverseId =
            workspace.map { Identifier.stable("\($0)field:\(target.nameSingular).\(inverseName)") }
            ?? Identifier.random()
        let joinColumn = name + "Id"
        let onDelete = cascadingObjects.contains(source.nameSingular) ? "CASCADE" : "SET_NULL"
        let forward = FieldMetadata(
            id: forwardId, objectMetadataId: source.id, name: name, label: label, type: .relation, description: nil,
            icon: nil, isCustom: isCustom, isActive: true, isSystem: false, isNullable: true, isUnique: false,
            defaultValue: nil, options: nil,
            settings: [
                "relationType": "MANY_TO_ONE", "joinColumnName": .string(joinColumn), "onDelete": .string(onDelete),
            ],
            relation: RelationLink(
                type: .manyToOne, targetObjectMetadataId: target.id, targetFieldMetadataId: inverseId,
                joinColumnName: joinColumn, onDelete: onDelete),
            createdAt: date, updatedAt: date)
        let inverse = FieldMetadata(
            id: inverseId, objectMetadataId: target.id, name: inverseName, label: inverseLabel, type: .relation,
            description: nil, icon: nil, isCustom: isCustom, isActive: true, isSystem: false, isNullable: true,
            isUnique: false, defaultValue: nil, options: nil, settings: ["relationType": "ONE_TO_MANY"],
            relation: RelationLink(
                type: .oneToMany, targetObjectMetadataId: source.id, targetFieldMetadataId: forwardId,
                joinColumnName: nil, onDelete: nil),
            createdAt: date, updatedAt: date)
        return (forward, inverse)
    }

    /// Twenty names an inverse after the source's plural (`company.people`), or after the relation when that
    /// is taken (`person.pointOfContactForOpportunities`).
    static func inverseFieldName(
        source: ObjectMetadata, relationName: String, existing: [FieldMetadata], on targetId: String
    )
        -> String
    {
        let taken = Set(existing.filter { $0.objectMetadataId == targetId }.map(\.name))
        if !taken.contains(source.namePlural) { return source.namePlural }
        return relationName + "For" + source.namePlural.capitalizedFirst
    }

    /// The relations a new custom object gets automatically: task and note targets, attachments and (v2)
    /// timeline activities point at it (`target<Object>Id` in v2, `<object>Id` in v1; TWENTY_API.md sections 4 and 5).
    static func automaticRelations(
        for object: ObjectMetadata, in objects: [ObjectMetadata], existing: [FieldMetadata], version: TwentyVersion,
        date: String
    ) -> [FieldMetadata] {
        var fields: [FieldMetadata] = []
        for ownerName in ["taskTarget", "noteTarget", "attachment", TimelineActivityObject.nameSingular] {
            guard let owner = objects.first(where: { $0.nameSingular == ownerName }) else { continue }
            let name = version == .v1 ? object.nameSingular : "target" + object.nameSingular.capitalizedFirst
            let pair = relationPair(
                source: owner, name: name, label: object.labelSingular, target: object, inverseName: owner.namePlural,
                inverseLabel: owner.labelPlural, isCustom: true, date: date, stableIds: nil)
            fields += [pair.0, pair.1]
        }
        return fields
    }
}
