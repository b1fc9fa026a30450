/// Source ids as the snapshot records them: a second record with an id already read from its file becomes
/// `id#2` (a third `id#3`), so each keeps its own identity.
enum SourceIds {
    /// The id a repeated record repeats (`CO00012` for `CO00012#2`), nil for a first occurrence.
    static func repeatedOf(_ sourceId: String) -> String? {
        // Most ids have no `#`: the byte test spares them the search by Character.
        guard sourceId.utf8.contains(UInt8(ascii: "#")), let hash = sourceId.lastIndex(of: "#") else { return nil }
        let suffix = sourceId[sourceId.index(after: hash)...]
        guard !suffix.isEmpty, suffix.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return String(sourceId[..<hash])
    }
}
