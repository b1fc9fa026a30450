import Testing

@testable import CanonicalJSON

@Suite("Key order")
struct KeyOrderTests {
    /// Keys that share first bytes, differ only in length, are empty, or are not ASCII: the cases where the
    /// first-byte shortcut must fall through to the full comparison or get the order of a prefix right.
    static let alphabet: [String] = ["", "a", "b", "A", "_", "é", "ä", "\u{1F600}", "\u{7F}", "\u{0}", "Z", "~"]

    @Test("two keys are ordered as their UTF-8 byte sequences are, for keys sharing any prefix")
    func utf8PrecedesIsByteOrder() {
        var generator = SplitMix64(seed: 15)
        for _ in 0..<5_000 {
            let a = Self.key(&generator)
            let b = Self.key(&generator)
            #expect(
                CanonicalJSON.utf8Precedes(a, b) == Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8)),
                "\(Array(a.utf8)) vs \(Array(b.utf8))")
        }
    }

    private static func key(_ generator: inout SplitMix64) -> String {
        let length = Int(generator.next() % 4)
        return (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
    }
}
