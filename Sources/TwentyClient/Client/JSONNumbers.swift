import CanonicalJSON

extension JSONValue {
    /// An integer or a number, whichever Twenty sent.
    var numberValue: Double? {
        switch self {
        case .integer(let n): Double(n)
        case .number(let n): n
        default: nil
        }
    }

    var items: [JSONValue] {
        if case .array(let items) = self { return items }
        return []
    }
}
