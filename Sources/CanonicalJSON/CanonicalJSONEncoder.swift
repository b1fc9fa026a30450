import Foundation

/// Encodes any `Encodable` value to canonical JSON bytes (see `CanonicalJSON`).
///
/// Foundation's `JSONEncoder` with `.sortedKeys` sorts by `String` comparison (Unicode canonical order) and
/// formats numbers its own way per platform; the ledger's hashes must not depend on either, so values are
/// encoded to a `JSONValue` tree and written by `CanonicalJSON`. `Date` is written as ISO 8601 UTC with
/// milliseconds, `Data` as base64.
public struct CanonicalJSONEncoder: Sendable {
    /// Whether values that write themselves (`CanonicalJSONWritable`) may do so; tests turn it off to compare.
    let usesHandWrittenForms: Bool

    public init() { usesHandWrittenForms = true }
    /// For tests: `false` bypasses `CanonicalJSONWritable`, to compare hand-written forms with the generic one.
    public init(usesHandWrittenForms: Bool) { self.usesHandWrittenForms = usesHandWrittenForms }

    public func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(512)
        try encode(value, into: &out)
        return out
    }

    /// Appends the canonical bytes of `value` to `out`.
    public func encode<T: Encodable>(_ value: T, into out: inout [UInt8]) throws {
        if usesHandWrittenForms, let writable = value as? CanonicalJSONWritable {
            writable.writeCanonical(into: &out)
            return
        }
        let slot = Slot()
        if let primitive = try primitive(value, codingPath: []) {
            slot.node = .value(primitive)
        } else {
            try value.encode(to: TreeEncoder(slot: slot, codingPath: []))
        }
        slot.node.write(into: &out)
    }
}

public enum CanonicalJSONError: Error, CustomStringConvertible {
    case notRepresentable(String, codingPath: [CodingKey])

    public var description: String {
        switch self {
        case .notRepresentable(let what, let path):
            let location = path.map(\.stringValue).joined(separator: ".")
            return "\(what) cannot be written as JSON at \(location.isEmpty ? "the top level" : location)"
        }
    }
}

// MARK: - The tree being built
//
// Containers collect members in the order the value encodes them; writing sorts each object's keys. Primitive
// members are stored inline; only values that choose their container later get a `Slot`.

/// Where one encoded value goes; filled by whichever container the value asks for.
private final class Slot {
    var node: Node = .value(.null)
}

private final class ObjectBox {
    var members: [(key: String, node: Node)] = []
}

private final class ArrayBox {
    var items: [Node] = []
}

private enum Node {
    case value(JSONValue)
    case object(ObjectBox)
    case array(ArrayBox)
    case slot(Slot)

