import AllegoryExport
import ExportUnderstanding
import Foundation
import TwentyModel

/// Objects Twenty does not have: custom objects (custom_objects/<name>.csv, described by <name>.schema.json) and the
/// junction objects of many-to-many files (relationships/<a>__<b>.csv).
struct CustomObjectProposer {
    let context: ProposalContext
    let layout: ExportLayout

    /// The Twenty names a custom object gets: `projects` -> `project` / `projects`.
    static func names(for source: String, schema: CustomObjectSchema?) -> NewObject {
        let singular = MetadataName.camelCase(fromLabel: SourceObjects.label(SourceObjects.singular(source)))
        var plural = MetadataName.camelCase(fromLabel: SourceObjects.label(source))
        if plural == singular { plural += "s" }
        return NewObject(
            nameSingular: singular, namePlural: plural,
            labelSingular: schema?.label ?? SourceObjects.label(SourceObjects.singular(source)),
            labelPlural: schema?.pluralLabel ?? SourceObjects.label(source))
    }

    func customObject(_ sample: SourceSample, file: ExportLayout.SourceFile) -> ObjectMap {
        // The schema beside the file, read through the layout so a zipped export has one too; absent is normal.
        let schemaPath = String(file.path.dropLast(file.path.hasSuffix(".csv") ? 4 : 0)) + ".schema.json"
        let schema =
            layout.source.contains(schemaPath)
            ? try? layout.source.withLocalFile(schemaPath) { path in
                try FieldDefinitions.customObjectSchema(object: file.object, at: path)
            } : nil
        let names = Self.names(for: file.object, schema: schema)
        var reasons = ["\(file.path) is a custom object of Allegory; Twenty has no \(names.nameSingular)"]
        if schema != nil {
            reasons.append(
                "its fields and types come from \(file.path.replacingOccurrences(of: ".csv", with: ".schema.json"))")
        }
        let existing = context.catalog.object(names.nameSingular)
        let described =
            existing
            ?? ObjectDescription(
                nameSingular: names.nameSingular, namePlural: names.namePlural, labelSingular: names.labelSingular,
                labelPlural: names.labelPlural, isCustom: true, fields: names.impliedFields)
        if existing != nil { reasons = ["the workspace already has the custom object \(names.nameSingular)"] }
        let understood = context.understanding?.file(path: file.path)
        let keyColumn =
            understood.flatMap { $0.keyKind == .id ? $0.keyColumns.first.flatMap(sample.column(named:)) : nil }
            ?? schema?.keyColumn.flatMap { sample.column(named: $0) }
            ?? file.keyColumns.first.flatMap { sample.column(named: $0) }
        var newFields = NewFieldProposer(object: described)
        var fields: [FieldMapping] = []
        var namedAlready = false
        for (index, header) in sample.header.enumerated() {
            let column = ColumnEvidence(column: header, index: index, values: sample.values(ofColumn: index))
            let definition = schema?.fields.first {
                HeaderName.normalize($0.name) == HeaderName.normalize(header)
            }
            if index == keyColumn {
                fields.append(keyMapping(column, object: described))
            } else if let relation = context.understanding?.relation(object: file.object, column: header),
                let mapping = newFields.relationMapping(
                    for: column, relation: relation, targets: context.targets, objectLabel: names.nameSingular)
            {
                fields.append(mapping)
            } else if !namedAlready, HeaderWords.split(header).last == "name" || header == understood?.labelColumn,
                column.isTextLike
            {
                namedAlready = true
                fields.append(
                    FieldMapping(
                        column: header, target: "name", transform: .text, confidence: 0.9,
                        reasons: ["\"\(header)\" names the record: Twenty's name field, the record's title"]))
            } else {
                fields.append(
                    newFields.mapping(
                        for: column, definition: definition, objectLabel: names.nameSingular,
                        referencedObject: { source in context.targets[source].map { (source, $0) } }))
            }
        }
        return ObjectMap(
            source: file.object, file: file.path,
            key: keyColumn.map { sample.header[$0] } ?? file.keyColumns.first ?? "",
            target: names.nameSingular, disposition: existing == nil ? .newObject(names) : .existing, confidence: 0.9,
            reasons: reasons, fields: fields)
    }

