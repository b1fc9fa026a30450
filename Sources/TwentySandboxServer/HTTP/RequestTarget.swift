import Foundation

/// A request target split the way the engine reads it: the path and each query parameter, percent-decoded,
/// parameters in the order sent.
struct RequestTarget: Equatable {
    var path: String
    var query: [(name: String, value: String)]

    static func == (lhs: RequestTarget, rhs: RequestTarget) -> Bool {
        lhs.path == rhs.path && lhs.query.elementsEqual(rhs.query) { $0.name == $1.name && $0.value == $1.value }
    }

    /// `nil` when a percent escape is malformed or does not decode to UTF-8.
    init?(path rawPath: String, query rawQuery: String?) {
        guard let path = rawPath.removingPercentEncoding else { return nil }
        self.path = path.isEmpty ? "/" : path
        var query: [(name: String, value: String)] = []
        for pair in (rawQuery ?? "").split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            // '+' is a space in a query string, as Express's parser (and so Twenty) reads it.
            guard let name = Self.decodeQueryComponent(parts[0]),
                let value = Self.decodeQueryComponent(parts.count > 1 ? parts[1] : "")
            else { return nil }
            query.append((name, value))
        }
        self.query = query
    }

    private static func decodeQueryComponent(_ component: Substring) -> String? {
        component.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
