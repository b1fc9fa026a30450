import CanonicalJSON

/// Where each member of an object's record bodies sits in a `StoredRecord`: the stored fields and join columns
/// in canonical order, so a record is an array indexed by slot instead of a dictionary keyed by name.
///
/// A class: every record of the object holds it, and copying a record must not retain its arrays one by one.
final class RecordLayout: Sendable {
    /// Member names in canonical (UTF-8 byte) order; slot `i` holds the member `names[i]`.
    let names: [String]
    let slots: [String: Int]
    /// The keys and composite layouts for writing a body whose slots are all filled.
    let members: CanonicalMembers
    /// What a new record holds before the client's values are applied: each stored field at its default, join
    /// columns null.
    let defaults: [JSONValue?]

    init(defaults values: [String: JSONValue], composites: [String: CanonicalMembers]) {
        members = CanonicalMembers(names: values.keys, nested: composites)
        names = members.names
        slots = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        defaults = names.map { values[$0] }
    }

    func slot(_ name: String) -> Int? { slots[name] }
}
