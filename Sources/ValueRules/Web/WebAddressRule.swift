/// Web addresses for LINKS fields, written as Twenty compares them: scheme added (`https://` when none is
/// written), scheme and host lower-cased, no trailing slash (Twenty's lookups lower-case the origin and drop the
/// slash, TWENTY_API.md section 9). Only http and https are accepted, and the host must be a host name or an
/// IPv4 address (HostName). Anything else (spaces, `n/a`, `javascript:`, an email) is refused rather than
/// written as a broken link.
public enum WebAddressRule {
    public enum Rejection: Error, Sendable, Equatable, CustomStringConvertible {
        case spaces
        case scheme(String)
        case notWeb
        case email
        case host(String)

        public var description: String {
            switch self {
            case .spaces: "it contains spaces"
            case .scheme(let scheme): "the scheme \(scheme) is not http or https"
            case .notWeb: "it is not an http or https address"
            case .email: "it looks like an email address"
            case .host(let host): "\"\(host)\" is not a host name"
            }
        }
    }

    public static func normalize(_ raw: String) -> Result<String, Rejection> {
        let value = ASCII.trimmed(raw)
        guard !value.utf8.contains(where: { $0 <= 0x20 }) else { return .failure(.spaces) }
        var scheme = "https"
        var rest = Substring(value)
        if let separator = value.range(of: "://") {
            scheme = ASCII.lowercased(String(value[..<separator.lowerBound]))
            rest = value[separator.upperBound...]
            guard scheme == "http" || scheme == "https" else { return .failure(.scheme(scheme)) }
        } else if value.contains(":"),
            !value.contains(".") || value.lowercased().hasPrefix("javascript:")
                || value.lowercased().hasPrefix("mailto:")
        {
            return .failure(.notWeb)
        }
        let hostEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        var host = ASCII.lowercased(String(rest[..<hostEnd]))
        var path = String(rest[hostEnd...])
        if let at = host.lastIndex(of: "@") {
            guard value.contains("://") else { return .failure(.email) }
            host = String(host[host.index(after: at)...])
        }
        let hostOnly = host.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
        guard HostName.isHost(hostOnly) else { return .failure(.host(hostOnly)) }
        while path.hasSuffix("/") { path.removeLast() }
        return .success("\(scheme)://\(host)\(path)")
    }
}
