import Testing

@testable import ExportAudit

/// `KeyTally` must answer exactly as the `Set<String>` and `[String: Int]` / `[String: String]` the audit held
/// before: the audit's findings depend on every answer.
@Suite("Key tally")
struct KeyTallyTests {
    /// Keys from a small alphabet so many repeat, of lengths on both sides of Swift's 15-byte inline strings and
    /// of one LEB128 length byte, with non-ASCII and empty keys among them.
    static func keys(seed: UInt64, count: Int) -> [String] {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let alphabet = Array("ab@.é0ß")
        return (0..<count).map { _ in
            let length = [0, 1, 3, 15, 16, 40, 130][Int(next() % 7)]
            return String((0..<length).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] })
        }
    }

    @Test("counts every key as a dictionary of counts does, through many growths", arguments: [1, 2, 3] as [UInt64])
    func countsAsADictionary(seed: UInt64) {
        var tally = KeyTally()
        var counts: [String: Int] = [:]
        let keys = Self.keys(seed: seed, count: 20_000)
        for key in keys {
            counts[key, default: 0] += 1
            #expect(tally.add(key) == counts[key])
        }
        #expect(tally.count == counts.count)
        for key in Set(keys) { #expect(tally.count(of: key) == counts[key]) }
        for absent in Self.keys(seed: seed + 100, count: 2_000) where counts[absent] == nil {
            #expect(tally.count(of: absent) == 0)
            #expect(!tally.contains(absent))
        }
    }

    @Test("answers membership as a Set answers insert and contains")
    func answersAsASet() {
        var tally = KeyTally()
        var set = Set<String>()
        for key in Self.keys(seed: 7, count: 10_000) {
            #expect((tally.add(key) == 1) == set.insert(key).inserted)
        }
        for key in Self.keys(seed: 8, count: 5_000) { #expect(tally.contains(key) == set.contains(key)) }
    }

    @Test("keeps the last name given for each key, as a dictionary assignment does")
    func keepsTheLastName() {
        var tally = KeyTally()
        var names: [String: String] = [:]
        let keys = Self.keys(seed: 11, count: 10_000)
        let values = Self.keys(seed: 12, count: 10_000)
        for (key, name) in zip(keys, values) {
            tally.add(key, name: name)
            names[key] = name
        }
        for key in Set(keys) { #expect(tally.name(of: key) == names[key]) }
        #expect(tally.name(of: "not a key at all, longer than inline") == nil)
    }

    @Test("a key added without a name has none, and a later name does not change its count")
    func nameAndCountAreSeparate() {
        var tally = KeyTally()
        tally.add("someone@example.com")
        #expect(tally.name(of: "someone@example.com") == nil)
        #expect(tally.add("someone@example.com", name: "C000001") == 2)
        #expect(tally.name(of: "someone@example.com") == "C000001")
        #expect(tally.add("someone@example.com", name: "C000002") == 3)
        #expect(tally.name(of: "someone@example.com") == "C000002")
        #expect(tally.count(of: "someone@example.com") == 3)
    }

    @Test("keys that differ only in Unicode normalisation are one key, as in a Swift Set")
    func unicodeEquivalence() {
        var tally = KeyTally()
        var set = Set<String>()
        for key in ["caf\u{E9}", "cafe\u{301}"] {
            #expect((tally.add(key) == 1) == set.insert(key).inserted)
        }
        #expect(tally.count == set.count)
    }
}
