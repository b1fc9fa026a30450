import Foundation
import TwentyModel
import Yams

/// Writes a ``FieldMap`` as map.yaml: a header telling a person how to edit and confirm it, then the map in a fixed
/// key order so a diff of two proposals reads line by line.
public enum MapYAMLWriter {
    public static func yaml(_ map: FieldMap, header: [String] = []) throws -> String {
        let body = try Yams.serialize(node: node(map), width: -1, allowUnicode: true, sortKeys: false)
        let comment = (header + guide).map { $0.isEmpty ? "#" : "# " + $0 }.joined(separator: "\n")
        return comment + "\n" + body
    }

    static let guide = [
        "",
        "How to edit: change any `target`, `transform`, value map or policy; set `target: null` and",
        "`transform: skip` to leave a column out; a `newField` is created in Twenty before records move.",
        "Select values must be among the field's options unless `isNew: true` (the option is then added).",
        "A parent of a type named per record (`Related ID`) has `target: null`, `transform: reference` and",
        "`references` naming the column that gives its type (`Related Type`): the link follows each record's type;",
        "its `values` say which object each type value stands for (`Contact` -> contacts).",
        "A reference whose values are names, emails or domains rather than ids says so with `matchBy: name`",
        "(`email`, `domain`): each value is looked up among the referenced records' names; a value matching none",
        "or several records is a link not written, recorded and reported (never dropped silently).",
        "Transforms: " + Transform.allCases.map(\.rawValue).joined(separator: ", ") + ".",
        "Policies: duplicates merge|skip|fail (for objects without their own onCollision); invalidPhone",
        "keepAsText|drop|reject;",
        "missingParent reject|dropLink; duplicateInExport keepFirst|rejectAll.",
        "missingParent is dropLink by default: a record whose parent is absent, rejected or ambiguous is still",
        "written, and each link left out is recorded (link.unresolved) and listed in reports/unresolved-links.csv to",
        "fix by hand; reject keeps such records out, which loses the records as well as the links.",
        "onCollision (per object) merge|skip|fail: what to do with a record whose unique value (email, domain) a",
        "record already in the workspace holds: merge updates that record with the fields we send (rollback restores",
        "them), skip leaves it as is and links children to it, fail refuses ours. A soft-deleted one always refuses.",
        "onConflict (per field) source|twenty: who wins when `crm-migrate delta` finds a field changed in the export",
        "and edited in Twenty since the migration wrote it; without it the edit in Twenty stays and is reported.",
        "Check it:   crm-migrate map review --project DIR   (sample values before and after transforming)",
        "Confirm it: crm-migrate map confirm --project DIR --by YOUR_NAME",
        "Nothing is written to Twenty until this exact file is confirmed; any later edit needs a new confirmation.",
        "",
    ]

    static func node(_ map: FieldMap) -> Node {
        var twenty: [(String, Node)] = [("version", text(map.twenty.version.rawValue))]
        if let url = map.twenty.url { twenty.append(("url", text(url))) }
        return mapping([
            ("formatVersion", plain(String(map.formatVersion))),
            ("twenty", mapping(twenty)),
            (
                "defaults",
                mapping([
                    ("timeZone", text(map.defaults.timeZone)), ("country", text(map.defaults.country)),
                    ("currency", text(map.defaults.currency)),
                ])
            ),
            (
                "policies",
                mapping([
                    ("duplicates", plain(map.policies.duplicates.rawValue)),
                    ("invalidPhone", plain(map.policies.invalidPhone.rawValue)),
                    ("invalidPhoneField", text(map.policies.invalidPhoneField)),
                    ("missingParent", plain(map.policies.missingParent.rawValue)),
                    ("duplicateInExport", plain(map.policies.duplicateInExport.rawValue)),
                ])
            ),
            (
                "owners",
                mapping([
                    ("fallback", map.owners.fallback.map(text) ?? null),
                    ("members", sequence(map.owners.members.map(valueMapping))),
                ])
            ),
            ("exclusions", sequence(map.exclusions.map(text), flow: true)),
            ("objects", sequence(map.objects.map(object))),
        ])
    }

