import CanonicalJSON
import FieldMap
import Ledger
import TwentyModel

/// Works out the schema a confirmed map needs against what a workspace has: custom objects, junction objects and
/// their two relations, the source-id field on every migrated object, the map's new fields, and the select options
/// its value maps add. What exists with the right type is left exactly as it is, so planning again after a run
/// finds nothing to do.
public struct SchemaPlanner {
    public let map: FieldMap
    public let schema: WorkspaceSchema

    public init(map: FieldMap, schema: WorkspaceSchema) {
        self.map = map
        self.schema = schema
    }

    /// The field every migrated object carries with the source record's id, so people and reconciliation can trace
    /// each record to the export (the transform writes it).
    public static let sourceIdField = "allegoryId"

    public func plan() -> SchemaPlan {
        var plan = SchemaPlan(changes: [], present: [], problems: [])
        var objects: [PlannedChange] = []
        var fields: [PlannedChange] = []
        var relations: [PlannedChange] = []
        var options: [PlannedChange] = []
        var planned = Set<String>()  // object.field already planned or present
        let migrated = map.objects.filter { $0.disposition != .skip }
        let sourcesPerTarget = Dictionary(grouping: migrated, by: \.target).mapValues(\.count)
        let creating = Set(migrated.compactMap { $0.createdObject?.nameSingular })

        // Objects.
        for object in migrated {
            if let created = object.createdObject {
                guard schema.objects[created.nameSingular] == nil, !planned.contains(created.nameSingular) else {
                    if planned.insert(created.nameSingular).inserted { plan.present.append(created.nameSingular) }
                    continue
                }
                planned.insert(created.nameSingular)
                objects.append(Self.createObject(created))
            } else if schema.objects[object.target] == nil {
                plan.problems.append(
                    SchemaProblem(
                        sourceObject: object.source, column: nil,
                        message: "the map writes it to the object \(object.target), which this workspace does not have",
                        fix:
                            "map it to an object the workspace has (`target`), or create it: `disposition: newObject` with"
                            + " `newObject: {nameSingular, namePlural, labelSingular, labelPlural}`"))
            }
        }
        func exists(_ object: String) -> Bool { schema.objects[object] != nil || creating.contains(object) }

        // The source-id field, unique where one source object alone feeds the Twenty object (two files feeding one
        // object can use the same ids, and a unique field would refuse the second).
        for object in migrated where exists(object.target) {
            let key = "\(object.target).\(Self.sourceIdField)"
            guard !planned.contains(key) else { continue }
            planned.insert(key)
            if let field = schema.field(object.target, Self.sourceIdField) {
                if field.type == FieldType.text.rawValue {
                    plan.present.append(key)
                } else {
                    plan.problems.append(
                        SchemaProblem(
                            sourceObject: object.source, column: object.key,
                            message: "\(key) exists as \(field.type), not TEXT; the source ids cannot be stored in it",
                            fix: nil))
                }
                continue
            }
            let unique = sourcesPerTarget[object.target] == 1
            fields.append(
                Self.createField(
                    object.target,
                    NewField(name: Self.sourceIdField, label: "Allegory ID", type: .text), unique: unique))
        }

        // Where `invalidPhone: keepAsText` puts a number no phone rule reads, on every object with a phone column.
        if map.policies.invalidPhone == .keepAsText {
            let name = map.policies.invalidPhoneField
            for object in migrated
            where exists(object.target) && object.fields.contains(where: { $0.transform == .phone }) {
                let key = "\(object.target).\(name)"
                guard planned.insert(key).inserted else { continue }
                if let field = schema.field(object.target, name) {
                    if field.type == FieldType.text.rawValue {
                        plan.present.append(key)
                    } else {
                        plan.problems.append(
                            SchemaProblem(
                                sourceObject: object.source, column: nil,
                                message:
                                    "\(key) exists as \(field.type); unreadable phone numbers are kept there as text",
                                fix: "name another field in `policies.invalidPhoneField`"))
                    }
                    continue
                }
                fields.append(
                    Self.createField(
                        object.target, NewField(name: name, label: "Phone (as exported)", type: .text), unique: false))
            }
        }

        // The map's new fields, and the standard fields it relies on.
        for object in migrated where exists(object.target) {
            for mapping in object.fields where mapping.transform != .skip {
                guard let fieldName = mapping.targetField, fieldName != Self.sourceIdField else { continue }
                var key = "\(object.target).\(fieldName)"
                if let newField = mapping.newField {
                    // A relation's target is its join column (`companyId`); the field created is the relation.
                    key = "\(object.target).\(newField.name)"
                    guard !planned.contains(key) else { continue }
                    planned.insert(key)
                    if let existing = schema.field(object.target, newField.name) {
                        if Self.sameType(existing.type, newField.type) {
                            plan.present.append(key)
                            if let change = optionsChange(object.target, existing, adding: mapping.values) {
                                options.append(change)
                            }
                        } else {
                            plan.problems.append(
                                SchemaProblem(
                                    sourceObject: object.source, column: mapping.column,
                                    message: "\(key) exists as \(existing.type), but the map creates it as"
                                        + " \(newField.type.rawValue)",
                                    fix: "give `newField.name` another name, or map the column to the existing field"
                                        + " with a transform for \(existing.type)"))
                        }
                        continue
                    }
                    var field = newField
                    field.options = Self.withAddedOptions(field.options, mapping.values)
                    if field.type == .relation {
                        guard let target = field.relationTarget, exists(target) else {
                            plan.problems.append(
                                SchemaProblem(
                                    sourceObject: object.source, column: mapping.column,
                                    message: "the new relation \(key) points at \(field.relationTarget ?? "no object"),"
                                        + " which neither the workspace nor the map has",
                                    fix: "set `newField.relationTarget` to an object the workspace has"))
                            continue
                        }
                        relations.append(Self.createRelation(object.target, field, labelOnTarget: object.source))
                    } else {
                        fields.append(Self.createField(object.target, field, unique: false))
                    }
                } else if mapping.transform == .reference || mapping.transform == .owner {
                    // A join column (`companyId`) is written through its relation field.
                    guard schema.objects[object.target] != nil,
                        schema.relation(object.target, joinColumn: fieldName) == nil,
                        schema.field(object.target, fieldName) == nil
                    else { continue }
                    plan.problems.append(
                        SchemaProblem(
                            sourceObject: object.source, column: mapping.column,
                            message:
                                "\(object.target) has no relation with the join column \(fieldName) in this workspace",
                            fix: nil))
                } else if schema.objects[object.target] != nil {
                    guard let existing = schema.field(object.target, fieldName) else {
                        plan.problems.append(missingStandardField(object, mapping, fieldName))
                        continue
                    }
                    guard mapping.values.contains(where: \.isNew), planned.insert("\(key)#options").inserted else {
                        continue
                    }
                    if let change = optionsChange(object.target, existing, adding: mapping.values) {
                        options.append(change)
                    } else {
                        plan.present.append("\(key) options")
                    }
                }
            }
        }

        // Junction objects: two many-to-one relations, one to each joined object.
        for object in migrated {
            guard case .junction(let junction) = object.disposition else { continue }
            for end in [junction.first, junction.second] {
                let key = "\(junction.object.nameSingular).\(end.field)"
                guard !planned.contains(key) else { continue }
                planned.insert(key)
                guard let endTarget = map.object(source: end.sourceObject)?.target, exists(endTarget) else {
                    plan.problems.append(
                        SchemaProblem(
                            sourceObject: object.source, column: end.column,
                            message: "the junction's end \(end.field) joins \(end.sourceObject), which the map does"
                                + " not migrate to an object this workspace has",
                            fix: nil))
                    continue
                }
                if schema.field(junction.object.nameSingular, end.field) != nil {
                    plan.present.append(key)
                    continue
                }
                let field = NewField(
                    name: end.field, label: end.field.prefix(1).uppercased() + end.field.dropFirst(), type: .relation,
                    relationTarget: endTarget)
                relations.append(Self.createRelation(junction.object.nameSingular, field, labelOnTarget: object.source))
            }
        }

        plan.changes = objects + fields + relations + options
        return plan
    }

