/// Email addresses as Twenty stores them: trimmed and lower-cased (its lookups lower-case emails, TWENTY_API.md
/// section 9), and valid, so that `emails.primaryEmail`, which Twenty keeps unique, compares as Twenty compares.
///
/// Accepted: `Name <a@b.com>` and `mailto:a@b.com` (the address is taken out). Valid means one `@`; a local part of
/// 1 to 64 characters without spaces, quotes, angle brackets or leading, trailing or doubled dots; a domain of at
/// least two dot-separated labels of letters, digits and inner hyphens, ending in a label of two or more letters
/// (or an IDN `xn--` label). Non-ASCII letters are allowed on both sides.
public enum Emails {
    public static func normalize(_ raw: String) -> Result<String, ValueRejection> {
        var value = Text.trimmed(raw)
        if let open = value.lastIndex(of: "<"), value.hasSuffix(">") {
            value = Text.trimmed(String(value[value.index(after: open)..<value.index(before: value.endIndex)]))
        }
        if value.utf8.count > 7, value.prefix(7).lowercased() == "mailto:" { value = String(value.dropFirst(7)) }
        let lower = Text.asciiLowercased(value)
        guard isValid(lower) else { return .failure(ValueRejection(.invalidEmail, "\(Text.quoted(raw)) is not an email address")) }
        return .success(lower)
    }

    /// The emails of a list column (`a@x.com; b@y.com`), normalised, without repeats and without `primary`.
    /// The first invalid item refuses the whole list: writing part of it would silently lose the rest.
    public static func list(_ raw: String, separator: String?, excluding primary: String?) -> Result<[String], ValueRejection> {
        var seen = Set<String>()
        if let primary { seen.insert(primary) }
        var result: [String] = []
        for item in items(raw, separator: separator) {
            switch normalize(item) {
            case .success(let email): if seen.insert(email).inserted { result.append(email) }
            case .failure(let rejection): return .failure(rejection)
            }
        }
        return .success(result)
    }

    /// List items split on `separator`, or on `;` and `,` when the map gives none.
    static func items(_ raw: String, separator: String?) -> [String] {
        let parts: [Substring]
        if let separator, !separator.isEmpty {
            parts = raw.split(separator: separator)
        } else {
            parts = raw.split(whereSeparator: { $0 == ";" || $0 == "," })
        }
        return parts.map { Text.trimmed(String($0)) }.filter { !$0.isEmpty }
    }

    static func isValid(_ email: String) -> Bool {
        let bytes = Array(email.utf8)
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")), bytes.lastIndex(of: UInt8(ascii: "@")) == at else { return false }
        let local = bytes[..<at]
        let domain = bytes[(at + 1)...]
        guard (1...64).contains(local.count), (4...253).contains(domain.count) else { return false }
        guard local.first != UInt8(ascii: "."), local.last != UInt8(ascii: ".") else { return false }
        var previous: UInt8 = 0
        for byte in local {
            if byte == UInt8(ascii: "."), previous == UInt8(ascii: ".") { return false }
            if byte <= 0x20 || byte == 0x7F || "\"(),:;<>[\\]".utf8.contains(byte) { return false }
            previous = byte
        }
        let labels = domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        for label in labels {
            guard (1...63).contains(label.count), label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-"),
                label.allSatisfy({ Text.isLetter($0) || Text.isDigit($0) || $0 == UInt8(ascii: "-") || $0 >= 0x80 })
            else { return false }
        }
        let tld = labels[labels.count - 1]
        return tld.starts(with: "xn--".utf8) || (tld.count >= 2 && tld.allSatisfy { Text.isLetter($0) || $0 >= 0x80 })
    }
}
