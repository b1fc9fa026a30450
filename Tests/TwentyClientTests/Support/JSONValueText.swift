import CanonicalJSON

enum JSONValueText {
    static func parse(_ text: String) throws -> JSONValue { try JSONValue(parsing: Array(text.utf8)) }
}
