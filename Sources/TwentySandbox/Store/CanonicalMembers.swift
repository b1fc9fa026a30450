import CanonicalJSON

/// The members of a JSON object whose keys are known in advance (a record body, a composite value): kept in
/// canonical order with each key's JSON text encoded once, so writing a value needs neither a sort nor key
/// escaping. Sorting every record's members was the largest single cost of a batch create.
struct CanonicalMembers: Sendable {
    /// The member names in canonical order.
    let names: [String]
    /// `"name":` for each member.
    private let keys: [[UInt8]]
    /// The layout of members that are themselves objects of known keys (composite values).
    private let nested: [CanonicalMembers?]

    init(names: some Sequence<String>, nested: [String: CanonicalMembers]) {
        let sorted = Set(names).sorted(by: CanonicalJSON.utf8Precedes)
        self.names = sorted
        keys = sorted.map { name in
            var key: [UInt8] = []
            CanonicalJSON.writeString(name, into: &key)
            key.append(UInt8(ascii: ":"))
            return key
        }
        self.nested = sorted.map { nested[$0] }
    }

    func bytes(_ members: [String: JSONValue]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        write(members, into: &out)
        return out
    }

    /// Writes members held by position in `names` order (a `StoredRecord`'s slots) as canonical JSON. Every
    /// slot must hold a value; a record with gaps or members of its own is written through `write(_:into:)`.
    func write(slots: [JSONValue?], into out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        for index in names.indices {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: keys[index])
            let value = slots[index]!
            if let layout = nested[index], case .object(let inner) = value {
                layout.write(inner, into: &out)
            } else {
                CanonicalJSON.write(value, into: &out)
            }
        }
        out.append(UInt8(ascii: "}"))
    }

    /// Writes `members` as canonical JSON: the same bytes as `CanonicalJSON.write`, which it falls back to when
    /// the keys are not exactly the expected ones (a record written before a field was added, say).
    func write(_ members: [String: JSONValue], into out: inout [UInt8]) {
        guard members.count == names.count else { return CanonicalJSON.write(.object(members), into: &out) }
        let start = out.count
        out.append(UInt8(ascii: "{"))
        for index in names.indices {
            // Same count and every expected key present: the key sets are equal.
            guard let value = members[names[index]] else {
                out.removeSubrange(start...)
                return CanonicalJSON.write(.object(members), into: &out)
            }
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: keys[index])
            if let layout = nested[index], case .object(let inner) = value {
                layout.write(inner, into: &out)
            } else {
                CanonicalJSON.write(value, into: &out)
            }
        }
        out.append(UInt8(ascii: "}"))
    }
}
