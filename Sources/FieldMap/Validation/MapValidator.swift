import Foundation
import TwentyModel

/// Checks a map against the Twenty objects it targets, naming every problem with its line: unknown objects, fields
/// and subfields (with the nearest name), transforms that cannot write the field's type, select values that are not
/// options, custom names Twenty would refuse, two columns writing one target, and defaults Twenty would not read.
public struct MapValidator {
    public let catalog: TargetCatalog
    public let fileName: String

    public init(catalog: TargetCatalog, fileName: String = "map.yaml") {
        self.catalog = catalog
        self.fileName = fileName
    }

    public func problems(in map: FieldMap, lines: MapLines = MapLines()) -> [MapProblem] {
        var problems: [MapProblem] = []
        func report(_ line: Int, _ subject: String, _ message: String) {
            problems.append(MapProblem(file: fileName, line: line, subject: subject, message: message))
        }
        checkDefaults(map, lines, report)
        if map.policies.invalidPhone == .keepAsText,
            let problem = MetadataName.problem(with: map.policies.invalidPhoneField)
        {
            report(lines.keys["policies.invalidPhoneField"] ?? 0, "policies.invalidPhoneField", problem.description)
        }
        if let fallback = map.owners.fallback, !fallback.contains("@") {
            report(
                lines.keys["owners.fallback"] ?? 0, "owners.fallback",
                "\"\(fallback)\" is not an email address of a workspace member")
        }
        var sources = Set<String>()
        let sourceTargets = Dictionary(
            map.objects.map { ($0.source, $0.target) }, uniquingKeysWith: { first, _ in first })
        for (objectIndex, object) in map.objects.enumerated() {
            let objectLines = lines.object(objectIndex)
            if !sources.insert(object.source).inserted {
                report(objectLines.line, object.source, "the object \(object.source) is mapped twice")
            }
            if case .skip = object.disposition { continue }
            guard let description = described(object, objectLines, report) else { continue }
            var fields = description.fields
            var newFields: [String: (NewField, Int)] = [:]
            // New fields first, so every mapping can see the fields the map creates.
            for (fieldIndex, field) in object.fields.enumerated() {
                guard let new = field.newField else { continue }
                let fieldLines = lines.field(objectIndex, fieldIndex)
                let subject = "\(object.source).\(field.column)"
                let line = fieldLines.keys["newField"] ?? fieldLines.line
                if let (earlier, earlierLine) = newFields[new.name] {
                    if earlier.type != new.type || earlier.relationTarget != new.relationTarget {
                        report(line, subject, "new field \(new.name) is defined differently on line \(earlierLine)")
                    }
                    continue
                }
                newFields[new.name] = (new, line)
                if let problem = MetadataName.problem(with: new.name) {
                    report(line, subject, "new field name \"\(new.name)\": \(problem)")
                }
                if description.field(named: new.name) != nil {
                    report(
                        line, subject,
                        "\(description.nameSingular) already has a field \(new.name); target it without newField")
                }
                if new.type == .relation {
                    if let target = new.relationTarget, !knows(target, map) {
                        report(
                            line, subject,
                            "new relation \(new.name) points at \(target), which is not an object of the workspace or the map"
                        )
                    } else if new.relationTarget == nil {
                        report(line, subject, "new relation \(new.name) needs a relationTarget")
                    }
                }
                for option in new.options where !SelectOption.isValidValue(option.value) {
                    report(line, subject, "option value \"\(option.value)\" must match ^[_A-Za-z][_0-9A-Za-z]+$")
                }
                fields.append(
                    FieldDescription(
                        name: new.name, label: new.label, type: new.type,
                        options: new.options.isEmpty ? nil : new.options,
                        relation: new.type == .relation
                            ? RelationDescription(
                                kind: .manyToOne, targetObject: new.relationTarget ?? "", joinColumn: new.name + "Id")
                            : nil))
            }
            let effective = ObjectDescription(
                nameSingular: description.nameSingular, namePlural: description.namePlural,
                labelSingular: description.labelSingular, labelPlural: description.labelPlural,
                isCustom: description.isCustom,
                fields: fields)
            var targets: [String: Int] = [:]
            var columns: [String: Int] = [:]
            for (fieldIndex, field) in object.fields.enumerated() {
                let fieldLines = lines.field(objectIndex, fieldIndex)
                let subject = "\(object.source).\(field.column)" + (field.target.map { " -> " + $0 } ?? "")
                let targetLine = fieldLines.keys["target"] ?? fieldLines.line
                if let earlier = columns[field.column] {
                    report(
                        fieldLines.line, subject,
                        "the column \"\(field.column)\" is mapped twice (also on line \(earlier))")
                }
                columns[field.column] = fieldLines.line
                if let target = field.target {
                    if let earlier = targets[target] {
                        report(targetLine, subject, "\(target) is already written by another column (line \(earlier))")
                    }
                    targets[target] = targetLine
                }
                FieldCheck(
                    field: field, object: effective, lines: fieldLines, subject: subject, map: map,
                    sourceTargets: sourceTargets, report: report
                ).run()
            }
        }
        return problems.sorted { $0.line < $1.line }
    }

