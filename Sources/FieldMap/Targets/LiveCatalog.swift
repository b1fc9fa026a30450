import TwentyClient
import TwentyModel

extension TargetCatalog {
    /// The catalogue of a live workspace, from what discovery found: its objects, its naming generation, its members.
    public init(workspace: WorkspaceDescription) {
        self.init(
            objects: workspace.objects, version: workspace.version, url: workspace.url,
            memberEmails: workspace.members.compactMap(\.userEmail))
    }

    /// Reads a live workspace through `client`, so the map names the fields this workspace really has.
    public static func live(_ client: TwentyClient) async throws -> TargetCatalog {
        TargetCatalog(workspace: try await client.describeWorkspace())
    }
}
