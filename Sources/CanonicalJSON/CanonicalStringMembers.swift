/// A payload member holding an object of strings (a source record's `values`) read straight into a dictionary,
/// without building a `JSONValue` for every member first: reading records back was most of a transform run's cost.
extension CanonicalPayload {
    /// Member `key` as a dictionary of strings, with only the members named in `wanted` (all when nil). Nil when
    /// the member is absent, not an object, has a member that is not a string, or is not valid JSON: callers then
    /// parse it in full (`value(_:)`), so this reads what the parser reads and never more leniently.
    public func stringMembers(_ key: String, only wanted: [String]? = nil) -> [String: String]? {
        guard let slice = raw(key) else { return nil }
        let wantedBytes = wanted?.map { Array($0.utf8) }
        return slice.withUnsafeBytes { buffer in
            var reader = StringObjectReader(bytes: buffer)
            return reader.read(wanted: wantedBytes)
        }
    }
}

private struct StringObjectReader {
    let bytes: UnsafeRawBufferPointer
    var position = 0

    mutating func skipWhitespace() {
        while position < bytes.count,
            bytes[position] == 0x20 || bytes[position] == 0x0A || bytes[position] == 0x0D || bytes[position] == 0x09
        {
            position += 1
        }
    }

    mutating func read(wanted: [[UInt8]]?) -> [String: String]? {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "{") else { return nil }
        position += 1
        var result: [String: String] = [:]
        result.reserveCapacity(wanted?.count ?? 32)
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            return finished(result)
        }
        while true {
            skipWhitespace()
            guard let keyRange = stringRange() else { return nil }
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { return nil }
            position += 1
            skipWhitespace()
            guard let valueRange = stringRange() else { return nil }
            var name: String?
            if let wanted {
                // A key with an escape is decoded before it is compared.
                if keyRange.escaped {
                    guard let decoded = decode(keyRange) else { return nil }
                    if wanted.contains(where: { $0.elementsEqual(decoded.utf8) }) { name = decoded }
                } else if wanted.contains(where: { $0.elementsEqual(bytes[keyRange.range]) }) {
                    name = decode(keyRange)
                }
            } else {
                guard let decoded = decode(keyRange) else { return nil }
                name = decoded
            }
            if let name {
                guard let value = decode(valueRange) else { return nil }
                result[name] = value
            } else if valueRange.escaped, decode(valueRange) == nil {
                // A member left out is still refused where the parser would refuse it: a bad escape.
                return nil
            }
            skipWhitespace()
            guard position < bytes.count else { return nil }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
            } else if bytes[position] == UInt8(ascii: "}") {
                position += 1
                return finished(result)
            } else {
                return nil
            }
        }
    }

    /// The object ends the member: anything after it other than whitespace is not valid JSON.
    private mutating func finished(_ result: [String: String]) -> [String: String]? {
        skipWhitespace()
        return position == bytes.count ? result : nil
    }

    /// The bytes between the quotes of the string at `position`, and whether it holds an escape; nil when there is
    /// no string here, it is unterminated, or it holds a raw control character (as the parser refuses).
    private mutating func stringRange() -> (range: Range<Int>, escaped: Bool)? {
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { return nil }
        position += 1
        let start = position
        var escaped = false
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return (start..<(position - 1), escaped)
            }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                position += 2
                continue
            }
            if byte < 0x20 { return nil }
            position += 1
        }
        return nil
    }

    /// The string's text; one with escapes goes through the parser, which checks them.
    private func decode(_ string: (range: Range<Int>, escaped: Bool)) -> String? {
        guard string.escaped else {
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[string.range]), as: UTF8.self)
        }
        let quoted = UnsafeRawBufferPointer(
            rebasing: bytes[(string.range.lowerBound - 1)..<(string.range.upperBound + 1)])
        return (try? JSONParser.parse(quoted))?.stringValue
    }
}
