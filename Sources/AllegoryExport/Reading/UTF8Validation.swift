enum UTF8Validation {
    /// The length of the longest prefix of `bytes` that is valid UTF-8 and ends on a character boundary.
    static func validPrefixLength(_ bytes: UnsafeRawBufferPointer) -> Int {
        var index = 0
        let count = bytes.count
        while index < count {
            // ASCII runs eight bytes at a time: most export text is ASCII.
            while index + 8 <= count,
                bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                index += 8
            }
            guard index < count else { break }
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                continue
            }
            let length = sequenceLength(byte)
            guard length > 1, index + length <= count else { return index }
            for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { return index }
            // Overlong forms and surrogates are not valid UTF-8.
            let second = bytes[index + 1]
            if byte == 0xE0 && second < 0xA0 || byte == 0xED && second >= 0xA0 || byte == 0xF0 && second < 0x90
                || byte == 0xF4 && second >= 0x90
            {
                return index
            }
            index += length
        }
        return count
    }

    /// How many multi-byte characters `bytes` holds, and how many bytes are not UTF-8: a UTF-8 file with a few
    /// stray bytes has many of the first, while legacy text forms a valid multi-byte character only by accident.
    static func tally(_ bytes: UnsafeRawBufferPointer) -> (multiByte: Int, invalid: Int) {
        var multiByte = 0
        var invalid = 0
        var index = 0
        while index < bytes.count {
            let run = validPrefixLength(UnsafeRawBufferPointer(rebasing: bytes[index...]))
            for byte in bytes[index..<(index + run)] where byte >= 0xC2 { multiByte += 1 }
            index += run
            guard index < bytes.count else { break }
            invalid += 1
            index += 1
        }
        return (multiByte, invalid)
    }

    /// Whether `bytes` is the start of a multi-byte character that the next bytes could complete.
    static func isIncompleteSequence(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let first = bytes.first else { return false }
        let length = sequenceLength(first)
        guard length > 1, bytes.count < length else { return false }
        return bytes.dropFirst().allSatisfy { $0 & 0xC0 == 0x80 }
    }

    /// 2-4 for a valid lead byte, 0 otherwise.
    @inline(__always)
    static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xC2...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF4: return 4
        default: return 0
        }
    }
}

/// Windows-1252's 0x80-0x9F range; the rest of the code page maps to the same Unicode scalar as its byte.
enum Windows1252 {
    static let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func scalar(_ byte: UInt8) -> UInt32 {
        (0x80...0x9F).contains(byte) ? high[Int(byte - 0x80)] : UInt32(byte)
    }
}

extension Array where Element == UInt8 {
    /// Appends a Unicode scalar as UTF-8.
    mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            append(UInt8(scalar))
        case 0x80..<0x800:
            append(UInt8(0xC0 | (scalar >> 6)))
            append(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x10000:
            append(UInt8(0xE0 | (scalar >> 12)))
            append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            append(UInt8(0xF0 | (scalar >> 18)))
            append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }
}
