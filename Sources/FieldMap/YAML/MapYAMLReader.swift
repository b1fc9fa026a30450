import Foundation
import TwentyModel
import Yams

/// Reads map.yaml as a person may have edited it, through Yams' node tree so every problem keeps its line. It reports
/// every structural problem (unknown keys, missing ones, values that are not a transform or policy), not the first.
public struct MapYAMLReader {
    public let fileName: String
    private(set) var problems: [MapProblem] = []
    private(set) var lines = MapLines()

    public init(fileName: String = "map.yaml") { self.fileName = fileName }

    public struct Result: Sendable {
        public var map: FieldMap
        public var lines: MapLines
        public var problems: [MapProblem]
    }

    public static func read(_ yaml: String, fileName: String = "map.yaml") -> Result {
        var reader = MapYAMLReader(fileName: fileName)
        let map = reader.read(yaml)
        return Result(map: map, lines: reader.lines, problems: reader.problems)
    }

    mutating func read(_ yaml: String) -> FieldMap {
        var map = FieldMap(twenty: TwentyTarget())
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                problem(1, "", "the file is empty")
                return map
            }
            root = node
        } catch {
            problem(Self.line(of: error), "", "not valid YAML: \(error)")
            return map
        }
        guard let top = table(root, "the map", known: Self.topKeys) else { return map }
        for (key, value) in top { lines.keys[key] = line(value) }
        if let value = top["formatVersion"] {
            if let version = scalar(value, "formatVersion").flatMap(Int.init) {
                map.formatVersion = version
                if version != 1 {
                    problem(line(value), "formatVersion", "this tool reads format version 1, not \(version)")
                }
            } else {
                problem(line(value), "formatVersion", "must be a whole number")
            }
        }
        if let twenty = top["twenty"].flatMap({ table($0, "twenty", known: ["version", "url"]) }) {
            if let value = twenty["version"], let text = scalar(value, "twenty.version") {
                if let version = TwentyVersion(rawValue: text) {
                    map.twenty.version = version
                } else {
                    problem(
                        line(value), "twenty.version",
                        "\"\(text)\" is not one of \(TwentyVersion.allCases.map(\.rawValue).joined(separator: ", "))")
                }
            }
            map.twenty.url = twenty["url"].flatMap { optionalScalar($0, "twenty.url") }
        }
        if let defaults = top["defaults"].flatMap({ table($0, "defaults", known: ["timeZone", "country", "currency"]) })
        {
            for (key, value) in defaults { lines.keys["defaults." + key] = line(value) }
            if let value = defaults["timeZone"].flatMap({ scalar($0, "defaults.timeZone") }) {
                map.defaults.timeZone = value
            }
            if let value = defaults["country"].flatMap({ scalar($0, "defaults.country") }) {
                map.defaults.country = value
            }
            if let value = defaults["currency"].flatMap({ scalar($0, "defaults.currency") }) {
                map.defaults.currency = value
            }
        }
        if let policies = top["policies"].flatMap({ table($0, "policies", known: Self.policyKeys) }) {
            for (key, value) in policies { lines.keys["policies." + key] = line(value) }
            map.policies.duplicates = choice(policies["duplicates"], "policies.duplicates", map.policies.duplicates)
            map.policies.invalidPhone = choice(
                policies["invalidPhone"], "policies.invalidPhone", map.policies.invalidPhone)
            map.policies.missingParent = choice(
                policies["missingParent"], "policies.missingParent", map.policies.missingParent)
            map.policies.duplicateInExport = choice(
                policies["duplicateInExport"], "policies.duplicateInExport", map.policies.duplicateInExport)
            if let value = policies["invalidPhoneField"].flatMap({ scalar($0, "policies.invalidPhoneField") }) {
                map.policies.invalidPhoneField = value
            }
        }
        if let owners = top["owners"].flatMap({ table($0, "owners", known: ["fallback", "members"]) }) {
            lines.keys["owners.fallback"] = owners["fallback"].map(line)
            map.owners.fallback = owners["fallback"].flatMap { optionalScalar($0, "owners.fallback") }
            map.owners.members =
                owners["members"].map {
                    items($0, "owners.members").compactMap { valueMapping($0, "owners.members").0 }
                } ?? []
        }
        if let exclusions = top["exclusions"] {
            map.exclusions = items(exclusions, "exclusions").compactMap { scalar($0, "exclusions") }
        }
        if let objects = top["objects"] {
            for item in items(objects, "objects") {
                var objectLines = MapLines.ObjectLines()
                map.objects.append(object(item, collisionDefault: map.policies.duplicates, &objectLines))
                lines.objects.append(objectLines)
            }
        }
        return map
    }

    static let topKeys = ["formatVersion", "twenty", "defaults", "policies", "owners", "exclusions", "objects"]
    static let policyKeys = ["duplicates", "invalidPhone", "invalidPhoneField", "missingParent", "duplicateInExport"]
    static let objectKeys = [
        "source", "file", "key", "target", "disposition", "newObject", "junction", "onCollision", "confidence",
        "reasons", "fields",
    ]
    static let fieldKeys = [
        "column", "target", "transform", "confidence", "format", "decimalSeparator", "separator", "references",
        "matchBy",
        "values", "newField", "reasons", "onConflict",
    ]

    mutating func object(_ node: Node, collisionDefault: CollisionPolicy, _ objectLines: inout MapLines.ObjectLines)
        -> ObjectMap
    {
        objectLines.line = line(node)
        var object = ObjectMap(source: "", file: "", key: "", target: "", confidence: 0, reasons: [], fields: [])
        guard let table = table(node, "an object", known: Self.objectKeys) else { return object }
        for (key, value) in table { objectLines.keys[key] = line(value) }
        object.source = required(table, "source", node, "an object") ?? ""
        let subject = object.source
        object.file = required(table, "file", node, subject) ?? ""
        object.key = table["key"].flatMap { scalar($0, subject + ".key") } ?? ""
        object.target = table["target"].flatMap { optionalScalar($0, subject + ".target") } ?? ""
        object.confidence = confidence(table["confidence"], subject)
        object.reasons =
            table["reasons"].map { items($0, subject + ".reasons").compactMap { scalar($0, subject + ".reasons") } }
            ?? []
        // A map written before objects had their own policy follows the map-wide `policies.duplicates`.
        object.onCollision = choice(table["onCollision"], subject + ".onCollision", collisionDefault)
        let disposition = table["disposition"].flatMap { scalar($0, subject + ".disposition") } ?? "existing"
        switch disposition {
        case "existing": object.disposition = .existing
        case "skip": object.disposition = .skip
        case "newObject":
            if let value = table["newObject"], let new = newObject(value, subject + ".newObject") {
                object.disposition = .newObject(new)
            } else {
                problem(
                    objectLines.line, subject,
                    "disposition newObject needs a newObject: with nameSingular, namePlural, labelSingular, labelPlural"
                )
            }
        case "junction":
            if let value = table["junction"], let junction = junction(value, subject + ".junction") {
                object.disposition = .junction(junction)
            } else {
                problem(
                    objectLines.line, subject, "disposition junction needs a junction: with object, first and second")
            }
        default:
            problem(
                objectLines.keys["disposition"] ?? objectLines.line, subject + ".disposition",
                "\"\(disposition)\" is not one of existing, newObject, junction, skip")
        }
        if let fields = table["fields"] {
            for item in items(fields, subject + ".fields") {
                var fieldLines = MapLines.FieldLines()
                object.fields.append(field(item, objectSource: subject, &fieldLines))
                objectLines.fields.append(fieldLines)
            }
        }
        return object
    }

    mutating func field(_ node: Node, objectSource: String, _ fieldLines: inout MapLines.FieldLines) -> FieldMapping {
        fieldLines.line = line(node)
        var field = FieldMapping(column: "", target: nil, transform: .skip, confidence: 0, reasons: [])
        guard let table = table(node, objectSource + " field", known: Self.fieldKeys) else { return field }
        for (key, value) in table { fieldLines.keys[key] = line(value) }
        field.column = required(table, "column", node, objectSource + " field") ?? ""
        let subject = objectSource + "." + field.column
        field.target = table["target"].flatMap { optionalScalar($0, subject + ".target") }
        if let value = table["transform"], let text = scalar(value, subject + ".transform") {
            if let transform = Transform(rawValue: text) {
                field.transform = transform
            } else {
                let hint =
                    HeaderSimilarity.closest(to: text, in: Transform.allCases.map(\.rawValue)).map {
                        " (did you mean \($0)?)"
                    } ?? ""
                problem(line(value), subject, "\"\(text)\" is not a transform\(hint)")
            }
        } else if table["transform"] == nil {
            problem(fieldLines.line, subject, "missing transform")
        }
        field.confidence = confidence(table["confidence"], subject)
        field.format = table["format"].flatMap { optionalScalar($0, subject + ".format") }
        field.decimalSeparator = table["decimalSeparator"].flatMap { optionalScalar($0, subject + ".decimalSeparator") }
        field.separator = table["separator"].flatMap { optionalScalar($0, subject + ".separator") }
        field.references = table["references"].flatMap { optionalScalar($0, subject + ".references") }
        field.matchBy = table["matchBy"].flatMap { optionalScalar($0, subject + ".matchBy") }
        if let rule = table["onConflict"], optionalScalar(rule, subject + ".onConflict") != nil {
            field.onConflict = choice(rule, subject + ".onConflict", ConflictRule.twenty)
        }
        if let values = table["values"] {
            for item in items(values, subject + ".values") {
                let (mapping, itemLine) = valueMapping(item, subject + ".values")
                if let mapping {
                    field.values.append(mapping)
                    fieldLines.values.append(itemLine)
                }
            }
        }
        if let value = table["newField"] { field.newField = newField(value, subject + ".newField") }
        field.reasons =
            table["reasons"].map { items($0, subject + ".reasons").compactMap { scalar($0, subject + ".reasons") } }
            ?? []
        return field
    }

    mutating func newField(_ node: Node, _ subject: String) -> NewField? {
        guard let table = table(node, subject, known: ["name", "label", "type", "options", "relationTarget"]) else {
            return nil
        }
        guard let name = required(table, "name", node, subject) else { return nil }
        let label = table["label"].flatMap { scalar($0, subject + ".label") } ?? name
        var type = FieldType.text
        if let value = table["type"], let text = scalar(value, subject + ".type") {
            if let parsed = FieldType(rawValue: text) {
                type = parsed
            } else {
                let hint =
                    HeaderSimilarity.closest(to: text, in: FieldType.allCases.map(\.rawValue)).map {
                        " (did you mean \($0)?)"
                    } ?? ""
                problem(line(value), subject, "\"\(text)\" is not a Twenty field type\(hint)")
            }
        } else {
            problem(line(node), subject, "missing type")
        }
        var options: [SelectOption] = []
        if let list = table["options"] {
            for (index, item) in items(list, subject + ".options").enumerated() {
                guard
                    let option = self.table(
                        item, subject + ".options", known: ["value", "label", "color", "position"]),
                    let value = required(option, "value", item, subject + ".options")
                else { continue }
                options.append(
                    SelectOption(
                        value: value, label: option["label"].flatMap { scalar($0, subject) } ?? value,
                        color: option["color"].flatMap { scalar($0, subject) } ?? "gray",
                        position: option["position"].flatMap { scalar($0, subject) }.flatMap(Int.init) ?? index))
            }
        }
        return NewField(
            name: name, label: label, type: type, options: options,
            relationTarget: table["relationTarget"].flatMap { optionalScalar($0, subject + ".relationTarget") })
    }

    mutating func newObject(_ node: Node, _ subject: String) -> NewObject? {
        let keys = ["nameSingular", "namePlural", "labelSingular", "labelPlural"]
        guard let table = table(node, subject, known: keys) else { return nil }
        let values = keys.map { required(table, $0, node, subject) }
        guard let singular = values[0], let plural = values[1] else { return nil }
        return NewObject(
            nameSingular: singular, namePlural: plural, labelSingular: values[2] ?? singular,
            labelPlural: values[3] ?? plural)
    }

    mutating func junction(_ node: Node, _ subject: String) -> Junction? {
        guard let table = table(node, subject, known: ["object", "first", "second"]),
            let object = table["object"].flatMap({ newObject($0, subject + ".object") })
        else { return nil }
        func end(_ key: String) -> Junction.End? {
            guard let value = table[key],
                let end = self.table(value, subject + "." + key, known: ["column", "sourceObject", "field"])
            else {
                problem(line(node), subject, "missing \(key)")
                return nil
            }
            guard let column = required(end, "column", value, subject + "." + key),
                let source = required(end, "sourceObject", value, subject + "." + key),
                let field = required(end, "field", value, subject + "." + key)
            else { return nil }
            return Junction.End(column: column, sourceObject: source, field: field)
        }
        guard let first = end("first"), let second = end("second") else { return nil }
        return Junction(object: object, first: first, second: second)
    }

    mutating func valueMapping(_ node: Node, _ subject: String) -> (ValueMapping?, Int) {
        guard let table = table(node, subject, known: ["source", "target", "isNew"]),
            let source = required(table, "source", node, subject), let target = required(table, "target", node, subject)
        else { return (nil, line(node)) }
        var isNew = false
        if let value = table["isNew"], let text = scalar(value, subject + ".isNew") {
            switch text.lowercased() {
            case "true", "yes": isNew = true
            case "false", "no": isNew = false
            default: problem(line(value), subject, "isNew must be true or false, not \"\(text)\"")
            }
        }
        return (ValueMapping(source: source, target: target, isNew: isNew), line(node))
    }

    // MARK: - Node access that records problems instead of stopping

    mutating func choice<Value: RawRepresentable & CaseIterable>(_ node: Node?, _ subject: String, _ fallback: Value)
        -> Value
    where Value.RawValue == String {
        guard let node, let text = scalar(node, subject) else { return fallback }
        if let value = Value(rawValue: text) { return value }
        let known = Value.allCases.map(\.rawValue)
        let hint = HeaderSimilarity.closest(to: text, in: known).map { " (did you mean \($0)?)" } ?? ""
        problem(line(node), subject, "\"\(text)\" is not one of \(known.joined(separator: ", "))\(hint)")
        return fallback
    }

    mutating func confidence(_ node: Node?, _ subject: String) -> Double {
        guard let node, let text = scalar(node, subject + ".confidence") else { return 0 }
        guard let value = Double(text), (0...1).contains(value) else {
            problem(line(node), subject, "confidence must be a number from 0 to 1, not \"\(text)\"")
            return 0
        }
        return value
    }

    mutating func required(_ table: [String: Node], _ key: String, _ node: Node, _ subject: String) -> String? {
        guard let value = table[key] else {
            problem(line(node), subject, "missing \(key)")
            return nil
        }
        return scalar(value, subject + "." + key)
    }

    /// A mapping's entries by key; unknown keys are problems (a misspelt key would otherwise be silently ignored).
    mutating func table(_ node: Node, _ subject: String, known: [String]) -> [String: Node]? {
        guard case .mapping(let mapping) = node else {
            problem(line(node), subject, "expected a mapping of keys to values")
            return nil
        }
        var result: [String: Node] = [:]
        for (key, value) in mapping {
            let name = key.scalar?.string ?? ""
            if !known.contains(name) {
                let hint = HeaderSimilarity.closest(to: name, in: known).map { " (did you mean \($0)?)" } ?? ""
                problem(line(key), subject, "unknown key \"\(name)\"\(hint)")
            } else if result[name] != nil {
                problem(line(key), subject, "\"\(name)\" is given twice")
            } else {
                result[name] = value
            }
        }
        return result
    }

    mutating func items(_ node: Node, _ subject: String) -> [Node] {
        if case .sequence(let sequence) = node { return Array(sequence) }
        if optionalScalar(node, subject) == nil { return [] }
        problem(line(node), subject, "expected a list")
        return []
    }

    mutating func scalar(_ node: Node, _ subject: String) -> String? {
        guard case .scalar(let scalar) = node else {
            problem(line(node), subject, "expected a single value")
            return nil
        }
        return scalar.string
    }

    /// A scalar where a plain `null`, `~` or nothing means "none".
    mutating func optionalScalar(_ node: Node, _ subject: String) -> String? {
        guard let text = scalar(node, subject) else { return nil }
        if case .scalar(let value) = node, value.style == .plain || value.style == .any,
            ["null", "~", "Null", "NULL", ""].contains(text)
        {
            return nil
        }
        return text
    }

    func line(_ node: Node) -> Int { node.mark?.line ?? 0 }

    mutating func problem(_ line: Int, _ subject: String, _ message: String) {
        problems.append(MapProblem(file: fileName, line: line, subject: subject, message: message))
    }

    static func line(of error: Error) -> Int {
        if let yaml = error as? YamlError {
            switch yaml {
            case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
            default: return 1
            }
        }
        return 1
    }
}
