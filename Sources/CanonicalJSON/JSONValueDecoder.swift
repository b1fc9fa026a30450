import Foundation

/// Decodes a `Decodable` value from a `JSONValue` tree (from `JSONParser`). A `JSONValue` member is handed over
/// as it is, without being taken apart and put together again.
public struct JSONValueDecoder: Sendable {
    public init() {}

    public func decode<T: Decodable>(_ type: T.Type, from bytes: some Collection<UInt8>) throws -> T {
        try decode(type, from: try JSONParser.parse(bytes))
    }

    public func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        try TreeDecoder(value: value, codingPath: []).decodeValue(type)
    }
}

private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
}

private func mismatch(_ type: Any.Type, _ value: JSONValue, _ path: [CodingKey]) -> DecodingError {
    .typeMismatch(
        type, .init(codingPath: path, debugDescription: "expected \(type), found \(value.canonicalText.prefix(60))"))
}

private struct TreeDecoder: Decoder {
    let value: JSONValue
    let codingPath: [CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        if type == JSONValue.self { return value as! T }
        if type == String.self {
            guard case .string(let s) = value else { throw mismatch(type, value, codingPath) }
            return s as! T
        }
        // Raw source values ([header: text]) are most of a snapshot's payload bytes; build them directly rather
        // than through Dictionary's generic Decodable, which lists and looks up every key.
        if type == [String: String].self, case .object(let members) = value {
            var strings: [String: String] = [:]
            strings.reserveCapacity(members.count)
            for (key, member) in members {
                guard case .string(let text) = member else {
                    throw mismatch(String.self, member, codingPath + [AnyKey(stringValue: key)])
                }
                strings[key] = text
            }
            return strings as! T
        }
        return try T(from: self)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = value else { throw mismatch([String: Any].self, value, codingPath) }
        return KeyedDecodingContainer(KeyedContainer<Key>(members: members, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        guard case .array(let items) = value else { throw mismatch([Any].self, value, codingPath) }
        return UnkeyedContainer(items: items, codingPath: codingPath)
    }

    func singleValueContainer() throws -> SingleValueDecodingContainer {
        SingleContainer(value: value, codingPath: codingPath)
    }
}

private func decodePrimitive<T>(_ type: T.Type, _ value: JSONValue, _ path: [CodingKey]) throws -> T {
    switch value {
    case .string(let s) where type == String.self: return s as! T
    case .bool(let b) where type == Bool.self: return b as! T
    case .integer(let i):
        if type == Int.self { return Int(i) as! T }
        if type == Int64.self { return i as! T }
        if type == Int32.self, let v = Int32(exactly: i) { return v as! T }
        if type == Double.self { return Double(i) as! T }
    case .number(let d):
        if type == Double.self { return d as! T }
        if type == Int.self, let v = Int(exactly: d) { return v as! T }
        if type == Int64.self, let v = Int64(exactly: d) { return v as! T }
    default: break
    }
    throw mismatch(type, value, path)
}

private struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: [String: JSONValue]
    let codingPath: [CodingKey]
    var allKeys: [Key] { members.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { members[key.stringValue] != nil }

    private func value(_ key: Key) throws -> JSONValue {
        guard let value = members[key.stringValue] else {
            throw DecodingError.keyNotFound(
                key, .init(codingPath: codingPath, debugDescription: "no \"\(key.stringValue)\""))
        }
        return value
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        members[key.stringValue] == nil || members[key.stringValue] == .null
    }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
        try decodePrimitive(type, value(key), codingPath + [key])
    }
    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        try decodePrimitive(type, value(key), codingPath + [key])
    }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
        try decodePrimitive(type, value(key), codingPath + [key])
    }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int {
        try decodePrimitive(type, value(key), codingPath + [key])
    }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 {
        try decodePrimitive(type, value(key), codingPath + [key])
    }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try TreeDecoder(value: value(key), codingPath: codingPath + [key]).decodeValue(type)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = members[key.stringValue], value != .null else { return nil }
        return try TreeDecoder(value: value, codingPath: codingPath + [key]).decodeValue(type)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try TreeDecoder(value: value(key), codingPath: codingPath + [key]).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
        try TreeDecoder(value: value(key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    func superDecoder() throws -> Decoder { TreeDecoder(value: members["super"] ?? .null, codingPath: codingPath) }
    func superDecoder(forKey key: Key) throws -> Decoder {
        TreeDecoder(value: members[key.stringValue] ?? .null, codingPath: codingPath + [key])
    }
}

private struct UnkeyedContainer: UnkeyedDecodingContainer {
    let items: [JSONValue]
    let codingPath: [CodingKey]
    var currentIndex = 0
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    private mutating func next() throws -> JSONValue {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                JSONValue.self,
                .init(codingPath: codingPath, debugDescription: "the array has no element \(currentIndex)"))
        }
        defer { currentIndex += 1 }
        return items[currentIndex]
    }

    private var path: [CodingKey] { codingPath + [AnyKey(intValue: currentIndex)] }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, items[currentIndex] == .null else { return false }
        currentIndex += 1
        return true
    }
    mutating func decode(_ type: Bool.Type) throws -> Bool { let p = path; return try decodePrimitive(type, next(), p) }
    mutating func decode(_ type: String.Type) throws -> String {
        let p = path; return try decodePrimitive(type, next(), p)
    }
    mutating func decode(_ type: Double.Type) throws -> Double {
        let p = path; return try decodePrimitive(type, next(), p)
    }
    mutating func decode(_ type: Int.Type) throws -> Int { let p = path; return try decodePrimitive(type, next(), p) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 {
        let p = path; return try decodePrimitive(type, next(), p)
    }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let p = path
        return try TreeDecoder(value: next(), codingPath: p).decodeValue(type)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        let p = path
        return try TreeDecoder(value: next(), codingPath: p).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
        let p = path
        return try TreeDecoder(value: next(), codingPath: p).unkeyedContainer()
    }

    mutating func superDecoder() throws -> Decoder {
        let p = path
        return TreeDecoder(value: try next(), codingPath: p)
    }
}

private struct SingleContainer: SingleValueDecodingContainer {
    let value: JSONValue
    let codingPath: [CodingKey]

    func decodeNil() -> Bool { value == .null }
    func decode(_ type: Bool.Type) throws -> Bool { try decodePrimitive(type, value, codingPath) }
    func decode(_ type: String.Type) throws -> String { try decodePrimitive(type, value, codingPath) }
    func decode(_ type: Double.Type) throws -> Double { try decodePrimitive(type, value, codingPath) }
    func decode(_ type: Int.Type) throws -> Int { try decodePrimitive(type, value, codingPath) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decodePrimitive(type, value, codingPath) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try TreeDecoder(value: value, codingPath: codingPath).decodeValue(type)
    }
}
