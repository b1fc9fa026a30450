import Foundation

/// A request path with its query string, each value percent-encoded: filters hold brackets, commas, quotes, colons
/// and `&`, which would otherwise end the value or make the URL invalid.
public enum TwentyPath {
    public static func make(_ path: String, query: [(name: String, value: String)]) -> String {
        guard !query.isEmpty else { return path }
        return path + "?" + query.map { "\(encode($0.name))=\(encode($0.value))" }.joined(separator: "&")
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-_.~")))
            ?? text
    }
}
