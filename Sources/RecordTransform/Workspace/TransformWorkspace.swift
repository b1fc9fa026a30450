import TwentyClient
import TwentyModel

/// The workspace a transform writes for, as discovery read it once at the start: its objects with their real field
/// types (which win over the built-in catalogue's and the map's assumptions), and its members by email, which owners
/// resolve to.
public struct TransformWorkspace: Sendable {
    /// The workspace URL, for messages.
    public let url: String
    public let objects: [String: ObjectDescription]
    /// Member email (as the workspace holds it) -> workspace member id.
    public let members: [String: String]
    /// The workspace's own identity (see `WorkspaceDescription.fingerprint`), to check the project's binding.
    public let fingerprint: String?

    public init(url: String, objects: [ObjectDescription], members: [String: String], fingerprint: String? = nil) {
        self.url = url
        self.fingerprint = fingerprint
        self.objects = Dictionary(objects.map { ($0.nameSingular, $0) }, uniquingKeysWith: { first, _ in first })
        self.members = members
    }

    /// A member without an email cannot be named by the map's owner table, so it is left out.
    public init(_ description: WorkspaceDescription) {
        var members: [String: String] = [:]
        for member in description.members {
            guard let email = member.userEmail else { continue }
            members[email] = members[email] ?? member.id
        }
        self.init(
            url: description.url, objects: description.objects, members: members, fingerprint: description.fingerprint)
    }

    /// Reads the workspace through `client`: one discovery, which the whole run then works from.
    public static func read(_ client: TwentyClient) async throws -> TransformWorkspace {
        TransformWorkspace(try await client.describeWorkspace())
    }

    public func object(_ nameSingular: String) -> ObjectDescription? { objects[nameSingular] }
}
