import AllegoryExport
import TwentyModel

/// The checks of one column's mapping against its object's fields.
struct FieldCheck {
    let field: FieldMapping
    let object: ObjectDescription
    let lines: MapLines.FieldLines
    let subject: String
    let map: FieldMap
    let sourceTargets: [String: String]
    let report: (Int, String, String) -> Void

    var targetLine: Int { lines.keys["target"] ?? lines.line }

    func run() {
        guard let target = field.target else {
            if field.transform != .skip, field.transform != .reference {
                report(lines.keys["transform"] ?? lines.line, subject, "no target: the transform must be skip")
            }
            if field.transform == .reference { checkPolymorphic() }
            return
        }
        if field.transform == .skip {
            report(
                lines.keys["transform"] ?? lines.line, subject,
                "transform skip with a target: set target: null to leave the column out")
            return
        }
        if TransformCompatibility.writesJoinColumn(field.transform) {
            checkJoinColumn(target)
            return
        }
        let top = field.targetField ?? target
        guard let description = object.field(named: top) else {
            if object.relation(joinColumn: target) != nil {
                report(targetLine, subject, "\(target) is a relation's join column: use transform reference or owner")
                return
            }
            let names = object.fields.map(\.name)
            let hint = HeaderSimilarity.closest(to: top, in: names).map { " (did you mean \($0)?)" } ?? ""
            report(
                targetLine, subject,
                "\(object.nameSingular) has no field \"\(top)\"\(hint); add a newField to create it")
            return
        }
        if description.isSystem, !["createdAt", "id"].contains(description.name) {
            report(targetLine, subject, "\(description.name) is managed by Twenty and cannot be written")
            return
        }
        if description.type == .relation {
            report(
                targetLine, subject,
                "\(top) is a relation: write its join column \(top)Id with transform reference or owner")
            return
        }
        let subfield = field.targetSubfield
        if let subfield {
            let parts = description.type.subfields.map(\.name)
            guard !parts.isEmpty else {
                report(targetLine, subject, "\(top) is a \(description.type.rawValue) field and has no subfields")
                return
            }
            guard parts.contains(subfield) else {
                let hint = HeaderSimilarity.closest(to: subfield, in: parts).map { " (did you mean \($0)?)" } ?? ""
                report(targetLine, subject, "\(object.nameSingular) has no subfield \"\(subfield)\" of \(top)\(hint)")
                return
            }
        } else if description.type.isComposite, !(description.type == .fullName && field.transform == .fullName) {
            let parts = description.type.subfields.map { top + "." + $0.name }.joined(separator: ", ")
            report(targetLine, subject, "\(top) is a \(description.type.rawValue) field: name a subfield (\(parts))")
            return
        }
        if !TransformCompatibility.accepts(field.transform, type: description.type, subfield: subfield) {
            report(
                lines.keys["transform"] ?? lines.line, subject,
                "transform \(field.transform.rawValue) cannot write \(target), a \(description.type.rawValue)\(subfield.map { " subfield " + $0 } ?? "") field"
            )
        }
        checkDetails(description)
    }

