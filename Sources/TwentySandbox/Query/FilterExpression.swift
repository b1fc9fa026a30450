/// A REST `filter` parameter as a tree (TWENTY_API.md section 1): `field[comparator]:value`, comma-separated
/// conditions meaning AND, and `and(...)`, `or(...)`, `not(...)` groups
/// (`S/engine/api/rest/input-request-parsers/filter-parser-utils/` parses the same grammar).
indirect enum FilterExpression: Equatable {
    case condition(path: [String], comparator: Comparator, value: FilterValue)
    case and([FilterExpression])
    case or([FilterExpression])
    case not(FilterExpression)

    enum Comparator: String, CaseIterable {
        case eq, neq, `in`, containsAny, `is`, gt, gte, lt, lte, startsWith, endsWith, like, ilike
    }

    /// Whether the filter names `deletedAt`: Twenty then includes soft-deleted rows instead of hiding them.
    var mentionsDeletedAt: Bool {
        switch self {
        case .condition(let path, _, _): path.first == "deletedAt"
        case .and(let items), .or(let items): items.contains { $0.mentionsDeletedAt }
        case .not(let inner): inner.mentionsDeletedAt
        }
    }
}

enum FilterValue: Equatable {
    case text(String)
    case list([String])
}

/// Parses the filter grammar; a malformed filter is a 400 naming the offending text.
struct FilterParser {
    private let characters: [Character]
    private var index = 0

    static func parse(_ text: String) throws -> FilterExpression {
        var parser = FilterParser(characters: Array(text))
        let items = try parser.list(until: nil)
        guard parser.index == parser.characters.count else { throw parser.failure("unexpected text") }
        return items.count == 1 ? items[0] : .and(items)
    }

    private init(characters: [Character]) { self.characters = characters }

    private func failure(_ reason: String) -> SandboxError {
        .badRequest("Invalid filter '\(String(characters))': \(reason) at character \(index)")
    }

    private var current: Character? { index < characters.count ? characters[index] : nil }

    private mutating func list(until closing: Character?) throws -> [FilterExpression] {
        var items: [FilterExpression] = []
        while true {
            skipSpaces()
            items.append(try expression())
            skipSpaces()
            if current == "," {
                index += 1
                continue
            }
            if let closing {
                guard current == closing else { throw failure("expected '\(closing)'") }
                index += 1
            }
            return items
        }
    }

    private mutating func expression() throws -> FilterExpression {
        for group in ["and", "or", "not"] {
            let word = Array(group + "(")
            if index + word.count <= characters.count, Array(characters[index..<index + word.count]) == word {
                index += word.count
                let items = try list(until: ")")
                switch group {
                case "and": return .and(items)
                case "or": return .or(items)
                default: return .not(items.count == 1 ? items[0] : .and(items))
                }
            }
        }
        return try condition()
    }

    private mutating func condition() throws -> FilterExpression {
        let start = index
        while let c = current, c != "[" { index += 1 }
        let path = String(characters[start..<index]).trimmedWhitespace
        guard current == "[", !path.isEmpty else { throw failure("expected field[comparator]:value") }
        index += 1
        let comparatorStart = index
        while let c = current, c != "]" { index += 1 }
        guard current == "]" else { throw failure("unclosed comparator") }
        let name = String(characters[comparatorStart..<index])
        index += 1
        guard let comparator = FilterExpression.Comparator(rawValue: name) else {
            throw SandboxError.badRequest(
                "Invalid filter comparator '\(name)'; use one of "
                    + FilterExpression.Comparator.allCases.map(\.rawValue).joined(separator: ", "))
        }
        guard current == ":" else { throw failure("expected ':' after the comparator") }
        index += 1
        let value: FilterValue = current == "[" ? .list(try listValue()) : .text(try scalarValue())
        return .condition(path: path.split(separator: ".").map(String.init), comparator: comparator, value: value)
    }

    private mutating func scalarValue() throws -> String {
        if current == "\"" || current == "'" { return try quoted() }
        let start = index
        var depth = 0
        while let c = current {
            if c == "(" { depth += 1 }
            if c == ")" {
                if depth == 0 { break }
                depth -= 1
            }
            if c == "," && depth == 0 { break }
            index += 1
        }
        return String(characters[start..<index]).trimmedWhitespace
    }

    private mutating func quoted() throws -> String {
        let quote = current!
        index += 1
        var text = ""
        while let c = current, c != quote {
            if c == "\\", index + 1 < characters.count {
                index += 1
                text.append(characters[index])
            } else {
                text.append(c)
            }
            index += 1
        }
        guard current == quote else { throw failure("unterminated quoted value") }
        index += 1
        return text
    }

    private mutating func listValue() throws -> [String] {
        index += 1
        var items: [String] = []
        while true {
            skipSpaces()
            if current == "]" {
                index += 1
                return items
            }
            if current == "\"" || current == "'" {
                items.append(try quoted())
            } else {
                let start = index
                while let c = current, c != ",", c != "]" { index += 1 }
                items.append(String(characters[start..<index]).trimmedWhitespace)
            }
            skipSpaces()
            if current == "," { index += 1 } else if current != "]" { throw failure("unterminated list") }
        }
    }

    private mutating func skipSpaces() { while current == " " { index += 1 } }
}
