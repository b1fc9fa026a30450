/// The rules Twenty applies to the API name of a custom object or field.
///
/// Names are camelCase ASCII starting with a lower-case letter, at most 63 characters (Postgres identifiers), and
/// not a reserved word: Twenty answers "The name is not available" for those (TWENTY_API.md section 5).
public enum MetadataName {
    public static let maximumLength = 63

    /// Words Twenty refuses as object or field names, with their plurals (TWENTY_API.md section 5).
    public static let reservedWords: Set<String> = {
        let singular = [
            "type", "event", "field", "link", "currency", "address", "object", "index", "relation", "aggregate",
            "user", "workspace", "role", "job", "view", "favorite", "attachment", "timelineActivity",
            "workspaceMember", "message", "blocklist", "connectedAccount", "calendarEvent", "webhook", "apiKey",
            "audit", "auditLog", "search", "searchVector", "id", "createdAt", "updatedAt", "deletedAt", "position",
            "createdBy", "updatedBy", "core", "metadata", "graphql", "rest", "batch",
        ]
        var words = Set<String>()
        for word in singular {
            words.insert(word.lowercased())
            words.insert((word + "s").lowercased())
            if word.hasSuffix("x") || word.hasSuffix("ss") { words.insert((word + "es").lowercased()) }
            if word.hasSuffix("y") { words.insert((word.dropLast() + "ies").lowercased()) }
        }
        words.insert("indices")
        return words
    }()

    public enum Problem: Equatable, Sendable, CustomStringConvertible {
        case empty
        case tooLong(Int)
        case notCamelCase
        case reserved

        public var description: String {
            switch self {
            case .empty: "the name is empty"
            case .tooLong(let n): "the name is \(n) characters long; at most \(MetadataName.maximumLength) are allowed"
            case .notCamelCase: "the name must be camelCase: a lower-case letter, then letters and digits"
            case .reserved: "The name is not available"
            }
        }
    }

    /// The first rule `name` breaks, or nil when Twenty would accept it.
    public static func problem(with name: String) -> Problem? {
        let bytes = Array(name.utf8)
        guard let first = bytes.first else { return .empty }
        if bytes.count > maximumLength { return .tooLong(bytes.count) }
        guard first >= 0x61, first <= 0x7A else { return .notCamelCase }
        let allowed = bytes.allSatisfy {
            ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39)
        }
        guard allowed else { return .notCamelCase }
        if reservedWords.contains(name.lowercased()) { return .reserved }
        return nil
    }

    /// A valid camelCase name made from a label (`Annual Revenue (EUR)` -> `annualRevenueEur`); a reserved result
    /// gets `Custom` appended, as Twenty's own tools do.
    public static func camelCase(fromLabel label: String) -> String {
        var words: [String] = []
        var current = ""
        for scalar in label.unicodeScalars {
            if scalar.isASCII, (scalar.properties.isAlphabetic || ("0"..."9").contains(Character(scalar))) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        var name = ""
        for (index, word) in words.enumerated() {
            if index == 0 {
                name += lowerFirstWord(word)
            } else {
                name += word.prefix(1).uppercased() + lowerIfShouting(word.dropFirst())
            }
        }
        if name.isEmpty { name = "field" }
        if let first = name.utf8.first, !(first >= 0x61 && first <= 0x7A) {
            name = "field" + name.prefix(1).uppercased() + name.dropFirst()
        }
        if name.utf8.count > maximumLength - 6 { name = String(name.prefix(maximumLength - 6)) }
        if reservedWords.contains(name.lowercased()) { name += "Custom" }
        return name
    }

    /// `EUR` stays readable as `eur`, `firstName` keeps its inner capitals.
    private static func lowerFirstWord(_ word: String) -> String {
        if word == word.uppercased() { return word.lowercased() }
        return word.prefix(1).lowercased() + word.dropFirst()
    }

    private static func lowerIfShouting(_ rest: Substring) -> String {
        rest == rest.uppercased() ? rest.lowercased() : String(rest)
    }
}
