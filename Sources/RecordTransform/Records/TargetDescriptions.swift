import FieldMap
import TwentyModel

/// The Twenty object a map's records land in, as far as the map and the built-in catalogue describe it: a standard
/// object's fields plus the custom fields the map creates, or for a new custom object the fields the map creates.
enum TargetDescriptions {
    static func description(of map: ObjectMap, version: TwentyVersion) -> ObjectDescription? {
        let created = map.fields.compactMap(\.newField).map { FieldDescription(name: $0.name, label: $0.label, type: $0.type, options: $0.options) }
        switch map.disposition {
        case .existing:
            guard var standard = StandardObjects.object(named: map.target, version) else {
                return created.isEmpty ? nil : ObjectDescription(nameSingular: map.target, namePlural: map.target, labelSingular: map.target, labelPlural: map.target, isCustom: true, fields: created)
            }
            standard.fields += created.filter { standard.field(named: $0.name) == nil }
            return standard
        case .newObject(let object):
            return ObjectDescription(
                nameSingular: object.nameSingular, namePlural: object.namePlural, labelSingular: object.labelSingular,
                labelPlural: object.labelPlural, isCustom: true, fields: StandardObjects.systemFields + created)
        case .junction(let junction):
            let ends = [junction.first, junction.second].map { end in
                FieldDescription(
                    name: end.field, label: end.field, type: .relation,
                    relation: .init(kind: .manyToOne, targetObject: end.sourceObject, joinColumn: end.field + "Id"))
            }
            let object = junction.object
            return ObjectDescription(
                nameSingular: object.nameSingular, namePlural: object.namePlural, labelSingular: object.labelSingular,
                labelPlural: object.labelPlural, isCustom: true,
                fields: StandardObjects.systemFields + ends + created.filter { field in !ends.contains { $0.name == field.name } })
        case .skip:
            return nil
        }
    }
}
