/// Read access to the top-level members of a payload as the ledger stores it, without parsing the whole
/// document: the member's bytes are found by scanning, and a member that is itself JSON (a record's `values`, a
/// before-image) is handed out as its canonical bytes, ready to store.
///
/// Projections fold events through this view, both when the event is appended and when it is read back for a
/// rebuild, so the two see exactly the same bytes and a rebuild decodes nothing it does not use.
public struct CanonicalPayload: Sendable {
    public let bytes: [UInt8]

    public init(bytes: [UInt8]) { self.bytes = bytes }

    /// The bytes of member `key`'s value, or nil when the payload has no such member.
    public func raw(_ key: String) -> ArraySlice<UInt8>? {
        bytes.withUnsafeBufferPointer { buffer -> Range<Int>? in
            var scanner = Scanner(bytes: buffer)
            return scanner.findMember(Array(key.utf8))
        }.map { bytes[$0] }
    }

    public func string(_ key: String) -> String? {
        guard let slice = raw(key), slice.first == UInt8(ascii: "\"") else { return nil }
        if !slice.contains(UInt8(ascii: "\\")) {
            return String(decoding: slice.dropFirst().dropLast(), as: UTF8.self)
        }
        return try? JSONParser.parse(slice).stringValue
    }

    public func int(_ key: String) -> Int64? {
        guard let slice = raw(key) else { return nil }
        return Int64(String(decoding: slice, as: UTF8.self))
    }

    public func bool(_ key: String) -> Bool? {
        guard let slice = raw(key) else { return nil }
        if slice.elementsEqual("true".utf8) { return true }
        if slice.elementsEqual("false".utf8) { return false }
        return nil
    }

    /// The member parsed as a JSON value.
    public func value(_ key: String) -> JSONValue? {
        raw(key).flatMap { try? JSONParser.parse($0) }
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// Walks canonical JSON text (members in byte order of their keys): enough to find a top-level member and step
/// over values.
private struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    mutating func skipWhitespace() {
        while position < bytes.count,
            bytes[position] == 0x20 || bytes[position] == 0x0A
                || bytes[position] == 0x0D || bytes[position] == 0x09
        {
            position += 1
        }
    }

    /// Returns the range of the value of top-level member `key`.
    mutating func findMember(_ key: [UInt8]) -> Range<Int>? {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "{") else { return nil }
        position += 1
        while true {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { return nil }
            let keyStart = position + 1
            guard skipString() else { return nil }
            let keyRange = keyStart..<(position - 1)
            // Members are stored in byte order of their keys, so a key past the one sought means it is absent:
            // stop before stepping over the rest (a record's values, a before-image). Only for unescaped keys,
            // whose stored bytes are their UTF-8 bytes.
            if !bytes[keyRange].contains(UInt8(ascii: "\\")),
                key.lexicographicallyPrecedes(bytes[keyRange])
            {
                return nil
            }
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { return nil }
            position += 1
            skipWhitespace()
            let valueStart = position
            guard skipValue() else { return nil }
            if keyRange.count == key.count && bytes[keyRange].elementsEqual(key) { return valueStart..<position }
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ",") else { return nil }
            position += 1
        }
    }

    /// Steps over a string starting at its opening quote; false if it is not terminated.
    mutating func skipString() -> Bool {
        position += 1
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "\""):
                position += 1
                return true
            case UInt8(ascii: "\\"):
                position += 2
            default:
                position += 1
            }
        }
        return false
    }

    mutating func skipValue() -> Bool {
        guard position < bytes.count else { return false }
        switch bytes[position] {
        case UInt8(ascii: "\""):
            return skipString()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            while position < bytes.count {
                switch bytes[position] {
                case UInt8(ascii: "\""):
                    guard skipString() else { return false }
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 {
                        position += 1
                        return true
                    }
                default:
                    break
                }
                position += 1
            }
            return false
        default:
            while position < bytes.count {
                switch bytes[position] {
                case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09: return true
                default: position += 1
                }
            }
            return true
        }
    }
}
