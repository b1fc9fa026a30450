import Ledger

/// Collects one record's values field by field and assembles composites: subfields written by different columns
/// (`name.firstName`, `name.lastName`) end up in one object, list subfields accumulate, and the e-mail and
/// currency rules that span columns are applied once every column is read.
struct PayloadBuilder {
    var fields: [String: JSONValue] = [:]
    var composites: [String: [String: JSONValue]] = [:]
    var primaryEmails: [String: String] = [:]
    var additionalEmails: [String: [String]] = [:]
    var additionalPhones: [String: [JSONValue]] = [:]
    var secondaryLinks: [String: [JSONValue]] = [:]
    var phoneTexts: [String] = []

    mutating func set(_ field: String, _ subfield: String?, _ value: JSONValue) {
        if let subfield { composites[field, default: [:]][subfield] = value } else { fields[field] = value }
    }

    func has(_ field: String, _ subfield: String?) -> Bool {
        if let subfield { return composites[field]?[subfield] != nil }
        return fields[field] != nil
    }

    /// The payload: composites merged in, the first additional email promoted when there is no primary one (Twenty
    /// keeps `primaryEmail` unique and shows it first), repeats of the primary removed, the default currency put
    /// beside an amount written without one.
    mutating func finish(defaultCurrency: String, currencyFields: Set<String>) -> [String: JSONValue] {
        for field in Set(primaryEmails.keys).union(additionalEmails.keys) {
            var primary = primaryEmails[field]
            var extras = additionalEmails[field] ?? []
            if primary == nil, !extras.isEmpty { primary = extras.removeFirst() }
            var seen = Set<String>()
            if let primary { seen.insert(primary) }
            extras = extras.filter { seen.insert($0).inserted }
            composites[field, default: [:]]["primaryEmail"] = primary.map(JSONValue.string) ?? .null
            composites[field, default: [:]]["additionalEmails"] = .array(extras.map(JSONValue.string))
        }
        for (field, phones) in additionalPhones { composites[field, default: [:]]["additionalPhones"] = .array(phones) }
        for (field, links) in secondaryLinks { composites[field, default: [:]]["secondaryLinks"] = .array(links) }
        for field in currencyFields where composites[field]?["amountMicros"] != nil && composites[field]?["currencyCode"] == nil {
            composites[field]?["currencyCode"] = .string(defaultCurrency)
        }
        var payload = fields
        for (field, subfields) in composites { payload[field] = .object(subfields) }
        return payload
    }
}