    func keyMapping(_ column: ColumnEvidence, object: ObjectDescription) -> FieldMapping {
        let exists = object.field(named: "allegoryId") != nil
        return FieldMapping(
            column: column.column, target: "allegoryId", transform: .text, confidence: 0.95,
            reasons: ["the key column of the file", TargetRule.key(column.column).note ?? ""],
            newField: exists ? nil : NewField(name: "allegoryId", label: "Allegory ID", type: .text))
    }

    func junction(_ sample: SourceSample, file: ExportLayout.SourceFile) -> ObjectMap {
        // The two ends: the link's key columns and the objects their ids were found in; else, for a file of the
        // default layout, `<a>__<b>` and its `<A> ID`, `<B> ID` columns.
        var ends: [(column: String, side: String)] = []
        if let understanding = context.understanding, let understood = understanding.file(path: file.path),
            understood.keyKind == .pair
        {
            for key in understood.keyColumns {
                if let relation = understanding.relation(object: file.object, column: key) {
                    ends.append((key, relation.targetObject))
                }
            }
        }
        if ends.count != 2 {
            let named = file.object.components(separatedBy: "__")
            ends = zip(file.keyColumns, named).map { ($0.0, $0.1) }
        }
        let first = ends.first?.side ?? file.object
        let second = ends.count > 1 ? ends[1].side : first
        let label =
            SourceObjects.label(SourceObjects.singular(first)) + " "
            + SourceObjects.label(SourceObjects.singular(second))
        let singular = MetadataName.camelCase(fromLabel: label)
        let object = NewObject(
            nameSingular: singular, namePlural: singular + "s", labelSingular: label, labelPlural: label + "s")
        let described = ObjectDescription(
            nameSingular: singular, namePlural: singular + "s", labelSingular: label, labelPlural: label + "s",
            isCustom: true, fields: object.impliedFields)
        var newFields = NewFieldProposer(object: described)
        var linked: [Junction.End] = []
        var fields: [FieldMapping] = []
        for (index, header) in sample.header.enumerated() {
            let column = ColumnEvidence(column: header, index: index, values: sample.values(ofColumn: index))
            let end =
                linked.count < 2
                ? ends.firstIndex { HeaderName.normalize($0.column) == HeaderName.normalize(header) } : nil
            if let end, end == linked.count {
                let side = ends[end].side
                let target = context.targets[side] ?? SourceObjects.singular(side)
                let field = newFields.name(for: target)
                linked.append(Junction.End(column: header, sourceObject: side, field: field))
                fields.append(
                    FieldMapping(
                        column: header, target: field + "Id", transform: .reference, confidence: 0.95,
                        reasons: ["one end of the link: ids of \(side), a many-to-one relation to \(target)"],
                        newField: NewField(
                            name: field, label: SourceObjects.label(target), type: .relation, relationTarget: target),
                        references: side))
            } else {
                fields.append(
                    newFields.mapping(
                        for: column, definition: nil, objectLabel: singular,
                        referencedObject: { source in context.targets[source].map { (source, $0) } }))
            }
        }
        let keys = ends.map(\.column)
        let placeholder = Junction.End(column: "", sourceObject: second, field: "")
        return ObjectMap(
            source: file.object, file: file.path, key: keys.joined(separator: ", "), target: singular,
            disposition: .junction(
                Junction(
                    object: object, first: linked.first ?? placeholder,
                    second: linked.count > 1 ? linked[1] : placeholder)),
            confidence: linked.count == 2 ? 0.9 : 0.5,
            reasons: [
                "\(file.path) links \(first) and \(second) many-to-many: Twenty needs a junction object with two"
                    + " many-to-one relations"
            ], fields: fields)
    }
}
