import FieldMap

/// The order objects are transformed in, parents before children, as they will be written (DESIGN.md):
/// companies, contacts, deals, custom objects, junctions, then tasks, notes, activities and attachments, which
/// may point at any of them.
public enum DependencyOrder {
    static let ranks: [String: Int] = [
        "companies": 0, "contacts": 1, "deals": 2, "tasks": 5, "notes": 6, "activities": 7, "attachments": 8,
    ]

    public static func sorted(_ objects: [ObjectMap]) -> [ObjectMap] {
        objects.enumerated().sorted { a, b in
            let (ra, rb) = (rank(a.element), rank(b.element))
            return ra != rb ? ra < rb : a.offset < b.offset
        }.map(\.element)
    }

    static func rank(_ map: ObjectMap) -> Int {
        if let rank = ranks[map.source] { return rank }
        if case .junction = map.disposition { return 4 }
        return 3
    }
}
