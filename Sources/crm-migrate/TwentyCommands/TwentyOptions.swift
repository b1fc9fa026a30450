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
    @Option(
        help: ArgumentHelp(
            "Requests per minute the workspace allows.",
            discussion: "Twenty's default is 100; a self-hosted server may allow more (API_RATE_LIMITING_LONG_LIMIT)."
                + " The client paces to this from the first request, and slows down on a 429 if the server allows less."
        ))
    var rateLimit = 100

    /// The pace the client starts from: the stated per-minute limit, and Twenty's default per-second one.
    var limits: RateLimits { RateLimits(longLimit: max(1, rateLimit)) }

    func connection() throws -> TwentyConnection {
        try TwentyAccess.connection(url: twenty, apiKeyFile: apiKeyFile, allowInsecure: allowInsecure)
    }
}
