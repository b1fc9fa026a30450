import Testing

@testable import ExportUnderstanding

@Suite("Hash slots")
struct HashSlotsTests {
    @Test("hash slots hold what a Set of the same hashes holds, zero and near-equal hashes included")
    func sameAsSet() {
        var slots = HashSlots()
        var set = Set<UInt64>()
        // Hashes that differ in low bits only, in high bits only, zero, and repeats of each.
        var hashes: [UInt64] = [0, 0, 1, UInt64.max, 1 << 63]
        for index in 0..<20_000 as Range<UInt64> {
            hashes.append(index)
            hashes.append(index << 40)
            hashes.append(ValueSet.hash("value \(index % 7_000)"))
        }
        for hash in hashes {
            let inserted = slots.insert(hash)
            #expect(inserted == set.insert(hash).inserted)
        }
        #expect(slots.count == set.count)
        for probe in hashes.prefix(500) + [2, 3, 12_345 << 41, ValueSet.hash("absent")] {
            #expect(slots.contains(probe) == set.contains(probe))
        }
    }

    @Test("a value set counts distinct and repeated values and says which insert was the first")
    func valueSet() {
        var set = ValueSet()
        let first = set.insert("a")
        let other = set.insert("b")
        let again = set.insert("a")
        #expect(first && other && !again)
        #expect(set.distinct == 2)
        #expect(set.isRepeated("a") && !set.isRepeated("b"))
        #expect(set.contains("b") && !set.contains("c"))
        #expect(abs(set.duplicateShare - 1.0 / 3.0) < 1e-9)
    }
}
