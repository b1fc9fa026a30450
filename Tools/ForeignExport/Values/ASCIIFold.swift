import Foundation

/// The ASCII form of a name, for email addresses and web domains: German umlauts as their two-letter spellings
/// (`Müller` -> `mueller`, as German addresses are written), other accents dropped (`José` -> `jose`), and the
/// letters that do not decompose (`ß`, `ø`, `ł`, `æ`) spelled out.
enum ASCIIFold {
    private static let spelled: [Character: String] = [
        "ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ø": "o", "Ø": "O", "ł": "l",
        "Ł": "L", "æ": "ae", "Æ": "Ae", "œ": "oe", "đ": "d", "ı": "i",
    ]

    /// Letters and digits only, lower-case, with the spellings above.
    static func slug(_ text: String) -> String {
        fold(text).lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }

    /// Words of letters and digits joined by `joiner`: `Müller & Söhne` -> `mueller-soehne`.
    static func words(_ text: String, joiner: String) -> String {
        fold(text).lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.joined(separator: joiner)
    }

    private static func fold(_ text: String) -> String {
        var result = ""
        for character in text {
            if let spelling = spelled[character] {
                result += spelling
            } else {
                // Canonical decomposition puts an accent after its base letter; the base letter is what stays.
                let base = String(character).decomposedStringWithCanonicalMapping.unicodeScalars.first { $0.isASCII }
                if let base { result.unicodeScalars.append(base) }
            }
        }
        return result
    }
}
