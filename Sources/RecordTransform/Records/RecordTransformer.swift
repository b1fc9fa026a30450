import CanonicalJSON
import FieldMap
import Ledger
import TwentyModel

/// Applies one object map to source records: each becomes a Twenty payload (composites assembled, `id` the
/// deterministic id, the source id in `allegoryId`) or a rejection listing every value refused, with the column,
/// file and line. Steps are compiled once, so a record costs only its own values' transforms.
public struct RecordTransformer: Sendable {
    public let objectMap: ObjectMap
    public let targetObject: String
    let steps: [FieldStep]
    let context: TransformContext
    let required: RequiredFields
    /// The column holding the record's country (for phone numbers written without a calling code).
    let countryColumn: String?
    let currencyFields: Set<String>
    let uniqueFields: [String: RejectionCode]
    /// The unique fields with the column each is read from, in the order `uniqueKeys` lists them.
    let uniqueColumns: [(field: String, code: RejectionCode, column: String)]
    /// The steps the first pass transforms: those of unique fields and of links to the same object.
    let keyScanSteps: [FieldStep]

    /// The custom field receiving each record's source id, so people and reconciliation can trace it.
    public static let sourceIdField = "allegoryId"

    public init(objectMap: ObjectMap, context: TransformContext) {
        self.objectMap = objectMap
        self.context = context
        let description = TargetDescriptions.description(
            of: objectMap, version: context.twenty.version, workspace: context.workspace)
        var steps: [FieldStep] = []
        if case .junction(let junction) = objectMap.disposition {
            targetObject = junction.object.nameSingular
            for end in [junction.first, junction.second] {
                steps.append(
                    FieldStep(junctionColumn: end.column, field: end.field + "Id", references: end.sourceObject))
            }
            // The link's own attributes (a role, a start date) travel on the junction record like any field.
            let ends: Set<String> = [junction.first.column, junction.second.column]
            for mapping in objectMap.fields where mapping.transform != .skip && !ends.contains(mapping.column) {
                guard let target = mapping.target else { continue }
                steps.append(FieldStep(mapping, target: target, description: description))
            }
        } else {
            targetObject = objectMap.target
            let columns = Set(objectMap.fields.map(\.column))
            for mapping in objectMap.fields where mapping.transform != .skip {
                guard let target = mapping.target else {
                    // A parent of a fixed object (a task's `Organisation`), or of the object its type column names
                    // (`Related Type` + `Related ID`, with the map's values from type to object): no field of the
                    // record holds it (it is written as a task or note target), but the link is checked and
                    // accounted for like any other.
                    if mapping.transform == .reference, let object = mapping.references,
                        !columns.contains(object) || !mapping.values.isEmpty
                    {
                        steps.append(FieldStep(mapping, target: "", description: nil))
                    }
                    continue
                }
                steps.append(FieldStep(mapping, target: target, description: description))
            }
        }
        self.steps = steps
        required = RequiredFields(object: targetObject, description: description, steps: steps)
        countryColumn = Self.countryField(of: objectMap)?.column
        currencyFields = Set(
            steps.filter { $0.transform == .currencyAmount || $0.transform == .currencyCode }.map(\.field))
        var unique: [String: RejectionCode] = [:]
        // Twenty's unique standard fields are composites compared on their primary part; the catalogue has no
        // other kind, and the map cannot declare a custom field unique.
        for field in description?.fields ?? [] where field.isUnique {
            if field.type == .emails { unique[field.name] = .duplicateEmail }
            if field.type == .links { unique[field.name] = .duplicateDomain }
        }
        uniqueFields = unique
        uniqueColumns = unique.map { field, code in (field, code, steps.first { $0.field == field }?.column ?? field) }
        keyScanSteps = steps.filter { step in
            unique[step.field] != nil || (step.transform == .reference && step.references == objectMap.source)
        }
    }

    /// The column whose value gives a record's country, for phone numbers written without a calling code: the
    /// country of an address when one is mapped (`address.addressCountry`, or any other ADDRESS field's
    /// `addressCountry`), else a column named Country even if not migrated (a person has no address).
    public static func countryField(of objectMap: ObjectMap) -> FieldMapping? {
        objectMap.fields.first { $0.target?.hasSuffix(".addressCountry") == true }
            ?? objectMap.fields.first { $0.column.lowercased() == "country" }
    }