    static func object(_ object: ObjectMap) -> Node {
        var pairs: [(String, Node)] = [
            ("source", text(object.source)), ("file", text(object.file)), ("key", text(object.key)),
            ("target", text(object.target)),
        ]
        switch object.disposition {
        case .existing: pairs.append(("disposition", plain("existing")))
        case .skip: pairs.append(("disposition", plain("skip")))
        case .newObject(let new):
            pairs.append(("disposition", plain("newObject")))
            pairs.append(("newObject", newObject(new)))
        case .junction(let junction):
            pairs.append(("disposition", plain("junction")))
            pairs.append(
                (
                    "junction",
                    mapping([
                        ("object", newObject(junction.object)), ("first", end(junction.first)),
                        ("second", end(junction.second)),
                    ])
                ))
        }
        pairs.append(("onCollision", plain(object.onCollision.rawValue)))
        pairs.append(("confidence", plain(number(object.confidence))))
        pairs.append(("reasons", sequence(object.reasons.map(text))))
        pairs.append(("fields", sequence(object.fields.map(field))))
        return mapping(pairs)
    }

    static func field(_ field: FieldMapping) -> Node {
        var pairs: [(String, Node)] = [
            ("column", text(field.column)), ("target", field.target.map(text) ?? null),
            ("transform", plain(field.transform.rawValue)), ("confidence", plain(number(field.confidence))),
        ]
        if let format = field.format { pairs.append(("format", text(format))) }
        if let mark = field.decimalSeparator { pairs.append(("decimalSeparator", text(mark))) }
        if let separator = field.separator { pairs.append(("separator", text(separator))) }
        if let references = field.references { pairs.append(("references", text(references))) }
        if let matchBy = field.matchBy { pairs.append(("matchBy", text(matchBy))) }
        if let rule = field.onConflict { pairs.append(("onConflict", plain(rule.rawValue))) }
        if !field.values.isEmpty { pairs.append(("values", sequence(field.values.map(valueMapping)))) }
        if let new = field.newField { pairs.append(("newField", newField(new))) }
        pairs.append(("reasons", sequence(field.reasons.map(text))))
        return mapping(pairs)
    }

    static func newField(_ field: NewField) -> Node {
        var pairs: [(String, Node)] = [
            ("name", text(field.name)), ("label", text(field.label)), ("type", plain(field.type.rawValue)),
        ]
        if let relation = field.relationTarget { pairs.append(("relationTarget", text(relation))) }
        if !field.options.isEmpty {
            pairs.append(
                (
                    "options",
                    sequence(
                        field.options.map { option in
                            mapping(
                                [
                                    ("value", text(option.value)), ("label", text(option.label)),
                                    ("color", text(option.color)), ("position", plain(String(option.position))),
                                ], flow: true)
                        })
                ))
        }
        return mapping(pairs)
    }

    static func newObject(_ object: NewObject) -> Node {
        mapping([
            ("nameSingular", text(object.nameSingular)), ("namePlural", text(object.namePlural)),
            ("labelSingular", text(object.labelSingular)), ("labelPlural", text(object.labelPlural)),
        ])
    }

    static func end(_ end: Junction.End) -> Node {
        mapping(
            [("column", text(end.column)), ("sourceObject", text(end.sourceObject)), ("field", text(end.field))],
            flow: true)
    }

    static func valueMapping(_ value: ValueMapping) -> Node {
        var pairs: [(String, Node)] = [("source", text(value.source)), ("target", text(value.target))]
        if value.isNew { pairs.append(("isNew", plain("true"))) }
        return mapping(pairs, flow: true)
    }

    /// Shortest text that reads back as the same Double (confidences are rounded to hundredths).
    static func number(_ value: Double) -> String { "\(value)" }

    static var null: Node { .scalar(.init("null", .implicit, .plain)) }

    static func plain(_ string: String) -> Node { .scalar(.init(string, .implicit, .plain)) }

    /// A string, quoted when plain YAML would read it as something else (`null`, `true`, `1.5`, `Yes`...).
    static func text(_ string: String) -> Node {
        let probe = Node.scalar(.init(string, .implicit, .plain))
        let isString = Resolver.default.resolveTag(of: probe) == .str
        let needsQuotes =
            !isString || string.isEmpty || string.first == " " || string.last == " "
            || ["yes", "no", "on", "off", "y", "n"].contains(string.lowercased())
        return .scalar(.init(string, .implicit, needsQuotes ? .doubleQuoted : .any))
    }

    static func mapping(_ pairs: [(String, Node)], flow: Bool = false) -> Node {
        .mapping(.init(pairs.map { (plain($0.0), $0.1) }, .implicit, flow ? .flow : .block))
    }

    static func sequence(_ items: [Node], flow: Bool = false) -> Node {
        .sequence(.init(items, .implicit, flow || items.isEmpty ? .flow : .block))
    }
}
