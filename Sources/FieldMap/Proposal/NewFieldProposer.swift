import AllegoryExport
import ExportUnderstanding
import Foundation
import TwentyModel

/// A column no Twenty field fits becomes a custom field: its type from the export's own field dictionary
/// (custom_fields.csv, a custom object's schema) when it has one, else from the sampled values.
struct NewFieldProposer {
    /// Names already taken on the object: its fields and the custom fields proposed so far.
    var takenNames: Set<String>

    init(object: ObjectDescription?) {
        takenNames = Set((object?.fields ?? []).map { $0.name.lowercased() })
    }

    /// A camelCase name Twenty accepts, not yet taken on the object.
    mutating func name(for label: String) -> String {
        let base = MetadataName.camelCase(fromLabel: label)
        var name = base
        var counter = 2
        while takenNames.contains(name.lowercased()) {
            name = base + String(counter)
            counter += 1
        }
        takenNames.insert(name.lowercased())
        return name
    }

    /// Allegory's dictionary types (ALLEGORY_EXPORT.md) as Twenty types.
    static func fieldType(allegoryType type: String) -> FieldType? {
        switch type {
        case "text", "string", "textarea": .text
        case "number", "integer", "decimal", "percent": .number
        case "date": .date
        case "datetime", "date-time", "timestamp": .dateTime
        case "boolean", "checkbox": .boolean
        case "picklist", "select": .select
        case "multipicklist", "multiselect": .multiSelect
        case "currency", "money": .currency
        case "email": .emails
        case "phone": .phones
        case "url", "link": .links
        case "lookup", "reference": .relation
        default: nil
        }
    }

    /// The Twenty type the sampled values suggest.
    static func fieldType(of column: ColumnEvidence) -> FieldType {
        switch column.type {
        case .email: .emails
        case .phone: .phones
        case .url: .links
        case .date: .date
        case .dateTime: .dateTime
        case .integer, .decimal: .number
        case .currency: .currency
        case .boolean: .boolean
        case .picklist: .select
        case .text, .empty: column.emailListShare >= 0.9 ? .emails : .text
        }
    }

    /// The path, transform and separator that write a column into a new field of `type` named `name`.
    static func target(name: String, type: FieldType, column: ColumnEvidence) -> (String, Transform, String?) {
        switch type {
        case .emails:
            column.type == .email
                ? (name + ".primaryEmail", .email, nil) : (name + ".additionalEmails", .emailList, ";")
        case .phones: (name + ".primaryPhoneNumber", .phone, nil)
        case .links: (name + ".primaryLinkUrl", .url, nil)
        case .currency: (name + ".amountMicros", .currencyAmount, nil)
        case .date: (name, .date, nil)
        case .dateTime: (name, .dateTime, nil)
        case .number: (name, .number, nil)
        case .boolean: (name, .boolean, nil)
        case .select: (name, .select, nil)
        case .multiSelect: (name, .multiSelect, ";")
        case .relation: (name + "Id", .reference, nil)
        case .rawJSON: (name, .json, nil)
        default: (name, .text, nil)
        }
    }

    /// The mapping of `column` into a new custom field, described by `definition` when the export has one.
    mutating func mapping(
        for column: ColumnEvidence, definition: FieldDefinition?, objectLabel: String,
        referencedObject: (String) -> (source: String, target: String)?
    ) -> FieldMapping {
        var reasons = ["no field of \(objectLabel) matches \"\(column.column)\""]
        var type: FieldType
        var confidence: Double
        if let definition, let defined = Self.fieldType(allegoryType: definition.type) {
            type = defined
            confidence = 0.9
            reasons.append("the export's field dictionary describes it as \(definition.type)")
        } else {
            type = Self.fieldType(of: column)
            // Nothing says the column is custom but that no standard field matched it: a guess, below 0.6.
            confidence = column.isEmpty ? 0.5 : min(0.5 + 0.09 * column.typeShare, ColumnScorer.guessCeiling)
            reasons.append(
                column.isEmpty ? "no values in the sample: kept as text" : "the sampled values read as \(column.type)")
            reasons.append("no field dictionary describes it: if it is a standard field, point it there")
        }
        let label = definition?.label ?? column.column
        var relationTarget: String?
        var references: String?
        if type == .relation {
            if let lookup = definition?.lookupObject, let object = referencedObject(lookup) {
                relationTarget = object.target
                references = object.source
            } else {
                type = .text
                reasons.append("the lookup's object is unknown: kept as text")
            }
        }
        let name = self.name(for: label)
        var (target, transform, separator) = Self.target(name: name, type: type, column: column)
        if type == .multiSelect { separator = ";" }
        var options: [SelectOption] = []
        var values: [ValueMapping] = []
        if type == .select || type == .multiSelect {
            var sourceValues = definition?.picklistValues ?? []
            let sampled =
                type == .multiSelect
                ? column.valuesInOrder.flatMap { $0.split(separator: ";").map { String($0).trimmingWhitespace } }
                : column.valuesInOrder
            for value in sampled where !sourceValues.contains(value) { sourceValues.append(value) }
            (options, values) = ValueMapProposer.options(for: sourceValues)
            reasons.append("\(options.count) options, in the source's order")
        }
        reasons.append("new \(type.rawValue) field \(name)")
        let format = (transform == .date || transform == .dateTime) ? column.timestampFormat?.rawValue : nil
        var mapping = FieldMapping(
            column: column.column, target: target, transform: transform, confidence: (confidence * 100).rounded() / 100,
            reasons: reasons,
            newField: NewField(name: name, label: label, type: type, options: options, relationTarget: relationTarget),
            values: values, format: format, references: references, separator: separator)
        ColumnDecisions.apply(column, to: &mapping)
        return mapping
    }

    /// A column the understanding found to point at another file's records: a new many-to-one relation to that
    /// file's Twenty object. Owners are not relations between records (they go through the owner map).
    /// A relation is named for what it links, not for the id column that held it: `Company ID` becomes the
    /// `company` relation, whose join column Twenty names `companyId` (not `companyIdId`).
    static func relationStem(_ header: String) -> String {
        let trimmed = header.trimmingCharacters(in: .whitespaces)
        for suffix in [" ID", " Id", " id", "_id", "_ID", "-id", "-ID", "Id", "ID"] where trimmed.hasSuffix(suffix) {
            let stem = String(trimmed.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)
            if !stem.isEmpty { return stem }
        }
        return trimmed
    }

    mutating func relationMapping(
        for column: ColumnEvidence, relation: Relation, targets: [String: String], objectLabel: String
    ) -> FieldMapping? {
        guard let target = targets[relation.targetObject] else { return nil }
        let name = self.name(for: Self.relationStem(column.column))
        var reasons = ["no field of \(objectLabel) matches \"\(column.column)\"", relation.reason]
        var confidence = relation.confidence
        if !relation.headerAgrees {
            confidence = min(confidence, 0.59)
            reasons.append("only the values say so; confirm the link in the review")
        }
        reasons.append("new relation \(name) to \(target)")
        return FieldMapping(
            column: column.column, target: name + "Id", transform: .reference,
            confidence: (confidence * 100).rounded() / 100,
            reasons: reasons,
            newField: NewField(name: name, label: column.column, type: .relation, relationTarget: target),
            references: relation.targetObject, matchBy: relation.matchBy == .id ? nil : relation.matchBy.rawValue)
    }
}
