/// A block of telephone numbers: an area (or mobile) code, the digits every number of the block starts with, and
/// how many free digits follow. Blocks reserved for fiction (Ofcom's 020 7946 0xxx, NANP 555-01xx, ACMA 02 5550
/// xxxx) are used where a country has them, so the numbers are valid in form and reach nobody.
struct PhoneRange: Sendable {
    let area: String
    let lead: String
    let freeDigits: Int
}

/// One drawn number and the ways exports write it.
public struct PhoneNumber: Sendable, Hashable {
    let callingCode: String
    let trunk: String
    let area: String
    let subscriber: String
    let style: PhoneGrouping

    /// `030 1234567`, `(415) 555-0123`, `07700 900123`: as dialled inside the country.
    public var national: String {
        switch style {
        case .northAmerican: "(\(area)) \(subscriber.prefix(3))-\(subscriber.dropFirst(3))"
        case .hyphens: "\(trunk)\(area)-\(grouped(subscriber, "-"))"
        case .pairs, .blocks: "\(trunk)\(area) \(grouped(subscriber, " "))"
        }
    }

    /// `+49 30 1234567`, `+1 415-555-0123`, `+44 7700 900123`.
    public var international: String {
        switch style {
        case .northAmerican: "+\(callingCode) \(area)-\(subscriber.prefix(3))-\(subscriber.dropFirst(3))"
        case .hyphens: "+\(callingCode) \(area)-\(grouped(subscriber, "-"))"
        case .pairs, .blocks: "+\(callingCode) \(area) \(grouped(subscriber, " "))"
        }
    }

    /// `+49301234567`: digits only after the `+`.
    public var e164: String { "+\(callingCode)\(area)\(subscriber)" }

    private func grouped(_ digits: String, _ separator: String) -> String {
        let characters = Array(digits)
        let sizes: [Int]
        switch style {
        case .pairs:
            sizes =
                characters.count % 2 == 0
                ? Array(repeating: 2, count: characters.count / 2)
                : [3] + Array(repeating: 2, count: (characters.count - 3) / 2)
        case .blocks, .hyphens, .northAmerican:
            switch characters.count {
            case ...5: sizes = [characters.count]
            case 6: sizes = [3, 3]
            case 7: sizes = [3, 4]
            case 9: sizes = [5, 4]
            default: sizes = [4, characters.count - 4]
            }
        }
        var parts: [String] = []
        var start = 0
        for size in sizes {
            parts.append(String(characters[start..<start + size]))
            start += size
        }
        return parts.joined(separator: separator)
    }
}

/// How a country groups the digits of a number when writing it.
enum PhoneGrouping: Sendable, Hashable {
    /// `(415) 555-0123`.
    case northAmerican
    /// Two-digit pairs: `01 42 68 53 00`, `044 123 45 67`.
    case pairs
    /// Blocks of three or four: `030 1234567`, `020 7946 0123`.
    case blocks
    /// Hyphens: `03-1234-5678`.
    case hyphens
}
