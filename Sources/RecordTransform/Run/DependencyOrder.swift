import FieldMap

/// The order objects are transformed in, parents before children, as they will be written: derived from the map's
/// own references (a contact's `Company ID` puts companies first, a junction comes after both its ends), not from
/// file names, so an export whose files are named otherwise is ordered the same way. Objects with a parent of a
/// type named per record (`Related Type`) may point at anything, so they come after every other object. Among
/// objects free to go, Twenty's usual order decides (companies, people, opportunities, custom objects, junctions,
/// tasks, notes, attachments), then the map's order; a cycle of references (rare: two objects pointing at each
/// other) is broken the same way, and the links that point forward are checked as missing parents would be.
public enum DependencyOrder {
    static let targetRanks: [String: Int] = [
        "company": 0, "person": 1, "opportunity": 2, "task": 5, "note": 6, "attachment": 8,
    ]

    public static func sorted(_ objects: [ObjectMap]) -> [ObjectMap] {
        let sources = Set(objects.map(\.source))
        var parents: [String: Set<String>] = [:]
        for object in objects {
            var set = Set<String>()
            for field in object.fields where field.transform == .reference {
                if let referenced = field.references, sources.contains(referenced), referenced != object.source {
                    set.insert(referenced)
                }
            }
            if case .junction(let junction) = object.disposition {
                for end in [junction.first, junction.second] where sources.contains(end.sourceObject) {
                    set.insert(end.sourceObject)
                }
            }
            parents[object.source] = set
        }
        // A parent whose `references` names a column, not an object, is of a type named per record.
        let polymorphic = Set(
            objects.filter { object in
                object.fields.contains { $0.isPolymorphicParent && !sources.contains($0.references ?? "") }
            }.map(\.source))
        func rank(_ map: ObjectMap) -> Int { Self.rank(map) + (polymorphic.contains(map.source) ? 10 : 0) }
        var remaining = Array(objects.enumerated())
        var done = Set<String>()
        var result: [ObjectMap] = []
        while !remaining.isEmpty {
            let ready = remaining.filter { parents[$0.element.source, default: []].isSubset(of: done) }
            // A cycle leaves nothing ready: the first object by rank goes, its forward links checked as missing.
            let pool = ready.isEmpty ? remaining : ready
            let next = pool.min { a, b in
                let (ra, rb) = (rank(a.element), rank(b.element))
                return ra != rb ? ra < rb : a.offset < b.offset
            }!
            result.append(next.element)
            done.insert(next.element.source)
            remaining.removeAll { $0.offset == next.offset }
        }
        return result
    }

    /// Twenty's usual order of the object a map writes.
    static func rank(_ map: ObjectMap) -> Int {
        if case .junction = map.disposition { return 4 }
        return targetRanks[map.target] ?? 3
    }
}
