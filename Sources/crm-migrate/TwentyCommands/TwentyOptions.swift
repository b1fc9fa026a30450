import ArgumentParser
import TwentyClient

/// `--twenty`, `--api-key-file` and `--allow-insecure`: how a command that needs a workspace reaches it, the same for
/// `twenty check`, `prepare` and `transform` (TwentyAccess reads them, with TWENTY_URL and TWENTY_API_KEY as the defaults).
struct TwentyOptions: ParsableArguments {
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
