import Foundation

/// The validity rules the audit applies. Deliberately close to what Twenty will accept, and written down so a
/// finding can be explained: the transforms of the field map re-check every value before it is written.
enum Validity {
    private static let localCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-'")
    private static let domainCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")

    /// `local@domain.tld`: ASCII letters, digits and `._%+-'` before the `@`; labels of letters, digits and `-`
    /// after it, at least two, none empty.
    static func isEmail(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return parts[0].allSatisfy(localCharacters.contains) && parts[1].allSatisfy(domainCharacters.contains)
            && labels.count >= 2 && labels.allSatisfy { !$0.isEmpty }
    }

    /// Digits with `+ - ( ) .` and spaces, 7 to 15 digits (E.164's maximum).
    static func isPhone(_ phone: String) -> Bool {
        let digits = phone.filter { $0.isASCII && $0.isNumber }.count
        return phone.allSatisfy { ($0.isASCII && $0.isNumber) || "+-(). ".contains($0) } && (7...15).contains(digits)
    }

    /// A website's host, lower-case, without scheme, `www.` or path: how Twenty compares company domains.
    static func domain(of website: String) -> String {
        var text = website.trimmingCharacters(in: .whitespaces).lowercased()
        for prefix in ["https://", "http://", "www."] where text.hasPrefix(prefix) { text.removeFirst(prefix.count) }
        return String(text.prefix { $0 != "/" })
    }

    static func normalizedEmail(_ email: String) -> String { email.trimmingCharacters(in: .whitespaces).lowercased() }
}
