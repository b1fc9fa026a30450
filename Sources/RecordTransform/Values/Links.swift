import Foundation

/// URLs for LINKS fields, written as Twenty compares them: scheme added (`https://` when none is written), scheme
/// and host lower-cased, no trailing slash (Twenty's lookups lower-case the origin and drop the slash, TWENTY_API.md
/// section 9). Only http and https are accepted, and the host must look like one: dot-separated labels of letters,
/// digits and inner hyphens ending in a label of two or more letters, or an IPv4 address. Anything else (spaces,
/// `n/a`, `javascript:`, an email) is refused rather than written as a broken link.
public enum Links {
    public static func url(_ raw: String) -> Result<String, ValueRejection> {
        let value = Text.trimmed(raw)
        func invalid(_ why: String) -> Result<String, ValueRejection> {
            .failure(ValueRejection(.invalidURL, "\(Text.quoted(raw)) is not a web address: \(why)"))
        }
        guard !value.utf8.contains(where: { $0 <= 0x20 }) else { return invalid("it contains spaces") }
        var scheme = "https"
        var rest = Substring(value)
        if let separator = value.range(of: "://") {
            scheme = Text.asciiLowercased(String(value[..<separator.lowerBound]))
            rest = value[separator.upperBound...]
            guard scheme == "http" || scheme == "https" else { return invalid("the scheme \(scheme) is not http or https") }
        } else if value.contains(":"), !value.contains(".") || value.lowercased().hasPrefix("javascript:") || value.lowercased().hasPrefix("mailto:") {
            return invalid("it is not an http or https address")
        }
        let hostEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        var host = Text.asciiLowercased(String(rest[..<hostEnd]))
        var path = String(rest[hostEnd...])
        if let at = host.lastIndex(of: "@") {
            guard scheme == "http" || scheme == "https", value.contains("://") else { return invalid("it looks like an email address") }
            host = String(host[host.index(after: at)...])
        }
        let hostOnly = host.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
        guard isHost(hostOnly) else { return invalid("\(Text.quoted(hostOnly)) is not a host name") }
        while path.hasSuffix("/") { path.removeLast() }
        return .success("\(scheme)://\(host)\(path)")
    }

    /// The domain a URL names, for comparing companies: the host without `www.`, lower-cased.
    public static func domain(ofURL url: String) -> String {
        var rest = Substring(url)
        if let separator = url.range(of: "://") { rest = url[separator.upperBound...] }
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" }
        let lower = Text.asciiLowercased(String(host))
        return lower.hasPrefix("www.") ? String(lower.dropFirst(4)) : lower
    }

    static func isHost(_ host: String) -> Bool {
        let labels = host.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2, host.utf8.count <= 253 else { return false }
        if labels.count == 4, labels.allSatisfy({ (1...3).contains($0.count) && $0.allSatisfy(Text.isDigit) }) {
            return labels.allSatisfy { Int(String(decoding: $0, as: UTF8.self))! <= 255 }
        }
        for label in labels {
            guard (1...63).contains(label.count), label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-"),
                label.allSatisfy({ Text.isLetter($0) || Text.isDigit($0) || $0 == UInt8(ascii: "-") || $0 >= 0x80 })
            else { return false }
        }
        let tld = labels[labels.count - 1]
        return tld.starts(with: "xn--".utf8) || (tld.count >= 2 && tld.allSatisfy { Text.isLetter($0) || $0 >= 0x80 })
    }
}
