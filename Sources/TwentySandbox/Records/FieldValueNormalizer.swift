import CanonicalJSON
import TwentyModel

/// Turns one field's value as a client sent it into the value Twenty stores and returns, or refuses it.
///
/// Twenty runs these checks in its record transformer and input validators before the query runs
/// (`S/engine/core-modules/record-transformer/` and `S/engine/api/common/common-args-processors/
/// data-arg-processor/`): composite subfields are known ones, emails are lower-cased, link origins lower-cased,
/// phones validated, SELECT values among the options, dates normalised.
struct FieldValueNormalizer {
    let object: ObjectModel

    func normalise(_ field: FieldMetadata, _ value: JSONValue, existing: JSONValue?) throws -> JSONValue {
        switch field.type {
        case .text, .rating:
            guard case .string = value else { return try nullOr(value, field, "a string") }
            return value
        case .uuid:
            guard case .string(let text) = value else { return try nullOr(value, field, "a UUID") }
            guard Identifier.isUUID(text) else { throw invalid(field, value, "a UUID") }
            return .string(text.lowercased())
        case .number, .numeric:
            return try number(value, field)
        case .boolean:
            guard case .bool = value else { return try nullOr(value, field, "a boolean") }
            return value
        case .date, .dateTime:
            guard case .string(let text) = value else { return try nullOr(value, field, "an ISO 8601 date") }
            guard let instant = Timestamp.parse(text) else { throw invalid(field, value, "an ISO 8601 date") }
            return .string(field.type == .date ? String(text.prefix(10)) : instant.iso8601)
        case .select:
            guard case .string(let text) = value else { return try nullOr(value, field, "an option value") }
            try checkOption(text, field)
            return value
        case .multiSelect:
            guard case .array(let items) = value else { return try nullOr(value, field, "a list of option values") }
            for item in items {
                guard case .string(let text) = item else { throw invalid(field, value, "a list of option values") }
                try checkOption(text, field)
            }
            return value
        case .array:
            guard case .array(let items) = value else { return try nullOr(value, field, "a list of strings") }
            guard items.allSatisfy({ $0.stringValue != nil }) else { throw invalid(field, value, "a list of strings") }
            return value
        case .rawJSON:
            return value
        case .files:
            return try files(value, field)
        case .position:
            return value
        case .relation, .tsVector:
            throw SandboxError.unknownField(field.name, object: object.name)
        case .currency, .emails, .links, .phones, .fullName, .address, .actor, .richTextV2:
            return try composite(field, value, existing: existing)
        }
    }

    // MARK: Composites

    private func composite(_ field: FieldMetadata, _ value: JSONValue, existing: JSONValue?) throws -> JSONValue {
        let shape = CompositeShape.of(field.type)!
        if case .null = value { return .object(shape.empty) }
        guard case .object(let sent) = value else { throw invalid(field, value, "an object") }
        for key in sent.keys where !shape.names.contains(key) {
            throw SandboxError.badRequest("Invalid subfield \(key) for field \(field.name)")
        }
        // Subfields not sent keep their stored value on update (each is its own column in Twenty).
        var merged = existing?.objectValue ?? shape.empty
        for (key, subvalue) in sent { merged[key] = subvalue }
        switch field.type {
        case .emails: try emails(&merged, field)
        case .links: try links(&merged, field)
        case .phones: try phones(&merged, field)
        case .currency: try currency(&merged, field)
        case .address:
            for key in ["addressLat", "addressLng"] { merged[key] = try number(merged[key] ?? .null, field) }
            try requireStrings(&merged, field, except: ["addressLat", "addressLng"])
        case .richTextV2: try richText(&merged, sent: sent, field)
        case .fullName: try requireStrings(&merged, field, except: [])
        default: break
        }
        return .object(merged)
    }

    private func emails(_ value: inout [String: JSONValue], _ field: FieldMetadata) throws {
        if case .string(let primary)? = value["primaryEmail"] {
            value["primaryEmail"] = .string(primary.trimmedWhitespace.lowercased())
        }
        if case .array(let items)? = value["additionalEmails"] {
            value["additionalEmails"] = .array(
                try items.map {
                    guard let text = $0.stringValue else { throw invalid(field, $0, "a list of emails") }
                    return .string(text.trimmedWhitespace.lowercased())
                })
        }
    }

    private func links(_ value: inout [String: JSONValue], _ field: FieldMetadata) throws {
        if case .string(let url)? = value["primaryLinkUrl"] {
            value["primaryLinkUrl"] = .string(LinkURL.normalise(url))
        }
        if case .array(let items)? = value["secondaryLinks"] {
            value["secondaryLinks"] = .array(
                try items.map { item in
                    guard case .object(var link) = item else { throw invalid(field, item, "a list of {url, label}") }
                    for key in link.keys where key != "url" && key != "label" {
                        throw SandboxError.badRequest("Invalid subfield \(key) for field \(field.name).secondaryLinks")
                    }
                    if case .string(let url)? = link["url"] { link["url"] = .string(LinkURL.normalise(url)) }
                    return .object(link)
                })
        }
    }

