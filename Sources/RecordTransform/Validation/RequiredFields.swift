import CanonicalJSON
import Ledger
import TwentyModel

/// The fields a record cannot be written without: those Twenty itself requires (not nullable, no default), and
/// the label identifier of a company, an opportunity and a person. Twenty accepts a company or deal without a
/// name, but it is then an "Untitled" row nobody can find or match, so a migration refuses it and says so;
/// a person needs a name or an email for the same reason.
struct RequiredFields: Sendable {
    /// Each requirement: the fields any one of which satisfies it, and the column to name in the rejection.
    let requirements: [(fields: [String], column: String)]

    init(object: String, description: ObjectDescription?, steps: [FieldStep]) {
        func column(_ field: String) -> String { steps.first { $0.field == field }?.column ?? field }
        var requirements: [(fields: [String], column: String)] = []
        for field in description?.writableFields ?? [] where field.isRequired && field.type != .relation {
            requirements.append(([field.name], column(field.name)))
        }
        let mapped = Set(steps.map(\.field))
        switch object {
        case "company", "opportunity":
            if mapped.contains("name") { requirements.append((["name"], column("name"))) }
        case "person":
            let fields = ["name", "emails"].filter(mapped.contains)
            if !fields.isEmpty { requirements.append((fields, fields.map(column).joined(separator: " / "))) }
        default:
            break
        }
        self.requirements = requirements
    }

    func missing(in payload: [String: JSONValue]) -> [RecordRejection.Reason] {
        requirements.compactMap { requirement in
            requirement.fields.contains { Self.hasValue(payload[$0]) }
                ? nil
                : RecordRejection.Reason(
                    field: requirement.column, code: .missingRequired,
                    message: "\(requirement.column) is empty, and the record cannot be written without it")
        }
    }

    /// A composite counts when any of its text parts is non-empty.
    static func hasValue(_ value: JSONValue?) -> Bool {
        switch value {
        case nil, .null?: false
        case .string(let text)?: !text.isEmpty
        case .object(let members)?: members.values.contains { hasValue($0) && $0 != .array([]) }
        default: true
        }
    }
}
