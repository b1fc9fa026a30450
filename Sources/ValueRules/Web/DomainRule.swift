/// The domain of a company's website, as Twenty compares companies (`domainName.primaryLinkUrl` is unique, and
/// variants of one domain are the duplicates TWENTY_API.md section 11 warns of): the host, lower-case, without
/// scheme, user, `www.`, port, path, query, fragment or a final dot. `https://WWW.Acme.com:443/about?x` and
/// `acme.com/` are both `acme.com`.
public enum DomainRule {
    public static func domain(ofWebsite website: String) -> String {
        let text = ASCII.trimmed(website)
        var rest = Substring(text)
        if let separator = text.range(of: "://") { rest = text[separator.upperBound...] }
        var host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
        host = host.prefix { $0 != ":" }
        var lower = ASCII.lowercased(String(host))
        while lower.hasSuffix(".") { lower.removeLast() }
        return lower.hasPrefix("www.") ? String(lower.dropFirst(4)) : lower
    }
}