    private func phones(_ value: inout [String: JSONValue], _ field: FieldMetadata) throws {
        let phone = try checkedPhone(
            number: value["primaryPhoneNumber"], country: value["primaryPhoneCountryCode"],
            calling: value["primaryPhoneCallingCode"], field)
        if let phone {
            value["primaryPhoneNumber"] = .string(phone.number)
            value["primaryPhoneCountryCode"] = .string(phone.countryCode)
            value["primaryPhoneCallingCode"] = .string(phone.callingCode)
        }
        if case .array(let items)? = value["additionalPhones"] {
            value["additionalPhones"] = .array(
                try items.map { item in
                    guard case .object(let entry) = item else { throw invalid(field, item, "a list of phones") }
                    for key in entry.keys where !["number", "countryCode", "callingCode"].contains(key) {
                        throw SandboxError.badRequest(
                            "Invalid subfield \(key) for field \(field.name).additionalPhones")
                    }
                    guard
                        let phone = try checkedPhone(
                            number: entry["number"], country: entry["countryCode"], calling: entry["callingCode"], field
                        )
                    else { return item }
                    return [
                        "number": .string(phone.number), "countryCode": .string(phone.countryCode),
                        "callingCode": .string(phone.callingCode),
                    ]
                })
        }
    }

    private func checkedPhone(number: JSONValue?, country: JSONValue?, calling: JSONValue?, _ field: FieldMetadata)
        throws -> PhoneNumberRule.Phone?
    {
        func text(_ value: JSONValue?) throws -> String {
            switch value {
            case .none, .some(.null): return ""
            case .some(.string(let s)): return s
            case .some(let other): throw invalid(field, other, "a string")
            }
        }
        let numberText = try text(number)
        switch PhoneNumberRule.validate(
            number: numberText, countryCode: try text(country), callingCode: try text(calling))
        {
        case .success(let phone): return phone
        case .failure(let rejection):
            throw SandboxError.badRequest(
                "Invalid phone number \"\(numberText)\" in field \(field.name): \(rejection.reason)")
        }
    }

    private func currency(_ value: inout [String: JSONValue], _ field: FieldMetadata) throws {
        value["amountMicros"] = try number(value["amountMicros"] ?? .null, field)
        if case .string(let code)? = value["currencyCode"] { value["currencyCode"] = .string(code.uppercased()) }
        try requireStrings(&value, field, except: ["amountMicros"])
    }

    private func richText(_ value: inout [String: JSONValue], sent: [String: JSONValue], _ field: FieldMetadata) throws
    {
        if case .string(let markdown)? = sent["markdown"], sent["blocknote"] == nil || sent["blocknote"] == .null {
            value["blocknote"] = .string(RichText.blocknote(fromMarkdown: markdown))
        } else if case .string(let blocknote)? = sent["blocknote"], sent["markdown"] == nil || sent["markdown"] == .null
        {
            guard let markdown = RichText.markdown(fromBlocknote: blocknote) else {
                throw invalid(field, .string(blocknote), "BlockNote JSON")
            }
            value["markdown"] = .string(markdown)
        }
    }

    /// `except` is a list, not a set, and read only for a value that is not text: the write path calls this for
    /// every address and amount, where building and probing a set was a measurable share of a batch create.
    private func requireStrings(_ value: inout [String: JSONValue], _ field: FieldMetadata, except: [String]) throws {
        for (key, subvalue) in value {
            switch subvalue {
            case .string, .null: continue
            default:
                if except.contains(key) { continue }
                throw invalid(field, subvalue, "a string in \(key)")
            }
        }
    }

    // MARK: Scalars

    /// NUMBER and amountMicros accept a number or a numeric string and come back as a JSON number.
    private func number(_ value: JSONValue, _ field: FieldMetadata) throws -> JSONValue {
        switch value {
        case .null, .integer: return value
        case .number(let v): return v.rounded() == v && abs(v) < 9e15 ? .integer(Int64(v)) : value
        case .string(let text):
            if let v = Int64(text) { return .integer(v) }
            if let v = Double(text), v.isFinite { return .number(v) }
            throw invalid(field, value, "a number")
        default: throw invalid(field, value, "a number")
        }
    }

    private func files(_ value: JSONValue, _ field: FieldMetadata) throws -> JSONValue {
        guard case .array(let items) = value else { return try nullOr(value, field, "a list of {fileId, label}") }
        return .array(
            try items.map { item in
                guard case .object(let file) = item, case .string(let fileId)? = file["fileId"] else {
                    throw invalid(field, item, "a list of {fileId, label}")
                }
                for key in file.keys where !["fileId", "label", "extension"].contains(key) {
                    throw SandboxError.badRequest("Invalid subfield \(key) for field \(field.name)")
                }
                return [
                    "fileId": .string(fileId), "label": file["label"] ?? .string(""),
                    "extension": file["extension"] ?? .null,
                ]
            })
    }

    private func checkOption(_ text: String, _ field: FieldMetadata) throws {
        guard field.options?.contains(where: { $0.value == text }) ?? false else {
            throw SandboxError.badRequest(
                "Invalid value '\(text)' for \(field.type.rawValue) field \"\(field.name)\"; allowed: "
                    + (field.options ?? []).map(\.value).joined(separator: ", "))
        }
    }

    private func nullOr(_ value: JSONValue, _ field: FieldMetadata, _ expected: String) throws -> JSONValue {
        guard case .null = value else { throw invalid(field, value, expected) }
        return .null
    }

    private func invalid(_ field: FieldMetadata, _ value: JSONValue, _ expected: String) -> SandboxError {
        .badRequest("Invalid value \(value.canonicalText.prefix(80)) for field \"\(field.name)\": expected \(expected)")
    }
}
