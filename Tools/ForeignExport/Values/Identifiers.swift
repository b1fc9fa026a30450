/// Record ids in the shapes vendors give them.
enum Identifiers {
    private static let base62 = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

    /// An 18-character Salesforce id: a 3-character key prefix (`001` account, `003` contact, `006` opportunity,
    /// `005` user, `00T` task), a pod and padding, the record number in base 62, and Salesforce's published
    /// case-safe suffix (one letter per 5 characters, encoding which of them are upper-case).
    static func salesforce(_ prefix: String, _ number: Int) -> String {
        var digits = ""
        var rest = number
        for _ in 0..<6 {
            digits = String(base62[rest % 62]) + digits
            rest /= 62
        }
        let fifteen = Array(prefix + "5J0000" + digits)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345")
        var suffix = ""
        for chunk in 0..<3 {
            var bits = 0
            for position in 0..<5 where fifteen[chunk * 5 + position].isUppercase {
                bits |= 1 << position
            }
            suffix.append(alphabet[bits])
        }
        return String(fifteen) + suffix
    }

    /// A version-4-shaped UUID drawn from the dice, lower-case: an id that says nothing about what it names.
    static func uuid(_ dice: inout Dice) -> String {
        let high = dice.next()
        let low = dice.next()
        var hex = Array(String(high, radix: 16).leftPadded(16) + String(low, radix: 16).leftPadded(16))
        hex[12] = "4"
        hex[16] = Array("89ab")[Int(low >> 62)]
        let text = String(hex)
        let parts = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
            String(
                text[
                    text.index(
                        text.startIndex, offsetBy: range.lowerBound)..<text.index(
                            text.startIndex, offsetBy: range.upperBound)])
        }
        return parts.joined(separator: "-")
    }

    /// A short random token of lower-case letters and digits (`acc_7f3a9c` after its prefix).
    static func token(_ dice: inout Dice, length: Int) -> String {
        let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyz")
        return String((0..<length).map { _ in alphabet[dice.below(alphabet.count)] })
    }
}

extension String {
    func leftPadded(_ width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}

/// How companies' websites are written in one export: with or without scheme and `www.`, as people typed them.
enum Website {
    static func write(_ domain: String, _ dice: inout Dice) -> String {
        switch dice.below(20) {
        case 0..<11: "www.\(domain)"
        case 11..<16: "https://www.\(domain)"
        case 16..<18: "http://\(domain)/"
        default: domain
        }
    }

    /// The host a website names, without scheme, `www.` or path: what makes two websites the same company.
    static func domain(of website: String) -> String {
        var text = website.lowercased()
        for prefix in ["https://", "http://", "www."] where text.hasPrefix(prefix) { text.removeFirst(prefix.count) }
        return String(text.prefix { $0 != "/" })
    }

    /// The same site written another way: what a second record of one company looks like.
    static func variant(of website: String) -> String { "https://\(domain(of: website).uppercased())/contact" }
}
