/// Recognisers for the kinds of value a CRM column holds. Deliberately simple rules, documented here, that the
/// column profile combines with the header's name; the transforms (field map issue) validate properly.
public enum ValueShapes {
    static let booleanWords: Set<String> = ["true", "false", "yes", "no", "y", "n", "t", "f"]

    /// `local@domain.tld`, no spaces, one `@`, a dot in the domain that is not at its ends.
    public static func isEmail(_ value: String) -> Bool {
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !value.contains(" ") else { return false }
        let domain = parts[1]
        guard let dot = domain.lastIndex(of: "."), dot != domain.startIndex, domain.index(after: dot) != domain.endIndex
        else { return false }
        return domain[domain.index(after: dot)...].count >= 2
    }

    /// `http(s)://...`, `www....`, or a bare domain (`acme.com`, `acme.co.uk/path`).
    static func isURL(_ value: String) -> Bool {
        let lower = value.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") { return lower.count > 10 && !lower.contains(" ") }
        guard !lower.contains(" "), !lower.contains("@") else { return false }
        let host = lower.split(separator: "/", maxSplits: 1).first ?? ""
        let labels = host.split(separator: ".")
        guard labels.count >= 2, let tld = labels.last, tld.count >= 2, tld.allSatisfy(\.isLetter) else { return false }
        return labels.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } }
    }

    /// 7-15 digits, with only `+ ( ) - . /` and spaces besides, and a `+` only in front.
    static func isPhone(_ value: String) -> Bool {
        var digitCount = 0
        for (offset, character) in value.enumerated() {
            if character.isASCII, character.isNumber {
                digitCount += 1
            } else if character == "+" {
                if offset != 0 { return false }
            } else if !" ()-./".contains(character) {
                return false
            }
        }
        return (7...15).contains(digitCount)
    }

    static func isInteger(_ value: String) -> Bool {
        let body = value.hasPrefix("-") ? value.dropFirst() : Substring(value)
        return !body.isEmpty && body.count <= 18 && body.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// `1234.5`, `-0.25`, `1,234.56` (thousands commas).
    static func isDecimal(_ value: String) -> Bool {
        var body = value.hasPrefix("-") ? value.dropFirst() : Substring(value)
        body = Substring(body.replacingOccurrences(of: ",", with: ""))
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty || parts.count == 2 else { return false }
        return parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } } && parts.contains { !$0.isEmpty }
    }

    /// A decimal with a currency symbol or ISO code before or after it: `$19.99`, `€ 5`, `1200 EUR`.
    static func isCurrencyAmount(_ value: String) -> Bool {
        let symbols = ["$", "€", "£", "¥"]
        for symbol in symbols where value.hasPrefix(symbol) || value.hasSuffix(symbol) {
            let amount = value.replacingOccurrences(of: symbol, with: "").trimmingWhitespace
            return isDecimal(amount)
        }
        let parts = value.split(separator: " ")
        guard parts.count == 2 else { return false }
        let (first, second) = (String(parts[0]), String(parts[1]))
        let isCode: (String) -> Bool = { $0.count == 3 && $0.allSatisfy { $0.isUppercase && $0.isLetter } }
        return isCode(first) && isDecimal(second) || isCode(second) && isDecimal(first)
    }
}
