import CanonicalJSON
import FieldMap
import Foundation
import Ledger
import RecordTransform

/// The review's transformed values, computed by RecordTransform: each sample value is run through its object's map
/// reduced to that one column (plus the key, and the record's country for phones), and the review shows what the
/// payload holds at the mapping's target, or why the value would be rejected.
///
/// One column is transformed at a time because the other columns of a sampled record may be rejected for their own
/// reasons, which would hide this column's result; what the reduction changes is corrected for below.
struct RecordTransformPreview {
    let map: FieldMap
    let context: TransformContext?
    let note: String

    init(projectId: String, map: FieldMap) {
        self.map = map
        do {
            context = try TransformContext(projectId: projectId, map: map)
            note = "Transformed values are computed by the migration's own transforms (RecordTransform)."
        } catch {
            context = nil
            note = "Transformed values could not be computed (\(error)); shown as transform(raw value)."
        }
    }

    var transformer: MapReview.ValueTransformer {
        guard let context else { return MapReview.untransformed }
        return { sampled in Self.preview(sampled, context: context) }
    }

    static func preview(_ sampled: MapReview.SampledValue, context: TransformContext) -> String {
        let field = sampled.field
        let object = sampled.object
        guard field.transform != .skip else { return "(not migrated)" }
        // A reference resolves against another record, unknown here: show which one it will look up. A polymorphic
        // parent's object is the one its record's type column names.
        if field.transform == .reference {
            let referenced = field.parentTypeColumn.map { sampled.record[$0].flatMap { $0.isEmpty ? nil : $0 } ?? "?" }
            return "id of \(referenced ?? field.references ?? "?") \(sampled.value)"
        }
        guard let target = field.target else { return "(not migrated)" }
        // A review reads no workspace, so it has no member ids: it shows whom the owner goes to instead of the
        // rejection an empty member list would give every owner.
        if field.transform == .owner {
            let member = context.members.memberEmail(forOwner: sampled.value)
            return "member \(member.email)" + (member.fallback.map { " (else the fallback \($0))" } ?? "")
        }
        var reduced = object
        reduced.fields = [field]
        var values = [field.column: sampled.value]
        // The transformer writes the source id into allegoryId itself, so the key column previews its own value.
        let sourceId = object.key == field.column ? sampled.value : "REVIEW-1"
        if object.key != field.column {
            if let keyField = object.fields.first(where: { $0.column == object.key }) {
                reduced.fields.append(keyField)
            }
            values[object.key] = sourceId
        }
        // A number written without a calling code is read in the record's country, as the migration reads it.
        if field.transform == .phone, let country = countryField(of: object), country.column != field.column {
            reduced.fields.append(country)
            values[country.column] = sampled.record[country.column] ?? ""
        }
        let outcome = RecordTransformer(objectMap: reduced, context: context).transform(
            sourceId: sourceId, file: object.file, line: 0, values: values)
        switch outcome {
        case .transformed(let record):
            return shown(record.payload, field: field, target: target, sampled: sampled, context: context)
        case .rejected(let rejection):
            return "rejected: " + rejection.reasons.map(\.message).joined(separator: "; ")
        }
    }

    /// What the payload holds at the mapping's target, in the terms of the migration.
    static func shown(
        _ payload: [String: JSONValue], field: FieldMapping, target: String, sampled: MapReview.SampledValue,
        context: TransformContext
    ) -> String {
        let top = field.targetField ?? target
        if field.transform == .phone, payload[top] == nil {
            // The transform refused the number and the invalidPhone policy kept or dropped it instead of rejecting.
            let country =
                countryField(of: sampled.object).flatMap { sampled.record[$0.column] }
                .flatMap { NumberingPlan.plan(forCountry: $0)?.country } ?? context.defaults.country
            var why = "not a valid phone number"
            if case .failure(let rejection) = Phones.parse(sampled.value, defaultCountry: country) {
                why = rejection.message
            }
            if let kept = payload[context.policies.invalidPhoneField]?.stringValue {
                return "kept as text in \(context.policies.invalidPhoneField) (\(kept)): \(why)"
            }
            return "dropped: \(why)"
        }
        guard let whole = payload[top] else { return "(empty)" }
        guard let subfield = field.targetSubfield, let part = whole[subfield] else {
            return whole.stringValue ?? whole.canonicalText
        }
        // Alone in the reduced map, a list of emails has no primary beside it, so the transform promotes its first
        // item to primaryEmail; in the migration the Email column is the primary, so the whole list is shown.
        if subfield == "additionalEmails", case .array(let extras) = part,
            let promoted = whole["primaryEmail"]?.stringValue
        {
            return JSONValue.array([.string(promoted)] + extras).canonicalText
        }
        // The national number alone hides the country it was read in, which is what a reviewer checks.
        if subfield == "primaryPhoneNumber", let number = part.stringValue,
            let code = whole["primaryPhoneCallingCode"]?.stringValue,
            let country = whole["primaryPhoneCountryCode"]?.stringValue
        {
            return "\(code) \(number) (\(country))"
        }
        return part.stringValue ?? part.canonicalText
    }

    /// The column whose value gives a record's country for its phone numbers: the one RecordTransformer reads.
    static func countryField(of object: ObjectMap) -> FieldMapping? { RecordTransformer.countryField(of: object) }
}
