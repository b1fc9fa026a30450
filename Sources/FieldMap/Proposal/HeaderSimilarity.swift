import AllegoryExport

/// How alike two column names are, as a person would judge: the same once case and punctuation are gone (1), the
/// same words in another order, or a spelling variant (`Organisation` / `Organization`).
enum HeaderSimilarity {
    static func score(_ a: String, _ b: String) -> Double {
        let left = HeaderName.normalize(a)
        let right = HeaderName.normalize(b)
        guard !left.isEmpty, !right.isEmpty else { return 0 }
        if left == right { return 1 }
        // `Address Line 1` and `Address Line 2` are spelled alike and are different columns: numbers must agree.
        if left.filter(\.isNumber) != right.filter(\.isNumber) { return 0 }
        let words = { (name: String) in Set(HeaderWords.split(name).map(HeaderWords.stem)) }
        let (x, y) = (words(a), words(b))
        let jaccard = x.isEmpty || y.isEmpty ? 0 : Double(x.intersection(y).count) / Double(x.union(y).count)
        let edit =
            1 - Double(editDistance(Array(left.utf8), Array(right.utf8)))
            / Double(max(left.utf8.count, right.utf8.count))
        // Short names differ by a letter and mean different things (`City`/`Cite`): an edit counts only when long.
        let spelling = max(left.utf8.count, right.utf8.count) >= 6 ? edit : 0
        return 0.9 * max(jaccard, spelling)
    }

    /// Levenshtein distance over bytes, two rows at a time.
    static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The closest of `candidates` to `name`, for "did you mean" hints; nil when nothing is close.
    static func closest(to name: String, in candidates: [String]) -> String? {
        let lower = name.lowercased()
        let ranked = candidates.map { candidate in
            (candidate, editDistance(Array(lower.utf8), Array(candidate.lowercased().utf8)))
        }.min { $0.1 < $1.1 }
        guard let (best, distance) = ranked, distance <= max(2, name.utf8.count / 3) else { return nil }
        return best
    }
}
