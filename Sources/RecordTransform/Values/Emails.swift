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
        // The byte tests first: searching by Character is slow, and a value can only end in `>` (or begin with
        // `mailto:`) when its last byte is `>` (its first byte an ASCII `m`).
        if value.utf8.last == UInt8(ascii: ">"), let open = value.lastIndex(of: "<"), value.hasSuffix(">") {
            value = Text.trimmed(String(value[value.index(after: open)..<value.index(before: value.endIndex)]))
        }
        if value.utf8.count > 7, let first = value.utf8.first, first | 0x20 == UInt8(ascii: "m"),
            value.prefix(7).lowercased() == "mailto:"
        {
            value = String(value.dropFirst(7))
        }
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
        var email = email
        return email.withUTF8 { isValid(utf8: $0) }
    }

    /// Bytes of the local part that make an address invalid besides spaces and controls: `"(),:;<>[\]`.
    private static let forbiddenInLocalPart: [Bool] = (0..<256).map { "\"(),:;<>[\\]".utf8.contains(UInt8($0)) }

    /// The rules above over the address's bytes, without copying them.
    static func isValid(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")), bytes.lastIndex(of: UInt8(ascii: "@")) == at else { return false }
        let localCount = at
        let domainCount = bytes.count - at - 1
        guard (1...64).contains(localCount), (4...253).contains(domainCount) else { return false }
        guard bytes[0] != UInt8(ascii: "."), bytes[at - 1] != UInt8(ascii: ".") else { return false }
        var previous: UInt8 = 0
        for index in 0..<at {
            let byte = bytes[index]
            if byte == UInt8(ascii: "."), previous == UInt8(ascii: ".") { return false }
            if byte <= 0x20 || byte == 0x7F || forbiddenInLocalPart[Int(byte)] { return false }
            previous = byte
        }
        return Links.hasValidLabels(UnsafeBufferPointer(rebasing: bytes[(at + 1)...]))
    }
}