    // MARK: Changes

    static func createObject(_ object: NewObject) -> PlannedChange {
        PlannedChange(
            change: SchemaChange(
                op: .createObject, object: object.nameSingular,
                definition: [
                    "nameSingular": .string(object.nameSingular), "namePlural": .string(object.namePlural),
                    "labelSingular": .string(object.labelSingular), "labelPlural": .string(object.labelPlural),
                    "icon": "IconBox",
                ]),
            inverse: SchemaChange(op: .deleteObject, object: object.nameSingular),
            summary: "create object \(object.nameSingular) (\(object.labelPlural))")
    }

    static func createField(_ object: String, _ field: NewField, unique: Bool) -> PlannedChange {
        var definition: [String: JSONValue] = [
            "type": .string(field.type.rawValue), "name": .string(field.name), "label": .string(field.label),
            "isNullable": true,
        ]
        if unique { definition["isUnique"] = true }
        if !field.options.isEmpty { definition["options"] = .array(field.options.map(Self.optionJSON)) }
        return PlannedChange(
            change: SchemaChange(op: .createField, object: object, field: field.name, definition: .object(definition)),
            inverse: SchemaChange(op: .deleteField, object: object, field: field.name),
            summary: "create field \(object).\(field.name) (\(field.type.rawValue)\(unique ? ", unique" : "")"
                + (field.options.isEmpty ? "" : ", \(field.options.count) options") + ")")
    }

