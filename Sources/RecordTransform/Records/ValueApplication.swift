import CanonicalJSON
import FieldMap
import Ledger
import TwentyModel

extension RecordTransformer {
    /// Transforms one non-empty value and writes it where its step says; returns the rejection when refused.
    func apply(
        _ step: FieldStep, _ value: String, country: String, into builder: inout PayloadBuilder,
        references: inout [Reference]
    ) -> ValueRejection? {
        func put(_ result: Result<JSONValue, ValueRejection>) -> ValueRejection? {
            switch result {
            case .success(let json):
                builder.set(step.field, step.subfield, json)
                return nil
            case .failure(let rejection):
                return rejection
            }
        }
        /// A CURRENCY part written to a whole CURRENCY field (`amount`) goes to its subfield (`amount.amountMicros`).
        func putPart(_ result: Result<JSONValue, ValueRejection>, default subfield: String) -> ValueRejection? {
            guard case .success(let json) = result else { return put(result) }
            let isScalar = step.fieldType == .number || step.fieldType == .text
            builder.set(step.field, step.subfield ?? (isScalar ? nil : subfield), json)
            return nil
        }
        switch step.transform {
        case .text, .skip:
            return put(.success(.string(value)))
        case .fullName:
            let split = PersonNames.split(value)
            builder.set(step.field, "firstName", .string(split.firstName))
            builder.set(step.field, "lastName", .string(split.lastName))
            return nil
        case .email, .emailList:
            let isList = step.transform == .emailList || step.subfield == "additionalEmails"
            if step.fieldType == .text || (step.fieldType == nil && step.subfield == nil) {
                return put(Emails.normalize(value).map(JSONValue.string))
            }
            if isList {
                switch Emails.list(value, separator: step.separator, excluding: nil) {
                case .success(let emails): builder.additionalEmails[step.field, default: []] += emails
                case .failure(let rejection): return rejection
                }
                return nil
            }
            switch Emails.normalize(value) {
            case .success(let email): builder.primaryEmails[step.field] = email
            case .failure(let rejection): return rejection
            }
            return nil
        case .phone:
            switch Phones.parse(value, defaultCountry: country) {
            case .success(let phone):
                if step.fieldType == .text {
                    builder.set(step.field, step.subfield, .string(phone.callingCode + phone.nationalNumber))
                } else if step.subfield == "additionalPhones" || builder.has(step.field, "primaryPhoneNumber") {
                    builder.additionalPhones[step.field, default: []].append(
                        .object([
                            "number": .string(phone.nationalNumber), "callingCode": .string(phone.callingCode),
                            "countryCode": .string(phone.country),
                        ]))
                } else {
                    builder.set(step.field, "primaryPhoneNumber", .string(phone.nationalNumber))
                    builder.set(step.field, "primaryPhoneCallingCode", .string(phone.callingCode))
                    builder.set(step.field, "primaryPhoneCountryCode", .string(phone.country))
                }
                return nil
            case .failure(let rejection):
                switch context.policies.invalidPhone {
                case .reject: return rejection
                case .drop: return nil
                case .keepAsText:
                    builder.phoneTexts.append(value)
                    return nil
                }
            }
        case .url:
            switch Links.url(value) {
            case .success(let url):
                if step.fieldType == .text {
                    builder.set(step.field, nil, .string(url))
                } else if step.subfield == "secondaryLinks" {
                    builder.secondaryLinks[step.field, default: []].append(
                        .object(["url": .string(url), "label": .string("")]))
                } else {
                    builder.set(step.field, step.subfield ?? "primaryLinkUrl", .string(url))
                }
                return nil
            case .failure(let rejection):
                return rejection
            }
        case .currencyAmount:
            let micros = Money.micros(value, convention: step.convention)
            return putPart(micros.map { .integer($0) }, default: "amountMicros")
        case .currencyCode:
            return putPart(
                CurrencyCodes.normalize(value, preferring: context.defaults.currency).map(JSONValue.string),
                default: "currencyCode")
        case .number:
            return put(
                Scalars.number(value, convention: step.convention).map { number in
                    switch number {
                    case .integer(let n): .integer(n)
                    case .double(let d): .number(d)
                    }
                })
        case .boolean:
            return put(Scalars.boolean(value).map(JSONValue.bool))
        case .date:
            return put(context.timestamps.date(value, format: step.format).map(JSONValue.string))
        case .dateTime:
            return put(context.timestamps.dateTime(value, format: step.format).map(JSONValue.string))
        case .select:
            return put((step.options ?? OptionValues([])).option(value).map(JSONValue.string))
        case .multiSelect:
            return put(
                (step.options ?? OptionValues([])).options(value, separator: step.separator).map {
                    .array($0.map(JSONValue.string))
                })
        case .richText:
            let markdown = HTMLToMarkdown.markdown(value)
            if step.fieldType == .text { return put(.success(.string(markdown))) }
            builder.set(step.field, step.subfield ?? "markdown", .string(markdown))
            return nil
        case .owner:
            switch context.members.memberId(forOwner: value) {
            case .success(let id?): builder.set(step.field, step.subfield, .string(id))
            case .success(nil): break
            case .failure(let rejection): return rejection
            }
            return nil
        case .reference:
            let object = step.references ?? objectMap.source
            guard let matchBy = step.matchBy else {
                references.append(
                    Reference(column: step.column, joinColumn: step.field, object: object, sourceId: value))
                // A parent written as a target record has no join column on this record.
                if !step.field.isEmpty {
                    builder.set(
                        step.field, step.subfield, .string(context.identity.id(object: object, sourceId: value)))
                }
                return nil
            }
            switch context.resolver.resolve(value, object: object, matchBy: matchBy) {
            case .record(let sourceId):
                references.append(
                    Reference(
                        column: step.column, joinColumn: step.field, object: object, sourceId: sourceId, value: value))
                // A parent written as a target record has no join column on this record.
                if !step.field.isEmpty {
                    builder.set(
                        step.field, step.subfield, .string(context.identity.id(object: object, sourceId: sourceId)))
                }
            case .none:
                references.append(
                    Reference(
                        column: step.column, joinColumn: step.field, object: object, sourceId: "", value: value,
                        unresolved: .init(
                            .missingParent, "no record of \(object) has the \(matchBy.rawValue) \(Text.quoted(value))"))
                )
            case .ambiguous(let ids):
                references.append(
                    Reference(
                        column: step.column, joinColumn: step.field, object: object, sourceId: "", value: value,
                        unresolved: .init(
                            .ambiguousReference,
                            "\(ids.count) records of \(object) have the \(matchBy.rawValue) \(Text.quoted(value)) (\(ids.joined(separator: ", "))): which one is meant is unclear"
                        )))
            }
            return nil
        case .json:
            do {
                return put(.success(try JSONValue(parsing: Array(value.utf8))))
            } catch {
                return ValueRejection(.invalidJSON, "\(Text.quoted(value)) is not JSON")
            }
        }
    }
}