    func write(into out: inout [UInt8]) {
        switch self {
        case .value(let v):
            CanonicalJSON.write(v, into: &out)
        case .slot(let slot):
            slot.node.write(into: &out)
        case .array(let box):
            out.append(UInt8(ascii: "["))
            for (index, item) in box.items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                item.write(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let box):
            var members = box.members
            members.sort { CanonicalJSON.utf8Precedes($0.key, $1.key) }
            if zip(members, members.dropFirst()).contains(where: { $0.key == $1.key }) {
                // A value encoded the same key twice: the last one wins, as when a dictionary is assigned twice.
                members = box.members.enumerated().sorted { a, b in
                    a.element.key == b.element.key
                        ? a.offset > b.offset : CanonicalJSON.utf8Precedes(a.element.key, b.element.key)
                }.map(\.element)
                var seen = Set<String>()
                members = members.filter { seen.insert($0.key).inserted }
            }
            out.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                CanonicalJSON.writeString(member.key, into: &out)
                out.append(UInt8(ascii: ":"))
                member.node.write(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }
}

private func primitive<T: Encodable>(_ value: T, codingPath: @autoclosure () -> [CodingKey]) throws -> JSONValue? {
    switch value {
    case let v as String: return .string(v)
    case let v as Bool: return .bool(v)
    case let v as Int: return .integer(Int64(v))
    case let v as Int64: return .integer(v)
    case let v as Int32: return .integer(Int64(v))
    case let v as Double: return try number(v, codingPath())
    case let v as JSONValue: return v
    case let v as Date: return .string(CanonicalJSON.format(v))
    case let v as Data: return .string(v.base64EncodedString())
    case let v as URL: return .string(v.absoluteString)
    case let v as Decimal: return .string(v.description)
    default: return nil
    }
}

private func number(_ value: Double, _ codingPath: @autoclosure () -> [CodingKey]) throws -> JSONValue {
    guard value.isFinite else { throw CanonicalJSONError.notRepresentable("\(value)", codingPath: codingPath()) }
    return .number(value)
}

/// A member value: inline when primitive, otherwise a slot the value's own `encode(to:)` fills.
private func encodeNested<T: Encodable>(_ value: T, codingPath: @autoclosure () -> [CodingKey]) throws -> Node {
    if let primitive = try primitive(value, codingPath: codingPath()) { return .value(primitive) }
    let slot = Slot()
    try value.encode(to: TreeEncoder(slot: slot, codingPath: codingPath()))
    return .slot(slot)
}

private struct TreeEncoder: Encoder {
    let slot: Slot
    let codingPath: [CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let box: ObjectBox
        if case .object(let existing) = slot.node {
            box = existing
        } else {
            box = ObjectBox()
            slot.node = .object(box)
        }
        return KeyedEncodingContainer(KeyedContainer<Key>(box: box, codingPath: codingPath))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        let box: ArrayBox
        if case .array(let existing) = slot.node {
            box = existing
        } else {
            box = ArrayBox()
            slot.node = .array(box)
        }
        return UnkeyedContainer(box: box, codingPath: codingPath)
    }

    func singleValueContainer() -> SingleValueEncodingContainer { SingleContainer(slot: slot, codingPath: codingPath) }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: ObjectBox
    let codingPath: [CodingKey]

    private func set(_ value: JSONValue, _ key: Key) { box.members.append((key.stringValue, .value(value))) }

    mutating func encodeNil(forKey key: Key) throws { set(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { set(.string(value), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(.integer(Int64(value)), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { set(.integer(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        set(try number(value, codingPath + [key]), key)
    }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        box.members.append((key.stringValue, try encodeNested(value, codingPath: codingPath + [key])))
    }

    private func child(_ key: Key) -> TreeEncoder {
        let slot = Slot()
        box.members.append((key.stringValue, .slot(slot)))
        return TreeEncoder(slot: slot, codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        child(key).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        child(key).unkeyedContainer()
    }

    mutating func superEncoder() -> Encoder { child(Key(stringValue: "super")!) }
    mutating func superEncoder(forKey key: Key) -> Encoder { child(key) }
}

private struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { String(intValue ?? 0) }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { return nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let box: ArrayBox
    let codingPath: [CodingKey]
    var count: Int { box.items.count }

    private func append(_ value: JSONValue) { box.items.append(.value(value)) }

    mutating func encodeNil() throws { append(.null) }
    mutating func encode(_ value: Bool) throws { append(.bool(value)) }
    mutating func encode(_ value: String) throws { append(.string(value)) }
    mutating func encode(_ value: Int) throws { append(.integer(Int64(value))) }
    mutating func encode(_ value: Int64) throws { append(.integer(value)) }
    mutating func encode(_ value: Double) throws { append(try number(value, codingPath + [IndexKey(count)])) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        box.items.append(try encodeNested(value, codingPath: codingPath + [IndexKey(count)]))
    }

    private func child() -> TreeEncoder {
        let slot = Slot()
        box.items.append(.slot(slot))
        return TreeEncoder(slot: slot, codingPath: codingPath + [IndexKey(count - 1)])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        child().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer { child().unkeyedContainer() }
    mutating func superEncoder() -> Encoder { child() }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let slot: Slot
    let codingPath: [CodingKey]

    mutating func encodeNil() throws { slot.node = .value(.null) }
    mutating func encode(_ value: Bool) throws { slot.node = .value(.bool(value)) }
    mutating func encode(_ value: String) throws { slot.node = .value(.string(value)) }
    mutating func encode(_ value: Int) throws { slot.node = .value(.integer(Int64(value))) }
    mutating func encode(_ value: Int64) throws { slot.node = .value(.integer(value)) }
    mutating func encode(_ value: Double) throws { slot.node = .value(try number(value, codingPath)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        if let primitive = try primitive(value, codingPath: codingPath) {
            slot.node = .value(primitive)
        } else {
            try value.encode(to: TreeEncoder(slot: slot, codingPath: codingPath))
        }
    }
}
