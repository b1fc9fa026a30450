/// Where an export's standard files are, when they may sit at any depth (`export-2026/crm/companies.csv`): for each
/// standard name, the file nearest the root (then first in path order), and a finding for every other file that
/// claims the same name.
struct StandardPlacement {
    /// Standard name -> the path chosen for it.
    private(set) var chosen: [String: String] = [:]
    /// Every path carrying a standard name, chosen or not: none of them is read as a file of its own object.
    private(set) var claimed = Set<String>()
    private(set) var findings: [ReadFinding] = []
    /// The folder holding the standard files (the first chosen one's), with a trailing `/`; "" at the root.
    private(set) var base = ""
    private let files: [String]

    init(_ files: [String], standard: [String]) {
        self.files = files
        for name in standard {
            let candidates = paths(named: name)
            guard let first = candidates.first else { continue }
            chosen[name] = first
            claimed.formUnion(candidates)
            for other in candidates.dropFirst() {
                findings.append(
                    ReadFinding(
                        kind: .duplicateFile, file: other, line: 1,
                        detail: "another \(name) than \(first), which is read; this one is not"))
            }
        }
        if let nearest = chosen.values.min(by: StandardPlacement.nearer) {
            base = nearest.contains("/") ? String(nearest[...nearest.lastIndex(of: "/")!]) : ""
        }
    }

    /// The file called `name` nearest the root, if any.
    func nearest(_ name: String) -> String? { paths(named: name).first }

    /// Files called `name` (in any case), outside `custom_objects/` and `relationships/`, nearest the root first.
    private func paths(named name: String) -> [String] {
        files.filter { path in
            let components = path.lowercased().split(separator: "/")
            return components.last == Substring(name)
                && !components.dropLast().contains { $0 == "custom_objects" || $0 == "relationships" || $0 == "files" }
        }.sorted(by: StandardPlacement.nearer)
    }

    private static func nearer(_ a: String, _ b: String) -> Bool {
        let (depthA, depthB) = (a.split(separator: "/").count, b.split(separator: "/").count)
        return depthA != depthB ? depthA < depthB : a < b
    }
}
