import FieldMap
import Foundation

/// What every record's transform needs besides the record: the map's defaults and policies, the ids, the members.
public struct TransformContext: Sendable {
    public let identity: RecordIdentity
    public let defaults: MapDefaults
    public let policies: MapPolicies
    public let members: MemberDirectory
    public let timestamps: Timestamps
    /// The workspace targeted, whose data-model generation gives the standard objects' descriptions.
    public let twenty: TwentyTarget
    /// The records that references by name, email or domain resolve to (filled before the objects that use them).
    public var resolver = ReferenceResolver()

    /// The workspace read at the start of the run; nil without a connection (a review, tests), when the built-in
    /// catalogue and the map's declared types describe the targets.
    public let workspace: TransformWorkspace?

    /// Without a workspace: targets as the built-in catalogue and the map describe them, owners from `members`
    /// (member email -> member id).
    public init(projectId: String, map: FieldMap, members: [String: String] = [:]) throws {
        try self.init(projectId: projectId, map: map, members: members, workspace: nil)
    }

    /// For the workspace the records will be written to: its real field types and its members. Throws
    /// `WorkspaceFitError` listing every target the workspace lacks or cannot take, before any record is read.
    public init(projectId: String, map: FieldMap, workspace: TransformWorkspace) throws {
        let problems = WorkspaceFit.problems(of: map, in: workspace)
        guard problems.isEmpty else { throw WorkspaceFitError(url: workspace.url, problems: problems) }
        try self.init(projectId: projectId, map: map, members: workspace.members, workspace: workspace)
    }

    private init(projectId: String, map: FieldMap, members: [String: String], workspace: TransformWorkspace?) throws {
        guard let zone = TimeZone(identifier: map.defaults.timeZone) else {
            throw TransformSetupError.unknownTimeZone(map.defaults.timeZone)
        }
        guard NumberingPlan.plan(forCountry: map.defaults.country) != nil else {
            throw TransformSetupError.unknownCountry(map.defaults.country)
        }
        guard CurrencyCodes.active.contains(map.defaults.currency.uppercased()) else {
            throw TransformSetupError.unknownCurrency(map.defaults.currency)
        }
        identity = RecordIdentity(projectId: projectId)
        defaults = map.defaults
        policies = map.policies
        self.members = MemberDirectory(members: members, owners: map.owners)
        timestamps = Timestamps(timeZone: zone)
        twenty = map.twenty
        self.workspace = workspace
    }
}

/// A map that cannot be applied at all, before any record is read.
public enum TransformSetupError: Error, CustomStringConvertible, Equatable {
    case unknownTimeZone(String)
    case unknownCountry(String)
    case unknownCurrency(String)

    public var description: String {
        switch self {
        case .unknownTimeZone(let zone):
            "the map's defaults.timeZone \"\(zone)\" is not an IANA time zone (e.g. America/New_York)"
        case .unknownCountry(let country):
            "the map's defaults.country \"\(country)\" is not a country whose phone numbers the tool knows"
        case .unknownCurrency(let code): "the map's defaults.currency \"\(code)\" is not an active ISO 4217 code"
        }
    }
}
