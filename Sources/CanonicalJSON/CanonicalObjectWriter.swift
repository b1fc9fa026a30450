/// A value that writes its own canonical JSON, members in byte order, instead of going through `Encodable`.
///
/// The generic encoder costs several microseconds per event in Swift's Codable machinery; the payloads appended
/// by the million (extracted, transformed, written records) write themselves. A test holds each one to the
/// generic encoder's bytes.
public protocol CanonicalJSONWritable {
    func writeCanonical(into out: inout [UInt8])
}

/// Writes one JSON object's members; the caller gives them in byte order of their keys (checked in debug builds).
public struct CanonicalObjectWriter {
    private(set) var out: [UInt8]
    private var empty = true
    #if DEBUG
        private var lastKey: [UInt8] = []
    #endif

    public init(appendingTo out: [UInt8]) {
        self.out = out
        self.out.append(UInt8(ascii: "{"))
    }

    /// A writer for a new object, its buffer sized for `capacity` bytes.
    public init(capacity: Int) {
        out = []
        out.reserveCapacity(capacity)
        out.append(UInt8(ascii: "{"))
    }

    private mutating func key(_ key: StaticString) {
        #if DEBUG
            let bytes = Array(UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
            assert(empty || lastKey.lexicographicallyPrecedes(bytes), "members out of order at \(key)")
            lastKey = bytes
        #endif
        if !empty { out.append(UInt8(ascii: ",")) }
        empty = false
        out.append(UInt8(ascii: "\""))
        out.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        out.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
    }

    /// A member whose key is only known at run time; the caller keeps the byte order.
    public mutating func member(dynamic name: String, _ value: String) {
        if !empty { out.append(UInt8(ascii: ",")) }
        empty = false
        CanonicalJSON.writeString(name, into: &out)
        out.append(UInt8(ascii: ":"))
        CanonicalJSON.writeString(value, into: &out)
    }

    public mutating func member(_ name: StaticString, _ value: String) {
        key(name)
        CanonicalJSON.writeString(value, into: &out)
    }

    public mutating func member(_ name: StaticString, _ value: String?) {
        if let value { member(name, value) }
    }

    public mutating func member(_ name: StaticString, _ value: Int) {
        key(name)
        CanonicalJSON.writeInteger(Int64(value), into: &out)
    }

    public mutating func member(_ name: StaticString, _ value: Bool) {
        key(name)
        out.append(contentsOf: value ? CanonicalJSON.trueBytes : CanonicalJSON.falseBytes)
    }

    public mutating func member(_ name: StaticString, _ value: JSONValue) {
        key(name)
        CanonicalJSON.write(value, into: &out)
    }

    public mutating func member(_ name: StaticString, _ value: JSONValue?) {
        if let value { member(name, value) }
    }

    /// A member whose value is already canonical JSON text.
    public mutating func member(_ name: StaticString, canonicalJSON bytes: [UInt8]) {
        key(name)
        out.append(contentsOf: bytes)
    }

    public mutating func member(_ name: StaticString, strings: [String: String]) {
        key(name)
        out.append(UInt8(ascii: "{"))
        for (index, pair) in strings.sorted(by: { CanonicalJSON.utf8Precedes($0.key, $1.key) }).enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            CanonicalJSON.writeString(pair.key, into: &out)
            out.append(UInt8(ascii: ":"))
            CanonicalJSON.writeString(pair.value, into: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    public mutating func finish() -> [UInt8] {
        out.append(UInt8(ascii: "}"))
        return out
    }
}

extension CanonicalJSONWritable {
    /// Runs `body` on a writer appending to `out`, then closes the object.
    public func writeObject(into out: inout [UInt8], _ body: (inout CanonicalObjectWriter) -> Void) {
        var writer = CanonicalObjectWriter(appendingTo: out)
        out = []
        body(&writer)
        out = writer.finish()
    }
}
