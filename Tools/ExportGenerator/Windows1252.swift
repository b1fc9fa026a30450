/// Windows-1252, the encoding of CSV files saved by older Windows tools: Latin-1 plus typographic characters
/// (the euro sign, curly quotes, dashes) in 0x80-0x9F. Used for the one file planted in that encoding.
enum Windows1252 {
    private static let upperControlRange: [Unicode.Scalar: UInt8] = [
        "\u{20AC}": 0x80, "\u{201A}": 0x82, "\u{0192}": 0x83, "\u{201E}": 0x84, "\u{2026}": 0x85, "\u{2020}": 0x86,
        "\u{2021}": 0x87, "\u{02C6}": 0x88, "\u{2030}": 0x89, "\u{0160}": 0x8A, "\u{2039}": 0x8B, "\u{0152}": 0x8C,
        "\u{017D}": 0x8E, "\u{2018}": 0x91, "\u{2019}": 0x92, "\u{201C}": 0x93, "\u{201D}": 0x94, "\u{2022}": 0x95,
        "\u{2013}": 0x96, "\u{2014}": 0x97, "\u{02DC}": 0x98, "\u{2122}": 0x99, "\u{0161}": 0x9A, "\u{203A}": 0x9B,
        "\u{0153}": 0x9C, "\u{017E}": 0x9E, "\u{0178}": 0x9F,
    ]

    /// Appends `text` encoded; the generator only passes text it wrote for this file, so a character
    /// outside the code page is a bug in the generator, not in the data.
    static func append(_ text: String, to bytes: inout [UInt8]) {
        for scalar in text.unicodeScalars {
            guard let byte = byte(for: scalar) else {
                preconditionFailure("U+\(String(scalar.value, radix: 16)) has no Windows-1252 encoding")
            }
            bytes.append(byte)
        }
    }

    private static func byte(for scalar: Unicode.Scalar) -> UInt8? {
        switch scalar.value {
        case 0..<0x80, 0xA0...0xFF: UInt8(scalar.value)
        default: upperControlRange[scalar]
        }
    }
}
