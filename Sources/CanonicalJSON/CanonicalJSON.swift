import Foundation

/// The one byte form of a JSON value that the ledger hashes and stores.
///
/// Rules (also in `Ledger/EVENTS.md`, so an auditor can recompute a hash in any language):
/// - object members sorted by the UTF-8 bytes of their keys; no whitespace anywhere;
/// - strings as UTF-8, escaping only `"`, `\` and control characters below U+0020
///   (`\b \f \n \r \t`, others as `\u00XX` in lower-case hex); `/` and non-ASCII are not escaped;
/// - integers, and doubles with an integral value below 2^53, as plain integers; other doubles in Swift's
///   shortest round-trip form (`0.1`, `1e-07`); NaN and infinities are not representable;
/// - absent optional members are omitted, not written as `null`.
public enum CanonicalJSON {
    public static func write(_ value: JSONValue, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: nullBytes)
        case .bool(let v): out.append(contentsOf: v ? trueBytes : falseBytes)
        case .integer(let v): writeInteger(v, into: &out)
        case .number(let v): writeNumber(v, into: &out)
        case .string(let v): writeString(v, into: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                write(item, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            // Sorting the pairs (not the keys, then looking each up) saves a hash per member.
            let sorted = members.sorted { utf8Precedes($0.key, $1.key) }
            out.append(UInt8(ascii: "{"))
            for (index, member) in sorted.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                writeString(member.key, into: &out)
                out.append(UInt8(ascii: ":"))
                write(member.value, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    public static func bytes(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(value, into: &out)
        return out
    }

    /// Keys in UTF-8 byte order, which is Unicode scalar order and independent of locale and normalisation.
    static func sortedKeys(_ keys: Dictionary<String, JSONValue>.Keys) -> [String] {
        keys.sorted(by: utf8Precedes)
    }

    /// Byte order of the UTF-8 encodings, by `memcmp` (the generic `lexicographicallyPrecedes` showed up in profiles).
    public static func utf8Precedes(_ a: String, _ b: String) -> Bool {
        // Keys of one object mostly differ in their first byte: decide those without borrowing either buffer
        // (sorting the members of every payload's objects is a good part of an append's encoding time).
        let first = a.utf8.first
        let other = b.utf8.first
        if first != other {
            guard let first else { return true }
            guard let other else { return false }
            return first < other
        }
        var a = a
        var b = b
        return a.withUTF8 { left in
            b.withUTF8 { right in
                let common = min(left.count, right.count)
                if common > 0, let l = left.baseAddress, let r = right.baseAddress {
                    let order = memcmp(l, r, common)
                    if order != 0 { return order < 0 }
                }
                return left.count < right.count
            }
        }
    }

    public static func writeString(_ string: String, into out: inout [UInt8]) {
        var string = string
        string.withUTF8 { writeString(utf8: UnsafeRawBufferPointer($0), into: &out) }
    }

    /// Writes UTF-8 text as a JSON string, escaping as the rules above say.
    public static func writeString(utf8: UnsafeRawBufferPointer, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var runStart = 0
        for index in 0..<utf8.count {
            let byte = utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            if runStart < index { out.append(contentsOf: UnsafeRawBufferPointer(rebasing: utf8[runStart..<index])) }
            runStart = index + 1
            out.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
            case 0x08: out.append(UInt8(ascii: "b"))
            case 0x0C: out.append(UInt8(ascii: "f"))
            case 0x0A: out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(UInt8(ascii: "r"))
            case 0x09: out.append(UInt8(ascii: "t"))
            default:
                out.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        if runStart < utf8.count { out.append(contentsOf: UnsafeRawBufferPointer(rebasing: utf8[runStart...])) }
        out.append(UInt8(ascii: "\""))
    }

    public static func writeInteger(_ value: Int64, into out: inout [UInt8]) {
        if value >= 0 && value < 10 {
            out.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        out.append(contentsOf: String(value).utf8)
    }

    static func writeNumber(_ value: Double, into out: inout [UInt8]) {
        if value.rounded() == value && abs(value) < 9_007_199_254_740_992 {
            writeInteger(Int64(value), into: &out)
        } else {
            out.append(contentsOf: value.description.utf8)
        }
    }

    static let hexDigits = Array("0123456789abcdef".utf8)
    public static let nullBytes = Array("null".utf8)
    public static let trueBytes = Array("true".utf8)
    public static let falseBytes = Array("false".utf8)

    /// A date as the ledger writes it: ISO 8601, UTC, milliseconds, `Z` (`2026-11-29T15:18:26.123Z`). Fixed width,
    /// so text order is time order.
    public static func format(_ date: Date) -> String {
        let interval = date.timeIntervalSince1970
        var seconds = time_t(interval.rounded(.down))
        let millis = Int(((interval - Double(seconds)) * 1000).rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2)).\(pad(Int32(millis), 3))Z"
    }
}
