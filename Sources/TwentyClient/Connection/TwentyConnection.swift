import Foundation

/// Where the workspace is and how to prove who we are.
public struct TwentyConnection: Sendable, CustomStringConvertible {
    public let baseURL: URL
    public let apiKey: TwentyAPIKey

    /// Plain `http://` is refused unless the host is this machine or `allowInsecure` says so: the key travels in every
    /// request's header.
    public init(url: String, apiKey: TwentyAPIKey, allowInsecure: Bool = false) throws {
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(), let host = parsed.host,
            !host.isEmpty
        else { throw ConnectionError.notAURL(url) }
        guard scheme == "https" || scheme == "http" else { throw ConnectionError.unsupportedScheme(url) }
        // The URL is printed, logged and recorded in the ledger's workspace binding: it must carry no secret.
        guard parsed.user == nil, parsed.password == nil, parsed.query == nil else {
            throw ConnectionError.credentialsInURL(host)
        }
        if scheme == "http", !allowInsecure, !Self.isLoopback(host) { throw ConnectionError.insecure(url) }
        guard !apiKey.secret.isEmpty else { throw ConnectionError.emptyKey }
        // A trailing slash makes relative paths (`rest/...`) resolve under any path prefix the server sits at.
        let text = parsed.absoluteString.hasSuffix("/") ? parsed.absoluteString : parsed.absoluteString + "/"
        baseURL = URL(string: text) ?? parsed
        self.apiKey = apiKey
    }

    static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        return bare == "localhost" || bare == "::1" || bare.hasPrefix("127.")
    }

    /// The URL of `path` (which may carry a query string) under the base URL.
    func url(_ path: String) -> URL? {
        URL(string: path.hasPrefix("/") ? String(path.dropFirst()) : path, relativeTo: baseURL)?.absoluteURL
    }

    public var description: String { "Twenty at \(baseURL.absoluteString) with \(apiKey)" }
}

public enum ConnectionError: Error, Equatable, CustomStringConvertible, Sendable {
    case notAURL(String)
    case unsupportedScheme(String)
    case insecure(String)
    case emptyKey
    case credentialsInURL(String)

    public var description: String {
        switch self {
        case .notAURL(let url): "\(url) is not a workspace URL (expected https://host or http://127.0.0.1:PORT)"
        case .unsupportedScheme(let url): "\(url): only https:// (or http:// to this machine) reaches a workspace"
        case .insecure(let url):
            "\(url) would send the API key unencrypted to another machine; use https://, or --allow-insecure if you must"
        case .emptyKey: "the API key is empty"
        case .credentialsInURL(let host):
            "the workspace URL for \(host) carries a user, password or query string; give the bare URL and the key"
                + " through TWENTY_API_KEY or --api-key-file (the URL is printed and recorded in the ledger)"
        }
    }
}
