/// Chains of links from records to records of the same object (a company's parent company) that come back to
/// where they started. Twenty would store them, but a hierarchy with a loop has no top: every member of a cycle is
/// reported with the cycle's ids in order, a company that is its own parent as a cycle of one.
public enum ParentCycles {
    /// `parent`: source id -> the source id it links to. Returns each cycle member -> the cycle, starting at the
    /// smallest id so every member reports the same list.
    public static func find(_ parent: [String: String]) -> [String: [String]] {
        var state: [String: Int] = [:]  // 1 = on the current path, 2 = done
        var members: [String: [String]] = [:]
        for start in parent.keys.sorted() where state[start] == nil {
            var path: [String] = []
            var position: [String: Int] = [:]
            var node: String? = start
            while let current = node, state[current] == nil {
                state[current] = 1
                position[current] = path.count
                path.append(current)
                node = parent[current]
            }
            if let current = node, state[current] == 1, let index = position[current] {
                var cycle = Array(path[index...])
                let smallest = cycle.indices.min { cycle[$0] < cycle[$1] }!
                cycle = Array(cycle[smallest...] + cycle[..<smallest])
                for member in cycle { members[member] = cycle }
            }
            for visited in path { state[visited] = 2 }
        }
        return members
    }
}
