import TwentyModel

/// What discovery found in a live workspace: its data model, its members, its batch maximum and the names that differ
/// between Twenty versions. Read at the start of a command, never assumed.
public struct WorkspaceDescription: Sendable, Equatable {
    public var url: String
    public var objects: [ObjectDescription]
    /// Per object, the fields the workspace marks `isCustom` (added by people or an earlier migration).
    public var customFields: [String: [String]]
    public var members: [WorkspaceMember]
    /// `QUERY_MAX_RECORDS`: the largest batch (and page) the workspace takes.
    public var batchMaximum: Int
    /// False when the OpenAPI document stated no maximum and the docs' 60 is assumed.
    public var batchMaximumStated: Bool
    public var naming: VersionNaming
    /// A value only this workspace has: the metadata id of its `person` object, created with the workspace (nil when
    /// the metadata stated no ids). With the key's workspace claim, what a project is bound by.
    public var fingerprint: String?

    public init(
        url: String, objects: [ObjectDescription], customFields: [String: [String]] = [:], members: [WorkspaceMember],
        batchMaximum: Int,
        batchMaximumStated: Bool, naming: VersionNaming, fingerprint: String? = nil
    ) {
        self.fingerprint = fingerprint
        self.url = url
        self.objects = objects
        self.customFields = customFields
        self.members = members
        self.batchMaximum = batchMaximum
        self.batchMaximumStated = batchMaximumStated
        self.naming = naming
    }

    public func object(_ nameSingular: String) -> ObjectDescription? {
        objects.first { $0.nameSingular == nameSingular }
    }

    /// The generation of the data model the names point to.
    public var version: TwentyVersion { naming.targetJoin == .plain ? .v1 : .v2 }
}

public struct WorkspaceMember: Sendable, Equatable {
    public var id: String
    public var userEmail: String?

    public init(id: String, userEmail: String?) {
        self.id = id
        self.userEmail = userEmail
    }
}
