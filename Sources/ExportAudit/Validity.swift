import Foundation
import ValueRules

/// The validity rules the audit applies: ValueRules' definitions, the ones the profiler and the transforms apply,
/// so that the audit's findings predict what the transforms refuse.
enum Validity {
    /// An address EmailRule accepts.
    static func isEmail(_ email: String) -> Bool { EmailRule.isValid(email) }

    /// A number PhoneRule finds plausible without the record's country (the audit does not know the map's
    /// default): an international number that structures, or a national one of 7 to 17 digits.
    static func isPhone(_ phone: String) -> Bool { PhoneRule.isPlausible(phone) }

    /// A website's host, lower-case, without scheme, `www.`, port or path: how Twenty compares company domains.
    static func domain(of website: String) -> String { DomainRule.domain(ofWebsite: website) }

    /// The address as the transforms store it, or, for a value that is not one, the value trimmed and
    /// lower-cased (so that two spellings of one invalid address still compare equal).
    static func normalizedEmail(_ email: String) -> String {
        EmailRule.normalize(email) ?? email.trimmingCharacters(in: .whitespaces).lowercased()
    }
}