    /// The Twenty object an object map writes, as the workspace or the map itself defines it.
    private func described(
        _ object: ObjectMap, _ lines: MapLines.ObjectLines, _ report: (Int, String, String) -> Void
    ) -> ObjectDescription? {
        let line = lines.keys["target"] ?? lines.line
        switch object.disposition {
        case .skip: return nil
        case .existing:
            if let found = catalog.object(object.target) { return found }
            let hint =
                HeaderSimilarity.closest(to: object.target, in: catalog.objects.map(\.nameSingular)).map {
                    " (did you mean \($0)?)"
                } ?? ""
            report(
                line, object.source + " -> " + object.target, "the workspace has no object \"\(object.target)\"\(hint)")
            return nil
        case .newObject, .junction:
            guard let new = object.createdObject else { return nil }
            for (name, label) in [(new.nameSingular, "nameSingular"), (new.namePlural, "namePlural")] {
                if let problem = MetadataName.problem(with: name) {
                    report(
                        lines.keys["newObject"] ?? lines.keys["junction"] ?? lines.line, object.source,
                        "new object \(label) \"\(name)\": \(problem)")
                }
            }
            if new.nameSingular != object.target {
                report(
                    line, object.source,
                    "target \(object.target) differs from the new object's nameSingular \(new.nameSingular)")
            }
            if catalog.object(new.nameSingular) != nil {
                report(
                    line, object.source,
                    "the workspace already has an object \(new.nameSingular); use disposition existing")
            }
            return ObjectDescription(
                nameSingular: new.nameSingular, namePlural: new.namePlural, labelSingular: new.labelSingular,
                labelPlural: new.labelPlural, isCustom: true, fields: new.impliedFields)
        }
    }

    private func knows(_ object: String, _ map: FieldMap) -> Bool {
        catalog.object(object) != nil || map.objects.contains { $0.target == object }
    }

    private func checkDefaults(_ map: FieldMap, _ lines: MapLines, _ report: (Int, String, String) -> Void) {
        if TimeZone(identifier: map.defaults.timeZone) == nil {
            report(
                lines.keys["defaults.timeZone"] ?? 0, "defaults.timeZone",
                "\"\(map.defaults.timeZone)\" is not an IANA time zone (e.g. Europe/Berlin)")
        }
        let country = map.defaults.country
        if country.utf8.count != 2 || !country.allSatisfy({ $0.isASCII && $0.isUppercase }) {
            report(
                lines.keys["defaults.country"] ?? 0, "defaults.country",
                "\"\(country)\" is not a two-letter ISO country code (e.g. US)")
        }
        if !SampleShapes.isCurrencyCode(map.defaults.currency) {
            report(
                lines.keys["defaults.currency"] ?? 0, "defaults.currency",
                "\"\(map.defaults.currency)\" is not a three-letter ISO currency code (e.g. EUR)")
        }
    }
}
