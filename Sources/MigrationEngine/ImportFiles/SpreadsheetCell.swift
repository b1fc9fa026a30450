import CanonicalJSON

/// One cell of a file meant for Twenty's in-app import, and its defence against formula injection.
public enum SpreadsheetCell {
    /// What a spreadsheet application may read as the start of a formula (`=`, `+`, `-`, `@`) or of a cell it
    /// re-parses (a leading tab or carriage return).
    static let triggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "\r\n"]

    /// `text` made inert for spreadsheet applications: a cell starting with a trigger (after any spaces) gets one
    /// more leading space.
    ///
    /// A space, not the usual apostrophe: spreadsheet applications take a cell starting with a space as text, and
    /// every value Twenty's importer parses reads the same with a space in front (a number such as `-5` or an
    /// amount through JavaScript's `Number`, a phone such as `+33 1 23` through libphonenumber, both of which skip
    /// leading blanks), where an apostrophe would be imported as part of the value and make `-5` no number at all.
    /// A text field keeps the space; `original(_:)` removes it again.
    public static func neutralised(_ text: String) -> String {
        startsLikeFormula(text) ? " " + text : text
    }

    /// The value a neutralised cell stood for: the inverse of `neutralised(_:)`.
    public static func original(_ cell: String) -> String {
        cell.hasPrefix(" ") && startsLikeFormula(cell) ? String(cell.dropFirst()) : cell
    }

    /// A trigger first, or after leading spaces: some applications trim those spaces before they look, so a value
    /// that already starts with a space before a trigger gets one more, and every such cell maps back exactly.
    static func startsLikeFormula(_ text: String) -> Bool {
        guard let first = text.drop(while: { $0 == " " }).first else { return false }
        return triggers.contains(first)
    }

    /// A JSON value as Twenty's importer reads a cell: text as is, numbers in plain decimal, booleans TRUE/FALSE,
    /// arrays and objects as JSON text, null as an empty cell.
    static func text(_ value: JSONValue) -> String {
        switch value {
        case .null: return ""
        case .string(let text): return text
        case .bool(let flag): return flag ? "TRUE" : "FALSE"
        case .integer(let number): return String(number)
        case .number(let number): return decimal(number)
        case .array, .object: return value.canonicalText
        }
    }

    /// A number without exponent or trailing zeros (`1500`, `12.5`): what a person and the importer both read.
    static func decimal(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        var text = String(format: "%.6f", number)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
