import Foundation

/// Decodes legacy code pages to UTF-8 with Foundation. Single-byte code pages go through a 256-entry table that is
/// made once from Foundation's own decoding (a lookup per byte keeps the CSV path fast); multi-byte ones are handed
/// to Foundation in whole runs that end on a character boundary.
enum LegacyDecoder {
    /// For each single-byte code page, the scalar of each byte 0x80-0xFF; 0 where the code page has no character
    /// (or only a C1 control, which no text holds).
    static let tables: [TextEncoding: [UInt32]] = Dictionary(
        uniqueKeysWithValues: TextEncoding.legacy.filter(\.isSingleByte).map { ($0, table(for: $0)) })

    private static func table(for encoding: TextEncoding) -> [UInt32] {
        (0x80...0xFF).map { byte in
            guard let foundation = encoding.foundationEncoding,
                let text = String(data: Data([UInt8(byte)]), encoding: foundation),
                text.unicodeScalars.count == 1, let scalar = text.unicodeScalars.first,
                !(0x80...0x9F).contains(scalar.value)
            else { return 0 }
            return scalar.value
        }
    }

    /// Decodes `input` whole, or nil if any byte sequence is not valid in `encoding`: what detection needs.
    static func decodeStrictly(_ input: ArraySlice<UInt8>, as encoding: TextEncoding) -> String? {
        if let table = tables[encoding] {
            var utf8: [UInt8] = []
            utf8.reserveCapacity(input.count + input.count / 2)
            for byte in input {
                if byte < 0x80 {
                    utf8.append(byte)
                    continue
                }
                let value = table[Int(byte - 0x80)]
                guard value != 0 else { return nil }
                utf8.appendUTF8(value)
            }
            return String(decoding: utf8, as: UTF8.self)
        }
        guard let foundation = encoding.foundationEncoding else { return nil }
        let bytes = encoding == .eucJP ? EUCJapanese.shiftJIS(input) : Array(input)
        return String(data: Data(bytes), encoding: foundation)
    }

    /// Appends `input` decoded as UTF-8 to `output`. A byte sequence the encoding does not define becomes U+FFFD,
    /// and its offset in `output` is added to `undecodable` so the reader can report its line.
    static func decode(
        _ input: ArraySlice<UInt8>, as encoding: TextEncoding, into output: inout [UInt8], undecodable: inout [Int]
    ) {
        if let table = tables[encoding] {
            output.reserveCapacity(output.count + input.count + input.count / 4)
            for byte in input {
                if byte < 0x80 {
                    output.append(byte)
                } else if case let value = table[Int(byte - 0x80)], value != 0 {
                    output.appendUTF8(value)
                } else {
                    undecodable.append(output.count)
                    output.appendUTF8(0xFFFD)
                }
            }
            return
        }
        if let text = decodeStrictly(input, as: encoding) {
            output.append(contentsOf: text.utf8)
            return
        }
        // Somewhere a sequence is invalid: decode line by line, and the failing lines piece by piece.
        var start = input.startIndex
        while start < input.endIndex {
            let end = input[start...].firstIndex(of: 0x0A).map { $0 + 1 } ?? input.endIndex
            if let text = decodeStrictly(input[start..<end], as: encoding) {
                output.append(contentsOf: text.utf8)
            } else {
                decodePiecewise(input[start..<end], as: encoding, into: &output, undecodable: &undecodable)
            }
            start = end
        }
    }

    /// The longest decodable character at each position (one to four bytes), else U+FFFD for one byte.
    private static func decodePiecewise(
        _ line: ArraySlice<UInt8>, as encoding: TextEncoding, into output: inout [UInt8], undecodable: inout [Int]
    ) {
        var index = line.startIndex
        while index < line.endIndex {
            if line[index] < 0x80 {
                output.append(line[index])
                index += 1
                continue
            }
            var decoded = false
            for length in 1...4 where index + length <= line.endIndex {
                if let text = decodeStrictly(line[index..<(index + length)], as: encoding),
                    text.unicodeScalars.count == 1
                {
                    output.append(contentsOf: text.utf8)
                    index += length
                    decoded = true
                    break
                }
            }
            if !decoded {
                undecodable.append(output.count)
                output.appendUTF8(0xFFFD)
                index += 1
            }
        }
    }

    /// Where a run of `bytes` may be cut so that no multi-byte character is split: after the last byte below 0x30.
    /// In every supported multi-byte encoding, lead bytes are 0x81 or above and trail bytes 0x30 or above, so a
    /// byte below 0x30 (a line end, a space, a comma, a quote) always stands alone. Nil: no such byte.
    static func safeCut(_ bytes: ArraySlice<UInt8>) -> Int? {
        bytes.lastIndex { $0 < 0x30 }.map { $0 + 1 }
    }
}

/// EUC-JP and Shift_JIS encode the same JIS X 0208 table, arithmetically related. Foundation on Linux has no EUC-JP
/// converter, so EUC-JP bytes are re-coded to Shift_JIS and decoded as that.
enum EUCJapanese {
    /// A byte Shift_JIS never uses, standing in for EUC-JP sequences that have no Shift_JIS form (JIS X 0212, or
    /// invalid ones), so that decoding them fails where they are.
    static let undecodable: UInt8 = 0xFF

    static func shiftJIS(_ input: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var index = input.startIndex
        while index < input.endIndex {
            let first = input[index]
            let second: UInt8? = index + 1 < input.endIndex ? input[index + 1] : nil
            switch first {
            case 0..<0x80:
                output.append(first)
                index += 1
            case 0x8E:
                // Half-width katakana: a single byte 0xA1-0xDF in Shift_JIS.
                if let second, (0xA1...0xDF).contains(second) {
                    output.append(second)
                } else {
                    output.append(undecodable)
                }
                index += 2
            case 0xA1...0xFE:
                guard let second, (0xA1...0xFE).contains(second) else {
                    output.append(undecodable)
                    index += 1
                    continue
                }
                let row = Int(first) - 0x80
                let cell = Int(second) - 0x80
                let lead = (row + 1) / 2 + (row <= 0x5E ? 0x70 : 0xB0)
                var trail = cell + (row % 2 == 1 ? 0x1F : 0x7E)
                if row % 2 == 1 && trail >= 0x7F { trail += 1 }
                output.append(UInt8(lead))
                output.append(UInt8(trail))
                index += 2
            default:
                // 0x8F starts a three-byte JIS X 0212 character, which Shift_JIS cannot hold.
                output.append(undecodable)
                index += first == 0x8F ? 3 : 1
            }
        }
        return output
    }
}
