/// How an export writes a number with a fractional part, named as the answer key's `format` names it. Amounts are
/// kept in hundredths (cents) so no binary floating point reaches the files.
public enum NumberStyle: String, Sendable {
    /// German: `1.234,56`.
    case commaDecimal = "1.234,56"
    /// English with thousands separators: `1,234.56`.
    case pointDecimal = "1,234.56"
    /// What databases and APIs write: `1234.56`.
    case plain = "1234.56"

    public func write(hundredths: Int64) -> String {
        let negative = hundredths < 0
        let magnitude = negative ? -hundredths : hundredths
        let whole = magnitude / 100
        let fraction = magnitude % 100
        let fractionText = fraction < 10 ? "0\(fraction)" : "\(fraction)"
        let body: String
        switch self {
        case .commaDecimal: body = grouped(whole, separator: ".") + "," + fractionText
        case .pointDecimal: body = grouped(whole, separator: ",") + "." + fractionText
        case .plain: body = "\(whole).\(fractionText)"
        }
        return negative ? "-" + body : body
    }

    /// A whole number, grouped in thousands where this style groups (`12.500`, `12,500`, `12500`).
    public func write(whole: Int) -> String {
        switch self {
        case .commaDecimal: grouped(Int64(whole), separator: ".")
        case .pointDecimal: grouped(Int64(whole), separator: ",")
        case .plain: "\(whole)"
        }
    }

    private func grouped(_ value: Int64, separator: String) -> String {
        var digits = String(value)
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(digits, at: 0)
        return groups.joined(separator: separator)
    }
}
