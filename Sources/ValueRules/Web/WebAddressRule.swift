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
        // Foundation's substring search and Character-wise scans cost microseconds a call, and a column profile asks
        // this of up to 20,000 values per column: an ASCII value (nearly every one) is searched byte by byte, which
        // finds exactly what those find in ASCII text. Other text keeps the searches that compare characters.
        return normalize(trimmed: value, bytewise: value.utf8.allSatisfy { $0 < 0x80 })
    }

    /// `normalize` of a trimmed value, searching its bytes (`bytewise`, for ASCII text only) or its characters.
    static func normalize(trimmed value: String, bytewise ascii: Bool) -> Result<String, Rejection> {
        guard !value.utf8.contains(where: { $0 <= 0x20 }) else { return .failure(.spaces) }
        func contains(_ needle: String) -> Bool {
            ascii ? ASCII.range(of: needle, in: value) != nil : value.contains(needle)
        }
        var scheme = "https"
        var rest = Substring(value)
        if let separator = ascii ? ASCII.range(of: "://", in: value) : value.range(of: "://") {
            scheme = ASCII.lowercased(String(value[..<separator.lowerBound]))
            rest = value[separator.upperBound...]
            guard scheme == "http" || scheme == "https" else { return .failure(.scheme(scheme)) }
        } else if contains(":"),
            !contains(".") || value.lowercased().hasPrefix("javascript:")
                || value.lowercased().hasPrefix("mailto:")
        {
            return .failure(.notWeb)
        }
        let hostEnd =
            ascii
            ? rest.utf8.firstIndex(where: {
                $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#")
            })
                ?? rest.endIndex
            : rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        var host = ASCII.lowercased(String(rest[..<hostEnd]))
        var path = String(rest[hostEnd...])
        if let at = ascii ? host.utf8.lastIndex(of: UInt8(ascii: "@")) : host.lastIndex(of: "@") {
            guard contains("://") else { return .failure(.email) }
            host = String(host[host.index(after: at)...])
        }
        let hostOnly =
            ascii
            ? host.utf8.split(separator: UInt8(ascii: ":"), maxSplits: 1).first.map { String(Substring($0)) } ?? ""
            : host.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
        guard HostName.isHost(hostOnly) else { return .failure(.host(hostOnly)) }
        while path.hasSuffix("/") { path.removeLast() }
        return .success("\(scheme)://\(host)\(path)")
    }
}
