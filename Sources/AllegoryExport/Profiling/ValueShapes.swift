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
}
