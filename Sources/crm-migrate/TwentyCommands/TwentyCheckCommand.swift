import ArgumentParser
import TwentyClient
import TwentyModel

struct TwentyCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Connect to a workspace and print what a migration would find there.",
        discussion: """
            Reads the workspace's metadata, its members and its OpenAPI document, and prints the batch maximum, the \
            objects with their custom fields, the members, and the names that differ between Twenty versions (task \
            and note targets, the attachment's file field, the rich-text type). Writes nothing. The API key comes \
            from --api-key-file or TWENTY_API_KEY, never from a flag value.
            """)

    @OptionGroup var access: TwentyOptions

    func run() async throws {
        let connection = try access.connection()
        let (workspace, pace) = try await TwentyAccess.withClient(connection, limits: access.limits) { client in
            (try await client.describeWorkspace(), await client.pacer.learned)
        }
        for line in WorkspaceReport.lines(workspace) { print(line) }
        // What the writing commands will start from with the same options (after this check's own requests).
        print(
            "client pace: \(pace.longLimit) requests per \(Int(pace.longWindow)) s and \(pace.shortLimit) per"
                + " \(Int(pace.shortWindow)) s (--rate-limit sets the first; a 429 lowers them)")
    }
}
