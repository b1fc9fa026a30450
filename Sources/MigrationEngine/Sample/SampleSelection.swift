import CanonicalJSON
import Ledger

/// Which pending records of one object make a representative sample: first those that bring a field, a subfield or
/// a kind of link no record chosen so far has (so every mapped column with a value and every kind of relation is
/// seen at least once where the export has it), the richest first; then the richest of the rest, up to the limit.
///
/// Records are seen one at a time and only their features are kept, as bits, so choosing among a large object's
/// pending records costs a few bytes per record, not the records themselves; a second pass fetches the chosen.
struct SampleSelection {
    let limit: Int
    /// Each feature's bit.
    private var bits: [String: Int] = [:]
    /// Per record seen, in order, the bits of its features.
    private var masks: [[UInt64]] = []

    init(limit: Int) { self.limit = limit }

    mutating func add(_ record: PendingWrite) {
        var mask: [UInt64] = []
        for feature in Self.features(record) {
            let bit = bits[feature] ?? bits.count
            bits[feature] = bit
            while mask.count <= bit / 64 { mask.append(0) }
            mask[bit / 64] |= 1 << UInt64(bit % 64)
        }
        masks.append(mask)
    }

    /// The positions (in the order records were added) of the chosen records, ascending.
    func chosen() -> [Int] {
        guard masks.count > limit else { return Array(masks.indices) }
        let counts = masks.map { $0.reduce(0) { $0 + $1.nonzeroBitCount } }
        // Richest first; ties keep the export's order, so the same ledger gives the same sample.
        let order = masks.indices.sorted { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : $0 < $1 }
        var covered: [UInt64] = []
        var chosen: [Int] = []
        var taken = Set<Int>()
        for index in order where chosen.count < limit && Self.brings(masks[index], beyond: covered) {
            for (word, bits) in masks[index].enumerated() {
                while covered.count <= word { covered.append(0) }
                covered[word] |= bits
            }
            chosen.append(index)
            taken.insert(index)
        }
        for index in order where chosen.count < limit && !taken.contains(index) {
            chosen.append(index)
        }
        return chosen.sorted()
    }

    private static func brings(_ mask: [UInt64], beyond covered: [UInt64]) -> Bool {
        mask.enumerated().contains { word, bits in bits & ~(word < covered.count ? covered[word] : 0) != 0 }
    }

    /// The chosen records among `pending` (all held in memory: for tests and small objects).
    static func choose(_ pending: [PendingWrite], limit: Int) -> [PendingWrite] {
        var selection = SampleSelection(limit: limit)
        for record in pending { selection.add(record) }
        return selection.chosen().map { pending[$0] }
    }

    /// The fields and subfields a record gives a value, and the objects it links to per record.
    static func features(_ record: PendingWrite) -> Set<String> {
        var result = Set<String>()
        for (key, value) in record.values.objectValue ?? [:] where key != "id" {
            if let members = value.objectValue {
                for (sub, subvalue) in members where !SampleValue.isEmpty(subvalue) { result.insert("\(key).\(sub)") }
            } else if !SampleValue.isEmpty(value) {
                result.insert(key)
            }
        }
        for target in record.targets { result.insert("->\(target.object)") }
        return result
    }
}
