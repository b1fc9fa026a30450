import CanonicalJSON
import Ledger

/// Which pending records of one object make a representative sample: first those that bring a field, a subfield or
/// a kind of link no record chosen so far has (so every mapped column with a value and every kind of relation is
/// seen at least once where the export has it), the richest first; then the richest of the rest, up to the limit.
enum SampleSelection {
    static func choose(_ pending: [PendingWrite], limit: Int) -> [PendingWrite] {
        guard pending.count > limit else { return pending }
        let features = pending.map(Self.features)
        // Richest first; ties keep the export's order, so the same ledger gives the same sample.
        let order = pending.indices.sorted {
            features[$0].count != features[$1].count
                ? features[$0].count > features[$1].count : $0 < $1
        }
        var covered = Set<String>()
        var chosen: [Int] = []
        var taken = Set<Int>()
        for index in order where chosen.count < limit && !features[index].isSubset(of: covered) {
            covered.formUnion(features[index])
            chosen.append(index)
            taken.insert(index)
        }
        for index in order where chosen.count < limit && !taken.contains(index) {
            chosen.append(index)
        }
        return chosen.sorted().map { pending[$0] }
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
