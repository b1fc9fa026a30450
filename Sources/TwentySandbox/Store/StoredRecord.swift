import CanonicalJSON

/// One record as stored: its members in the slots of its object's `RecordLayout`, with the columns read out.
///
/// Slots, not a dictionary keyed by name: a batch create fills some thirty members per record and writes them
/// back in canonical order, and hashing every name for that was the largest share of the sandbox's own work.
struct StoredRecord {
    let layout: RecordLayout
    /// `slots[i]` is the member `layout.names[i]`; nil when the record does not hold it.
    private var slots: [JSONValue?]
    /// Members outside the layout: a body stored under an earlier schema keeps them until it is rewritten.
    private var extras: [String: JSONValue] = [:]
    /// The canonical bytes of the members when known (read from or just written to the table).
    var cachedBytes: [UInt8]?

    /// A new record: every member at its default (`RecordLayout.defaults`).
    init(layout: RecordLayout) {
        self.layout = layout
        slots = layout.defaults
    }

    init(values: [String: JSONValue], layout: RecordLayout) {
        self.layout = layout
        slots = Array(repeating: nil, count: layout.names.count)
        for (name, value) in values { self[name] = value }
    }

    init(bytes: [UInt8], layout: RecordLayout) throws {
        guard case .object(let members) = try JSONParser.parse(bytes) else {
            throw SandboxError(status: 500, message: "a stored record is not a JSON object")
        }
        self.init(values: members, layout: layout)
        cachedBytes = bytes
    }

    subscript(name: String) -> JSONValue? {
        get {
            if let slot = layout.slot(name) { return slots[slot] }
            return extras[name]
        }
        set {
            cachedBytes = nil
            if let slot = layout.slot(name) { slots[slot] = newValue } else { extras[name] = newValue }
        }
    }

    /// The member in `slot` of the layout, for callers that resolved the name once (`FieldReference.slot`).
    subscript(slot slot: Int) -> JSONValue? {
        get { slots[slot] }
        set {
            cachedBytes = nil
            slots[slot] = newValue
        }
    }

    /// The members by name, for code that rewrites whole bodies (metadata changes).
    var values: [String: JSONValue] {
        var members = extras
        for (slot, value) in slots.enumerated() { if let value { members[layout.names[slot]] = value } }
        return members
    }

    var id: String { self["id"]?.stringValue ?? "" }
    var deletedAt: String? { self["deletedAt"]?.stringValue }
    var position: Double? {
        switch self["position"] {
        case .integer(let v)?: Double(v)
        case .number(let v)?: v
        default: nil
        }
    }

    /// The same bytes as `CanonicalJSON.bytes(.object(values))`: written slot by slot when the record holds
    /// exactly its layout's members, through the dictionary otherwise.
    var canonicalBytes: [UInt8] {
        if let cachedBytes { return cachedBytes }
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        if extras.isEmpty, !slots.contains(where: { $0 == nil }) {
            layout.members.write(slots: slots, into: &out)
        } else {
            CanonicalJSON.write(.object(values), into: &out)
        }
        return out
    }
}
