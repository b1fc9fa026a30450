/// Email addresses, one rule for the profiler, the audit and the transforms: what one says is an email, the
/// others say too. Stored as Twenty compares them: trimmed and ASCII lower-cased (its lookups lower-case emails,
/// TWENTY_API.md section 9), so that `emails.primaryEmail`, which Twenty keeps unique, compares as Twenty does.
///
/// Accepted: `Name <a@b.com>` and `mailto:a@b.com` (the address is taken out). Valid means one `@`; a local part
/// of 1 to 64 bytes without spaces, controls, `"(),:;<>[\]` or leading, trailing or doubled dots; a domain that
/// is a host name (HostName: labels of letters, digits and inner hyphens, a top-level label of two or more
/// letters or `xn--`). Non-ASCII letters are allowed on both sides. Quoted local parts and IP-address domains,
/// valid in RFC 5321, are refused: CRM addresses never need them and mail systems often refuse them.
public enum EmailRule {
    /// The address, normalised, or nil when it is not one.
    public static func normalize(_ raw: String) -> String? {
        var value = ASCII.trimmed(raw)
        // The byte tests first: searching by Character is slow, and a value can only end in `>` (or begin with
        // `mailto:`) when its last byte is `>` (its first byte an ASCII `m`).
        if value.utf8.last == UInt8(ascii: ">"), let open = value.lastIndex(of: "<") {
            value = ASCII.trimmed(String(value[value.index(after: open)..<value.index(before: value.endIndex)]))
        }
        if value.utf8.count > 7, let first = value.utf8.first, first | 0x20 == UInt8(ascii: "m"),
            value.prefix(7).lowercased() == "mailto:"
        {
            value = String(value.dropFirst(7))
        }
        let lower = ASCII.lowercased(value)
        return isAddress(lower) ? lower : nil
    }

    public static func isValid(_ raw: String) -> Bool {
        // An address holds an `@`, and most values a column profile asks about do not: one byte scan refuses them.
        guard raw.utf8.contains(UInt8(ascii: "@")) else { return false }
        return normalize(raw) != nil
    }

    /// Whether a bare address (no `Name <...>`, already trimmed) is valid.
    static func isAddress(_ email: String) -> Bool {
        var email = email
        return email.withUTF8 { isAddress(utf8: $0) }
    }

    /// Bytes of the local part that make an address invalid besides spaces and controls: `"(),:;<>[\]`.
    private static let forbiddenInLocalPart: [Bool] = (0..<256).map { "\"(),:;<>[\\]".utf8.contains(UInt8($0)) }

    private static func isAddress(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")), bytes.lastIndex(of: UInt8(ascii: "@")) == at else {
            return false
        }
        guard (1...64).contains(at), (4...253).contains(bytes.count - at - 1) else { return false }
        guard bytes[0] != UInt8(ascii: "."), bytes[at - 1] != UInt8(ascii: ".") else { return false }
        var previous: UInt8 = 0
        for index in 0..<at {
            let byte = bytes[index]
            if byte == UInt8(ascii: "."), previous == UInt8(ascii: ".") { return false }
            if byte <= 0x20 || byte == 0x7F || forbiddenInLocalPart[Int(byte)] { return false }
            previous = byte
        }
        return HostName.hasValidLabels(UnsafeBufferPointer(rebasing: bytes[(at + 1)...]))
    }
}