    private func checkDetails(_ description: FieldDescription) {
        if field.transform == .date || field.transform == .dateTime, let format = field.format,
            TimestampFormat(mapName: format) == nil
        {
            report(
                lines.keys["format"] ?? lines.line, subject,
                "\"\(format)\" is not a known date format: \(TimestampFormat.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        if let mark = field.decimalSeparator {
            if ![.number, .currencyAmount].contains(field.transform) {
                report(
                    lines.keys["decimalSeparator"] ?? lines.line, subject,
                    "decimalSeparator applies to number and currencyAmount transforms, not \(field.transform.rawValue)")
            } else if DecimalConvention(decimalSeparator: mark) == nil {
                report(
                    lines.keys["decimalSeparator"] ?? lines.line, subject,
                    "decimalSeparator \"\(mark)\" must be \".\" (1,234.56) or \",\" (1.234,56)")
            }
        }
        if [.emailList, .multiSelect].contains(field.transform), (field.separator ?? "").isEmpty {
            report(lines.line, subject, "transform \(field.transform.rawValue) needs a separator")
        }
        guard field.transform == .select || field.transform == .multiSelect else { return }
        let options = description.options ?? []
        for (index, value) in field.values.enumerated() {
            let line = index < lines.values.count ? lines.values[index] : lines.line
            if value.isNew {
                if !SelectOption.isValidValue(value.target) {
                    report(
                        line, subject,
                        "new option \"\(value.target)\" must match ^[_A-Za-z][_0-9A-Za-z]+$ (e.g. \(SelectOption.value(forLabel: value.target)))"
                    )
                } else if options.contains(where: { $0.value == value.target }) {
                    report(line, subject, "\(value.target) is already an option of \(description.name): remove isNew")
                }
            } else if !options.contains(where: { $0.value == value.target }) {
                let hint =
                    HeaderSimilarity.closest(to: value.target, in: options.map(\.value)).map {
                        " (did you mean \($0)?)"
                    } ?? ""
                report(
                    line, subject,
                    "\"\(value.source)\" -> \(value.target): \(value.target) is not an option of \(description.name)\(hint); add isNew: true to create it"
                )
            }
        }
    }

    /// `companyId` (reference) or `accountOwnerId` (owner): a many-to-one relation of the object.
    private func checkJoinColumn(_ target: String) {
        guard let relation = object.relation(joinColumn: target)?.relation else {
            let joins = object.fields.compactMap { $0.relation?.joinColumn }
            let hint = HeaderSimilarity.closest(to: target, in: joins).map { " (did you mean \($0)?)" } ?? ""
            report(targetLine, subject, "\(object.nameSingular) has no relation with join column \"\(target)\"\(hint)")
            return
        }
        if field.transform == .owner {
            if relation.targetObject != "workspaceMember" {
                report(
                    lines.keys["transform"] ?? lines.line, subject,
                    "transform owner needs a relation to workspaceMember; \(target) points at \(relation.targetObject)")
            }
            return
        }
        guard let references = field.references else {
            report(
                lines.line, subject,
                "transform reference needs references: the source object whose ids the column holds")
            return
        }
        if let matchBy = field.matchBy, !FieldMapping.matchByValues.contains(matchBy) {
            report(
                lines.keys["matchBy"] ?? lines.line, subject,
                "matchBy \"\(matchBy)\" is not one of \(FieldMapping.matchByValues.joined(separator: ", "))")
        }
        guard let referencedTarget = sourceTargets[references] else {
            report(
                lines.keys["references"] ?? lines.line, subject,
                "references \"\(references)\", which is not an object of the map")
            return
        }
        if referencedTarget != relation.targetObject {
            report(
                lines.keys["references"] ?? lines.line, subject,
                "\(references) become \(referencedTarget) records, but \(target) points at \(relation.targetObject)")
        }
    }

    /// A reference without a target: a parent of a type named per record (`Related ID` with `references: Related Type`).
    private func checkPolymorphic() {
        guard let references = field.references else {
            report(
                lines.line, subject,
                "transform reference without a target needs references: the column naming each parent's object")
            return
        }
        let columns =
            map.objects.first { $0.fields.contains { $0.column == field.column && $0.references == references } }?
            .fields.map(\.column) ?? []
        if !columns.contains(references), sourceTargets[references] == nil {
            report(
                lines.keys["references"] ?? lines.line, subject,
                "references \"\(references)\" is neither a column of this file nor an object of the map")
        }
        // Each type value must stand for an object of the map, or its parents could not be found.
        for (index, value) in field.values.enumerated() where sourceTargets[value.target] == nil {
            let line = index < lines.values.count ? lines.values[index] : lines.line
            report(
                line, subject,
                "type \"\(value.source)\" stands for \"\(value.target)\", which is not an object of the map")
        }
    }
}
