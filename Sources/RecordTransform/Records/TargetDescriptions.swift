import FieldMap
import TwentyModel

/// The Twenty object a map's records land in. With a workspace, the workspace's own object (its real field types win),
/// plus the fields the map creates that prepare has not created yet, as the map declares them. Without one (a review
/// with no connection, tests), as far as the map and the built-in catalogue describe it: a standard object's fields
/// plus the custom fields the map creates, or for a new custom object the fields the map creates.
enum TargetDescriptions {
    static func description(of map: ObjectMap, version: TwentyVersion, workspace: TransformWorkspace?)
        -> ObjectDescription?
    {
        let assumed = description(of: map, version: version)
        guard let workspace, var real = workspace.object(map.twentyObject) else {
            return assumed
        }
        let created = WorkspaceFit.createdFieldNames(map).union(junctionEnds(map))
        real.fields += (assumed?.fields ?? []).filter { created.contains($0.name) && real.field(named: $0.name) == nil }
        return real
    }

    /// A junction's two relations, which prepare creates with the junction object.
    static func junctionEnds(_ map: ObjectMap) -> Set<String> {
        guard case .junction(let junction) = map.disposition else { return [] }
        return [junction.first.field, junction.second.field]
    }

    static func description(of map: ObjectMap, version: TwentyVersion) -> ObjectDescription? {
        let created = map.fields.compactMap(\.newField).map {
            FieldDescription(name: $0.name, label: $0.label, type: $0.type, options: $0.options)
        }
        switch map.disposition {
        case .existing:
            guard var standard = StandardObjects.object(named: map.target, version) else {
                return created.isEmpty
                    ? nil
                    : ObjectDescription(
                        nameSingular: map.target, namePlural: map.target, labelSingular: map.target,
                        labelPlural: map.target, isCustom: true, fields: created)
            }
            standard.fields += created.filter { standard.field(named: $0.name) == nil }
            return standard
        case .newObject, .junction:
            // What Twenty gives every new custom object (FieldMap's `impliedFields`, which the map's validation uses
            // too), the two relations of a junction, then the fields the map creates.
            guard let object = map.createdObject else { return nil }
            var fields = object.impliedFields
            if case .junction(let junction) = map.disposition {
                fields += [junction.first, junction.second].map { end in
                    FieldDescription(
                        name: end.field, label: end.field, type: .relation,
                        relation: .init(kind: .manyToOne, targetObject: end.sourceObject, joinColumn: end.field + "Id"))
                }
            }
            fields += created.filter { field in !fields.contains { $0.name == field.name } }
            return ObjectDescription(
                nameSingular: object.nameSingular, namePlural: object.namePlural, labelSingular: object.labelSingular,
                labelPlural: object.labelPlural, isCustom: true, fields: fields)
        case .skip:
            return nil
        }
    }
}
