import AllegoryExport
import ExportUnderstanding

/// Allegory users (users.csv, and emails seen in owner columns) to Twenty workspace members, by email.
enum OwnerProposer {
    struct Result {
        var owners: OwnerMap
        var notes: [String]
    }

    /// - Parameters:
    ///   - users: users.csv, if the export has it.
    ///   - ownerValues: emails sampled from the columns mapped with `.owner`, in file order.
    ///   - members: the workspace's member emails; nil when no workspace was read.
    ///   - exportedBy: who exported (manifest.json): a natural fallback, since they administer the data.
    static func propose(users: SourceSample?, ownerValues: [String], members: [String]?, exportedBy: String?) -> Result
    {
        var sources: [(email: String, active: Bool)] = []
        var seen = Set<String>()
        if let users, let email = users.column(named: "Email") {
            let active = users.column(named: "Active")
            for row in users.rows where email < row.count {
                let address = row[email].trimmingWhitespace
                guard !address.isEmpty, seen.insert(address.lowercased()).inserted else { continue }
                let flag = active.map { $0 < row.count ? row[$0].trimmingWhitespace.lowercased() : "" } ?? ""
                sources.append((address, !["false", "no", "0", "n", "inactive"].contains(flag)))
            }
        }
        // An owner address that users.csv does not list is not an Allegory user (a former account, a typo): with no
        // workspace to check it against, it goes to the fallback rather than to a member that may never exist.
        let knowsUsers = !sources.isEmpty
        var unlisted: [String] = []
        for value in ownerValues {
            let address = value.trimmingWhitespace
            guard ValueShapes.isEmail(address), seen.insert(address.lowercased()).inserted else { continue }
            sources.append((address, !knowsUsers))
            if knowsUsers { unlisted.append(address) }
        }
        var notes: [String] = []
        var mappings: [ValueMapping] = []
        let fallback: String?
        if let members {
            let byLower = Dictionary(members.map { ($0.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
            var unmatched: [String] = []
            for source in sources {
                if let member = byLower[source.email.lowercased()] {
                    mappings.append(ValueMapping(source: source.email, target: member))
                } else {
                    unmatched.append(source.email)
                }
            }
            fallback = exportedBy.flatMap { byLower[$0.lowercased()] } ?? members.first
            if !unmatched.isEmpty {
                notes.append(
                    "no workspace member for \(unmatched.joined(separator: ", ")): their records go to the fallback")
            }
        } else {
            // Without a workspace, assume people are invited with the address they used in Allegory.
            for source in sources where source.active {
                mappings.append(ValueMapping(source: source.email, target: source.email))
            }
            let unlistedSet = Set(unlisted)
            let inactive = sources.filter { !$0.active && !unlistedSet.contains($0.email) }.map(\.email)
            if !unlisted.isEmpty {
                notes.append("not in users.csv, so left to the fallback: \(unlisted.joined(separator: ", "))")
            }
            if !inactive.isEmpty {
                notes.append("inactive in Allegory, so left to the fallback: \(inactive.joined(separator: ", "))")
            }
            let active = sources.filter(\.active).map(\.email)
            fallback =
                exportedBy.flatMap { who in active.first { $0.lowercased() == who.lowercased() } } ?? active.first
        }
        // Owners named by their full name (HubSpot, Pipedrive, Dynamics write names): the user of that name's member.
        if let users, let email = users.column(named: "Email"), let name = users.column(named: "Name") {
            var emailByName: [String: String] = [:]
            for row in users.rows where email < row.count && name < row.count {
                emailByName[ValueFolding.folded(row[name])] = row[email].trimmingWhitespace.lowercased()
            }
            var named = Set<String>()
            for value in ownerValues {
                let owner = value.trimmingWhitespace
                guard !owner.isEmpty, !ValueShapes.isEmail(owner), named.insert(owner).inserted,
                    let address = emailByName[ValueFolding.folded(owner)],
                    let member = mappings.first(where: { $0.source.lowercased() == address })?.target
                else { continue }
                mappings.append(ValueMapping(source: owner, target: member))
            }
        }
        if let fallback { notes.append("fallback owner: \(fallback)") }
        return Result(owners: OwnerMap(members: mappings, fallback: fallback), notes: notes)
    }
}
