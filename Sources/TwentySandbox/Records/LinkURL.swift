/// Link URLs as Twenty writes them: the origin (scheme and host) lower-cased, no trailing slash
/// (TWENTY_API.md sections 1 and 9; `lowercaseUrlOriginAndRemoveTrailingSlash` in twenty-shared, applied by
/// `S/engine/core-modules/record-transformer/utils/transform-links-value.util.ts`).
enum LinkURL {
    static func normalise(_ url: String) -> String {
        // Nearly every URL is ASCII; the byte path gives the same result without Foundation's string search and
        // grapheme walking, which were the largest single cost of writing a company (two links each).
        if let ascii = normaliseASCII(url) { return ascii }
        let trimmed = url.trimmedWhitespace
        guard !trimmed.isEmpty else { return "" }
        let afterScheme = trimmed.range(of: "://").map { $0.upperBound } ?? trimmed.startIndex
        let originEnd =
            trimmed[afterScheme...].firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? trimmed.endIndex
        var result = trimmed[..<originEnd].lowercased() + trimmed[originEnd...]
        while result.hasSuffix("/") { result.removeLast() }
        return result
    }

    /// `normalise` for an all-ASCII URL in native storage, or nil for anything else.
    private static func normaliseASCII(_ url: String) -> String? {
        let result = url.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var start = 0
            var end = bytes.count
            while start < end, ASCII.isWhitespace(bytes[start]) { start += 1 }
            while end > start, ASCII.isWhitespace(bytes[end - 1]) { end -= 1 }
            var afterScheme = start
            var index = start
            while index + 3 <= end {
                if bytes[index] == UInt8(ascii: ":"), bytes[index + 1] == UInt8(ascii: "/"),
                    bytes[index + 2] == UInt8(ascii: "/")
                {
                    afterScheme = index + 3
                    break
                }
                index += 1
            }
            var originEnd = afterScheme
            while originEnd < end,
                ![UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#")].contains(bytes[originEnd])
            {
                originEnd += 1
            }
            while end > start, bytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
            return String(unsafeUninitializedCapacity: end - start) { out in
                for offset in 0..<(end - start) {
                    let byte = bytes[start + offset]
                    out[offset] = start + offset < originEnd ? ASCII.lowercased(byte) : byte
                }
                return end - start
            }
        }
        return result ?? nil
    }
}

/// Byte-level helpers matching `Character.isWhitespace` and `lowercased()` on ASCII text.
enum ASCII {
    /// U+0009...U+000D and U+0020: the ASCII members of Unicode's White_Space property.
    static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

    static func lowercased(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }
}

extension String {
    var trimmedWhitespace: String {
        var view = Substring(self)
        while let first = view.first, first.isWhitespace { view.removeFirst() }
        while let last = view.last, last.isWhitespace { view.removeLast() }
        return String(view)
    }
}
