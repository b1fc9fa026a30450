import FieldMap

/// Source owners to Twenty workspace member ids: a source user's email goes through the map's owner table
/// (`owners.members`: source email -> member email) or, when the table does not list it, is taken as the member's
/// email itself; the member email gives the id from the workspace's members (`GET /rest/workspaceMembers`,
/// matched on `userEmail`). An owner with no member falls back to `owners.fallback`, or to no owner when the map
/// has none (Twenty's owner fields are optional). A member email the map names that the workspace does not have
/// is an error in the map, reported on the record.
public struct MemberDirectory: Sendable {
    private let idByEmail: [String: String]
    private let memberEmailBySource: [String: String]
    private let fallback: String?

    /// `members`: workspace member email -> member id.
    public init(members: [String: String], owners: OwnerMap) {
        idByEmail = Dictionary(
            members.map { (Text.asciiLowercased(Text.trimmed($0.key)), $0.value) },
            uniquingKeysWith: { first, _ in first })
        memberEmailBySource = Dictionary(
            owners.members.map {
                (Text.asciiLowercased(Text.trimmed($0.source)), Text.asciiLowercased(Text.trimmed($0.target)))
            },
            uniquingKeysWith: { first, _ in first })
        fallback = owners.fallback.map { Text.asciiLowercased(Text.trimmed($0)) }
    }

    public var isEmpty: Bool { idByEmail.isEmpty }

    /// Member emails the map's owner table (or its fallback) names that the workspace does not have, sorted.
    /// Checked before transforming: one wrong line of the map would otherwise reject every record it owns.
    public var membersMissingFromWorkspace: [String] {
        var missing = Set(memberEmailBySource.values.filter { idByEmail[$0] == nil })
        if let fallback, idByEmail[fallback] == nil { missing.insert(fallback) }
        return missing.sorted()
    }

    /// Where a source owner goes when the workspace's members are not at hand (a review): the member email the owner
    /// table names, or the owner's own email, and the fallback for when the workspace has no such member.
    public func memberEmail(forOwner raw: String) -> (email: String, fallback: String?) {
        let email = Text.asciiLowercased(Text.trimmed(raw))
        if let mapped = memberEmailBySource[email] { return (mapped, nil) }
        return (email, fallback)
    }

    /// The member id for a source owner's email; `.success(nil)` when the record is left without an owner.
    public func memberId(forOwner raw: String) -> Result<String?, ValueRejection> {
        let email = Text.asciiLowercased(Text.trimmed(raw))
        if let mapped = memberEmailBySource[email] {
            if let id = idByEmail[mapped] { return .success(id) }
            return .failure(
                ValueRejection(
                    .unknownMember, "the map sends owner \(email) to \(mapped), who is not a member of the workspace"))
        }
        if let id = idByEmail[email] { return .success(id) }
        guard let fallback else { return .success(nil) }
        if let id = idByEmail[fallback] { return .success(id) }
        return .failure(
            ValueRejection(
                .unknownMember,
                "owner \(email) has no member, and the fallback \(fallback) is not a member of the workspace"))
    }
}
