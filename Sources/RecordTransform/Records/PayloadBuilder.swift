import CanonicalJSON
import Ledger

/// Collects one record's values field by field and assembles composites: subfields written by different columns
/// (`name.firstName`, `name.lastName`) end up in one object, list subfields accumulate, and the e-mail and
/// currency rules that span columns are applied once every column is read.
///
/// A record writes a handful of fields, so they are kept in small arrays searched in order (`FieldSlots`) rather
/// than in dictionaries: hashing every field and subfield name twice was a large part of a record's cost. Only the
/// payload `finish` returns is a dictionary.
struct PayloadBuilder {
    var fields = FieldSlots<JSONValue>()
    var composites = FieldSlots<FieldSlots<JSONValue>>()
    var primaryEmails = FieldSlots<String>()
    var additionalEmails = FieldSlots<[String]>()
    var additionalPhones = FieldSlots<[JSONValue]>()
    var secondaryLinks = FieldSlots<[JSONValue]>()
    var phoneTexts: [String] = []

    mutating func set(_ field: String, _ subfield: String?, _ value: JSONValue) {
        if let subfield { composites[field, default: FieldSlots()][subfield] = value } else { fields[field] = value }
    }

    func has(_ field: String, _ subfield: String?) -> Bool {
        if let subfield { return composites[field]?[subfield] != nil }
        return fields[field] != nil
    }

    /// The payload: composites merged in, the first additional email promoted when there is no primary one (Twenty
    /// keeps `primaryEmail` unique and shows it first), repeats of the primary removed, the default currency put
    /// beside an amount written without one.
    mutating func finish(defaultCurrency: String, currencyFields: Set<String>) -> [String: JSONValue] {
        for field in primaryEmails.keys + additionalEmails.keys.filter({ primaryEmails[$0] == nil }) {
            var primary = primaryEmails[field]
            var extras = additionalEmails[field] ?? []
            if primary == nil, !extras.isEmpty { primary = extras.removeFirst() }
            if !extras.isEmpty {
                var seen = Set<String>()
                if let primary { seen.insert(primary) }
                extras = extras.filter { seen.insert($0).inserted }
            }
            composites[field, default: FieldSlots()]["primaryEmail"] = primary.map(JSONValue.string) ?? .null
            composites[field, default: FieldSlots()]["additionalEmails"] = .array(extras.map(JSONValue.string))
        }
        for (field, phones) in additionalPhones.members {
            composites[field, default: FieldSlots()]["additionalPhones"] = .array(phones)
        }
        for (field, links) in secondaryLinks.members {
            composites[field, default: FieldSlots()]["secondaryLinks"] = .array(links)
        }
        if !currencyFields.isEmpty {
            for (field, subfields) in composites.members
            where currencyFields.contains(field) && subfields["amountMicros"] != nil && subfields["currencyCode"] == nil
            {
                composites[field]?["currencyCode"] = .string(defaultCurrency)
            }
        }
        // Room for the members the transformer adds (id, source id, phone text).
        var payload = [String: JSONValue](minimumCapacity: fields.members.count + composites.members.count + 3)
        for (field, value) in fields.members { payload[field] = value }
        for (field, subfields) in composites.members { payload[field] = .object(subfields.dictionary) }
        return payload
    }
}

/// A few values by name, in the order first written; writing a name again replaces its value, as a dictionary
/// would. Searched linearly: names are few, and usually the very strings of the map's steps, which compare fast.
struct FieldSlots<Value> {
    private(set) var members: [(name: String, value: Value)] = []

    var keys: [String] { members.map(\.name) }

    private func index(of name: String) -> Int? { members.firstIndex { $0.name == name } }

    subscript(name: String) -> Value? {
        get { index(of: name).map { members[$0].value } }
        set {
            switch (index(of: name), newValue) {
            case (let index?, let value?): members[index].value = value
            case (let index?, nil): members.remove(at: index)
            case (nil, let value?): members.append((name, value))
            case (nil, nil): break
            }
        }
    }

    subscript(name: String, default defaultValue: @autoclosure () -> Value) -> Value {
        get { self[name] ?? defaultValue() }
        _modify {
            let position: Int
            if let index = index(of: name) {
                position = index
            } else {
                members.append((name, defaultValue()))
                position = members.count - 1
            }
            yield &members[position].value
        }
    }
}

extension FieldSlots where Value == JSONValue {
    var dictionary: [String: JSONValue] {
        var result = [String: JSONValue](minimumCapacity: members.count)
        for (name, value) in members { result[name] = value }
        return result
    }
}
