/// Link URLs as Twenty writes them: the origin (scheme and host) lower-cased, no trailing slash
/// (TWENTY_API.md sections 1 and 9; `lowercaseUrlOriginAndRemoveTrailingSlash` in twenty-shared, applied by
/// `S/engine/core-modules/record-transformer/utils/transform-links-value.util.ts`).
enum LinkURL {
    static func normalise(_ url: String) -> String {
        let trimmed = url.trimmedWhitespace
        guard !trimmed.isEmpty else { return "" }
        let afterScheme = trimmed.range(of: "://").map { $0.upperBound } ?? trimmed.startIndex
        let originEnd =
            trimmed[afterScheme...].firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? trimmed.endIndex
        var result = trimmed[..<originEnd].lowercased() + trimmed[originEnd...]
        while result.hasSuffix("/") { result.removeLast() }
        return result
    }
}

extension String {
    var trimmedWhitespace: String {
        var view = Substring(self)
        while let first = view.first, first.isWhitespace { view.removeFirst() }
        while let last = view.last, last.isWhitespace { view.removeLast() }
        return String(view)
    }
}