    /// A many-to-one relation from `object` to `field.relationTarget`; Twenty adds the one-to-many side on the
    /// target, labelled after the source object.
    static func createRelation(_ object: String, _ field: NewField, labelOnTarget: String) -> PlannedChange {
        let target = field.relationTarget ?? ""
        let definition: JSONValue = [
            "type": "RELATION", "name": .string(field.name), "label": .string(field.label), "isNullable": true,
            "relationCreationPayload": [
                "targetObject": .string(target), "type": "MANY_TO_ONE",
                "targetFieldLabel": .string(labelOnTarget.prefix(1).uppercased() + labelOnTarget.dropFirst()),
                "targetFieldIcon": "IconLink",
            ],
        ]
        return PlannedChange(
            change: SchemaChange(op: .createField, object: object, field: field.name, definition: definition),
            inverse: SchemaChange(op: .deleteField, object: object, field: field.name),
            summary: "create relation \(object).\(field.name) -> \(target)")
    }

    /// Appends the options a value map adds that the field lacks, keeping every existing option exactly (id,
    /// label, colour, position): an update replaces the list, and options left out are deleted with their values.
    func optionsChange(_ object: String, _ field: WorkspaceSchema.Field, adding values: [ValueMapping])
        -> PlannedChange?
    {
        guard field.type == FieldType.select.rawValue || field.type == FieldType.multiSelect.rawValue else {
            return nil
        }
        var have = Set(field.optionValues)
        var added: [JSONValue] = []
        let top = field.options.compactMap { $0["position"]?.numberValue }.max().map { Int($0) } ?? -1
        for value in values where value.isNew && have.insert(value.target).inserted {
            let option = SelectOption(
                value: value.target, label: value.source, color: Self.colors[added.count % Self.colors.count],
                position: top + 1 + added.count)
            added.append(Self.optionJSON(option))
        }
        guard !added.isEmpty else { return nil }
        let addedNames = added.compactMap { $0["value"]?.stringValue }.joined(separator: ", ")
        return PlannedChange(
            change: SchemaChange(
                op: .updateField, object: object, field: field.name, metadataId: field.id,
                definition: ["options": .array(field.options + added)]),
            inverse: SchemaChange(
                op: .updateField, object: object, field: field.name, metadataId: field.id,
                definition: ["options": .array(field.options)]),
            summary: "add options \(addedNames) to \(object).\(field.name) (keeping its \(field.options.count))")
    }

    func missingStandardField(_ object: ObjectMap, _ mapping: FieldMapping, _ fieldName: String) -> SchemaProblem {
        let standard = StandardObjects.object(named: object.target, map.twenty.version)?.field(named: fieldName)
        let fix = standard.map { field in
            "keep `target: \(mapping.target ?? fieldName)` and add `newField: {name: \(field.name), label: \"\(field.label)\","
                + " type: \(field.type.rawValue)}` so prepare creates it as a custom field"
        }
        return SchemaProblem(
            sourceObject: object.source, column: mapping.column,
            message: "the map writes \(object.target).\(fieldName), which this workspace does not have"
                + (standard != nil
                    ? " (a standard field on other versions: since v2.9 some are custom and absent from"
                        + " new workspaces)" : ""),
            fix: fix ?? "map the column to a field the workspace has, or add a `newField` for it")
    }

    static func withAddedOptions(_ options: [SelectOption], _ values: [ValueMapping]) -> [SelectOption] {
        var result = options
        var have = Set(options.map(\.value))
        for value in values where have.insert(value.target).inserted {
            result.append(SelectOption(value: value.target, label: value.source, position: result.count))
        }
        return result
    }

    static func sameType(_ workspaceType: String, _ type: FieldType) -> Bool {
        workspaceType == type.rawValue || (type == .richTextV2 && workspaceType == "RICH_TEXT")
    }

    static let colors = ["blue", "green", "orange", "purple", "turquoise", "sky", "yellow", "pink", "red", "gray"]

    static func optionJSON(_ option: SelectOption) -> JSONValue {
        [
            "value": .string(option.value), "label": .string(option.label), "color": .string(option.color),
            "position": .integer(Int64(option.position)),
        ]
    }
}
