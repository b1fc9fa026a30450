import CanonicalJSON
import SQLite
import TwentyModel

/// Translates a filter and an `order_by` into SQL over a record table's JSON bodies.
///
/// Values are compared as Twenty's Postgres columns would: numbers as numbers, booleans as booleans, dates as
/// normalised text (which sorts as time), everything else as text.
struct RecordQuery {
    let object: ObjectModel
    var conditions: [String] = []
    var bindings: [SQLValue?] = []
    var orderTerms: [String] = []

    init(object: ObjectModel, filter: FilterExpression?, orderBy: String?, includeDeleted: Bool = false) throws {
        self.object = object
        if let filter {
            conditions.append(try sql(filter))
            if !filter.mentionsDeletedAt && !includeDeleted { conditions.append("deleted_at IS NULL") }
        } else if !includeDeleted {
            conditions.append("deleted_at IS NULL")
        }
        try order(orderBy)
    }

    var whereClause: String { conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ") }

    /// The ids of every matching record in order; pagination and counts work on this list.
    func ids(_ database: Database) throws -> [String] {
        let sql = "SELECT id FROM \"\(object.table)\"\(whereClause) ORDER BY \(orderTerms.joined(separator: ", "))"
        return try database.query(sql: sql, bindings) { $0.string(0) ?? "" }
    }

    // MARK: Filter

    private mutating func sql(_ expression: FilterExpression) throws -> String {
        switch expression {
        case .and(let items): return "(" + (try items.map { try sql($0) }).joined(separator: " AND ") + ")"
        case .or(let items): return "(" + (try items.map { try sql($0) }).joined(separator: " OR ") + ")"
        case .not(let inner): return "NOT (" + (try sql(inner)) + ")"
        case .condition(let path, let comparator, let value):
            let (column, type) = try resolve(path)
            return try condition(column, type, comparator, value, field: path.joined(separator: "."))
        }
    }

    /// The SQL expression and the value type for `name` or `name.subfield`.
    private func resolve(_ path: [String]) throws -> (String, FieldType) {
        guard let first = path.first else { throw SandboxError.badRequest("Empty field name in filter") }
        switch first {
        case "id": return ("id", .uuid)
        case "deletedAt": return ("deleted_at", .dateTime)
        case "position": return ("position", .number)
        default: break
        }
        if object.fieldsByJoinColumn[first] != nil, path.count == 1 { return (RecordTable.jsonPath(first), .uuid) }
        guard let field = object.fieldsByName[first], field.storageKey != nil else {
            throw SandboxError.unknownField(first, object: object.name)
        }
        if path.count == 1 { return (RecordTable.jsonPath(first), field.type) }
        guard path.count == 2, let sub = field.type.subfields.first(where: { $0.name == path[1] }) else {
            throw SandboxError.badRequest(
                "Invalid subfield \(path.dropFirst().joined(separator: ".")) for field \(first)")
        }
        return (RecordTable.jsonPath(first + "." + path[1]), sub.storage)
    }

    private mutating func condition(
        _ column: String, _ type: FieldType, _ comparator: FilterExpression.Comparator, _ value: FilterValue,
        field: String
    ) throws -> String {
        func scalar() throws -> SQLValue {
            guard case .text(let text) = value else {
                throw SandboxError.badRequest("Filter \(field)[\(comparator.rawValue)] takes a single value")
            }
            return try typed(text, type, field)
        }
        func list() throws -> [SQLValue] {
            switch value {
            case .list(let items): return try items.map { try typed($0, type, field) }
            case .text(let text): return [try typed(text, type, field)]
            }
        }
        switch comparator {
        case .eq: bindings.append(try scalar()); return "\(column) = ?"
        case .neq: bindings.append(try scalar()); return "\(column) != ?"
        case .gt: bindings.append(try scalar()); return "\(column) > ?"
        case .gte: bindings.append(try scalar()); return "\(column) >= ?"
        case .lt: bindings.append(try scalar()); return "\(column) < ?"
        case .lte: bindings.append(try scalar()); return "\(column) <= ?"
        case .in:
            let items = try list()
            guard !items.isEmpty else { return "0" }
            bindings += items.map { $0 }
            return "\(column) IN (" + Array(repeating: "?", count: items.count).joined(separator: ",") + ")"
        case .containsAny:
            // MULTI_SELECT and ARRAY values are JSON arrays: match when any element is among the values.
            let items = try list()
            guard !items.isEmpty else { return "0" }
            bindings += items.map { $0 }
            let path = column.replacingOccurrences(of: "json_extract(body, ", with: "").dropLast()
            return "EXISTS (SELECT 1 FROM json_each(body, \(path)) WHERE value IN ("
                + Array(repeating: "?", count: items.count).joined(separator: ",") + "))"
        case .is:
            guard case .text(let text) = value else {
                throw SandboxError.badRequest("Filter \(field)[is] takes NULL or NOT_NULL")
            }
            switch text.uppercased() {
            case "NULL": return "\(column) IS NULL"
            case "NOT_NULL": return "\(column) IS NOT NULL"
            default: throw SandboxError.badRequest("Filter \(field)[is] takes NULL or NOT_NULL, not \(text)")
            }
        case .like, .ilike, .startsWith, .endsWith:
            guard case .text(let text) = value else {
                throw SandboxError.badRequest("Filter \(field)[\(comparator.rawValue)] takes a single value")
            }
            return pattern(column, comparator, text)
        }
    }

    /// `like` is case-sensitive and `ilike` not, as in Postgres; `%` and `_` are the wildcards. SQLite's LIKE
    /// ignores ASCII case, so `like` goes through GLOB with the wildcards translated.
    private mutating func pattern(_ column: String, _ comparator: FilterExpression.Comparator, _ text: String) -> String
    {
        switch comparator {
        case .ilike:
            bindings.append(.text(text))
            return "\(column) LIKE ? ESCAPE '\\'"
        case .like:
            bindings.append(.text(Self.glob(fromLike: text)))
            return "\(column) GLOB ?"
        case .startsWith:
            bindings.append(.text(text))
            return "substr(\(column), 1, length(?1_)) = ?1_".replacingOccurrences(of: "?1_", with: "?\(bindings.count)")
        default:
            bindings.append(.text(text))
            let n = bindings.count
            return "(length(\(column)) >= length(?\(n)) AND substr(\(column), -length(?\(n))) = ?\(n))"
        }
    }

    static func glob(fromLike like: String) -> String {
        var out = ""
        for c in like {
            switch c {
            case "%": out += "*"
            case "_": out += "?"
            case "*", "?", "[": out += "[\(c)]"
            default: out.append(c)
            }
        }
        return out
    }

    private func typed(_ text: String, _ type: FieldType, _ field: String) throws -> SQLValue {
        switch type {
        case .number, .numeric, .position:
            if let v = Int64(text) { return .integer(v) }
            guard let v = Double(text) else {
                throw SandboxError.badRequest("Filter \(field) expects a number, got \(text)")
            }
            return .real(v)
        case .boolean:
            switch text.lowercased() {
            case "true": return .integer(1)
            case "false": return .integer(0)
            default: throw SandboxError.badRequest("Filter \(field) expects true or false, got \(text)")
            }
        case .dateTime:
            return .text(Timestamp.parse(text)?.iso8601 ?? text)
        case .uuid:
            return .text(text.lowercased())
        default:
            return .text(text)
        }
    }

    // MARK: Order

    /// `order_by=name,employees[DescNullsLast]`; the default direction is AscNullsFirst and `id` always breaks ties.
    private mutating func order(_ text: String?) throws {
        for item in (text ?? "").split(separator: ",").map({ String($0).trimmedWhitespace }) where !item.isEmpty {
            var name = item
            var direction = "AscNullsFirst"
            if let open = item.firstIndex(of: "["), item.hasSuffix("]") {
                name = String(item[..<open])
                direction = String(item[item.index(after: open)..<item.index(before: item.endIndex)])
            }
            let directions = ["AscNullsFirst", "AscNullsLast", "DescNullsFirst", "DescNullsLast"]
            guard directions.contains(direction) else {
                throw SandboxError.badRequest(
                    "Invalid order_by direction '\(direction)'; use one of \(directions.joined(separator: ", "))")
            }
            let (column, _) = try resolve(name.split(separator: ".").map(String.init))
            let descending = direction.hasPrefix("Desc")
            let nullsFirst = direction.hasSuffix("NullsFirst")
            orderTerms.append("(\(column) IS NULL) \(nullsFirst ? "DESC" : "ASC")")
            orderTerms.append("\(column) \(descending ? "DESC" : "ASC")")
        }
        orderTerms.append("id ASC")
    }
}
