import ValueRules

/// Recognisers for the kinds of value a CRM column holds, which the column profile combines with the header's
/// name. Emails, web addresses, phones and currencies are ValueRules' definitions, the ones the audit and the
/// transforms apply, so a column profiled as emails holds what the transform accepts as emails.
public enum ValueShapes {
    static let booleanWords: Set<String> = ["true", "false", "yes", "no", "y", "n", "t", "f"]

    /// An address EmailRule accepts (`ada@example.com`, `Ada <ada@example.com>`, `mailto:ada@example.com`).
    public static func isEmail(_ value: String) -> Bool { EmailRule.isValid(value) }

    /// An address WebAddressRule accepts: `http(s)://...`, `www....`, or a bare domain (`acme.com`,
    /// `acme.co.uk/path`).
    static func isURL(_ value: String) -> Bool {
        if case .success = WebAddressRule.normalize(value) { return true }
        return false
    }

    /// A number PhoneRule finds plausible without knowing the record's country: an international number that
    /// structures, or a national one of 7 to 17 digits with only separators besides.
    static func isPhone(_ value: String) -> Bool { PhoneRule.isPlausible(value) }

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

    /// A decimal with a currency symbol (CurrencyRule's) or ISO code before or after it: `$19.99`, `€ 5`,
    /// `1200 EUR`.
    static func isCurrencyAmount(_ value: String) -> Bool {
        if let (amount, _) = CurrencyRule.splitSymbol(value) { return isDecimal(String(amount).trimmingWhitespace) }
        let parts = value.split(separator: " ")
        guard parts.count == 2 else { return false }
        let (first, second) = (String(parts[0]), String(parts[1]))
        return CurrencyRule.codes.contains(first) && isDecimal(second)
            || CurrencyRule.codes.contains(second) && isDecimal(first)
    }
}