    /// Whether validation needs a first pass over the object: for unique values or links to the same object.
    public var needsKeyScan: Bool {
        !keyScanSteps.isEmpty || !uniqueFields.isEmpty
    }

    public func transform(_ record: SourceRecord) -> TransformOutcome {
        transform(sourceId: record.sourceId, file: record.file, line: record.line, values: record.values)
    }

    public func transform(sourceId: String, file: String, line: Int, values: [String: String]) -> TransformOutcome {
        var reasons: [RecordRejection.Reason] = []
        if let original = SourceIds.repeatedOf(sourceId) {
            reasons.append(
                .init(
                    field: objectMap.key, code: .duplicateId,
                    message:
                        "the id \(original) is used by another record of \(file) too; references to it go to that record"
                ))
        }
        var builder = PayloadBuilder()
        var references: [Reference] = []
        // The record's country only matters to phone numbers: it is looked up for the first one.
        var country: String?
        for step in steps {
            guard let raw = values[step.column] else { continue }
            let value = Text.trimmed(raw)
            guard !value.isEmpty else { continue }
            if let typeColumn = step.parentTypeColumn {
                references.append(PolymorphicParent.reference(step, id: value, type: values[typeColumn] ?? ""))
                continue
            }
            if step.transform == .phone, country == nil {
                country =
                    countryColumn.flatMap { values[$0] }.flatMap { NumberingPlan.plan(forCountry: $0)?.country }
                    ?? context.defaults.country
            }
            if let rejection = apply(
                step, value, country: country ?? context.defaults.country, into: &builder, references: &references)
            {
                reasons.append(.init(field: step.column, code: rejection.code, message: rejection.message))
            }
        }
        var payload = builder.finish(
            defaultCurrency: context.defaults.currency.uppercased(), currencyFields: currencyFields)
        if !builder.phoneTexts.isEmpty {
            payload[context.policies.invalidPhoneField] = .string(builder.phoneTexts.joined(separator: "; "))
        }
        // Twenty dates a record's timeline by `updatedAt ?? createdAt` and sets `updatedAt` to the write's time
        // unless it is sent: with the source's creation date alone, history would read as written today.
        if payload["updatedAt"] == nil, let created = payload["createdAt"] { payload["updatedAt"] = created }
        reasons += required.missing(in: payload)
        guard reasons.isEmpty else {
            return .rejected(
                RecordRejection(object: objectMap.source, sourceId: sourceId, file: file, line: line, reasons: reasons))
        }
        let id = context.identity.id(object: objectMap.source, sourceId: sourceId)
        payload["id"] = .string(id)
        payload[Self.sourceIdField] = .string(sourceId)
        return .transformed(
            TransformedRecord(
                object: objectMap.source, sourceId: sourceId, file: file, line: line, targetObject: targetObject,
                twentyId: id, payload: payload, references: references, uniqueKeys: uniqueKeys(of: payload)))
    }

    /// The unique values of a payload, as Twenty compares them: the primary email, the domain of the primary link.
    func uniqueKeys(of payload: [String: JSONValue]) -> [UniqueKey] {
        guard !uniqueColumns.isEmpty else { return [] }
        var keys: [UniqueKey] = []
        for (field, code, column) in uniqueColumns {
            guard let value = payload[field] else { continue }
            switch code {
            case .duplicateEmail:
                if let email = value["primaryEmail"]?.stringValue {
                    keys.append(UniqueKey(column: column, code: code, key: email))
                }
            default:
                if let url = value["primaryLinkUrl"]?.stringValue {
                    keys.append(UniqueKey(column: column, code: code, key: Links.domain(ofURL: url)))
                }
            }
        }
        return keys
    }

    /// The columns `keyScan` reads.
    var keyScanColumns: [String] { keyScanSteps.map(\.column) }

    /// The unique keys and same-object links of a record, for the first pass: only the columns they come from
    /// are transformed.
    public func keyScan(sourceId: String, values: [String: String]) -> (keys: [UniqueKey], parent: String?) {
        var builder = PayloadBuilder()
        var references: [Reference] = []
        for step in keyScanSteps {
            guard let raw = values[step.column] else { continue }
            let value = Text.trimmed(raw)
            guard !value.isEmpty else { continue }
            _ = apply(step, value, country: context.defaults.country, into: &builder, references: &references)
        }
        let payload = builder.finish(defaultCurrency: context.defaults.currency, currencyFields: [])
        return (uniqueKeys(of: payload), references.first { $0.object == objectMap.source }?.sourceId)
    }
}
