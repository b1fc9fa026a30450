import ArgumentParser
import TwentyClient

/// `--twenty URL`, `--api-key-file FILE`, `--allow-insecure`: how a command reaches a workspace.
struct WorkspaceOptions: ParsableArguments {
    @Option(help: "The workspace URL (default: the TWENTY_URL environment variable).")
    var twenty: String?
    @Option(
        help: "A file holding the workspace API key (default: the TWENTY_API_KEY environment variable).",
        completion: .file())
    var apiKeyFile: String?
    @Flag(help: "Allow plain http:// to a workspace that is not on this machine (the key then travels unencrypted).")
    var allowInsecure = false

    func connection() throws -> TwentyConnection {
        try TwentyAccess.connection(url: twenty, apiKeyFile: apiKeyFile, allowInsecure: allowInsecure)
    }
}
