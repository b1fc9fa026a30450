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
        var host = host
        return host.withUTF8 { bytes in
            guard bytes.count <= 253 else { return false }
            if isIPv4(bytes) { return true }
            return hasValidLabels(bytes)
        }
    }

    /// Four dot-separated groups of one to three digits, each at most 255.
    private static func isIPv4(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var groups = 0
        var digits = 0
        var value = 0
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard digits > 0, value <= 255 else { return false }
                groups += 1
                (digits, value) = (0, 0)
            } else {
                guard Text.isDigit(byte), digits < 3 else { return false }
                digits += 1
                value = value * 10 + Int(byte - 0x30)
            }
        }
        return groups == 3 && digits > 0 && value <= 255
    }

    /// At least two dot-separated labels of 1 to 63 letters, digits and inner hyphens (non-ASCII allowed), the
    /// last of two or more letters or an IDN `xn--` label: a host name, and the domain of an email address.
    static func hasValidLabels(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var labels = 0
        var start = 0
        var lastLabel = 0..<0
        for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: ".") {
            let count = end - start
            guard (1...63).contains(count), bytes[start] != UInt8(ascii: "-"), bytes[end - 1] != UInt8(ascii: "-") else { return false }
            for index in start..<end {
                let byte = bytes[index]
                guard Text.isLetter(byte) || Text.isDigit(byte) || byte == UInt8(ascii: "-") || byte >= 0x80 else { return false }
            }
            labels += 1
            lastLabel = start..<end
            start = end + 1
        }
        guard labels >= 2 else { return false }
        let tld = bytes[lastLabel]
        return tld.starts(with: "xn--".utf8) || (tld.count >= 2 && tld.allSatisfy { Text.isLetter($0) || $0 >= 0x80 })
    }
}
