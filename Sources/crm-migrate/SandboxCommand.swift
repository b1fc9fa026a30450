import ArgumentParser
import Foundation
import Logging
import TwentyModel
import TwentySandbox
import TwentySandboxServer

struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run a local Twenty sandbox: Twenty's REST and metadata API over a workspace kept in DIR.",
        discussion: """
            Serves on 127.0.0.1 in the foreground until Ctrl-C (SIGINT) or SIGTERM, and prints the URL and the API \
            key to use. The workspace persists in DIR, so a restart on the same DIR finds the same records. Without \
            --api-key a key is generated once and kept in DIR/api-key (mode 0600), so it survives restarts.
            Requests are rate limited as Twenty does it: per workspace, one token per request whatever the batch \
            size, with a short and a long window that must both have room; a refusal is a 429 with Retry-After and \
            X-RateLimit-* headers. Rates are COUNT/DURATION (100/60s, 10/1s, 500/250ms) or off. A request without \
            a key is refused with 403 and a wrong key with 401, as Twenty does.
            Control calls (same key, never rate limited): GET /_sandbox/stats, POST|GET|DELETE /_sandbox/faults \
            (errors, dropped connections, latency, 429 storms, seeded), POST /_sandbox/reset, and the engine's \
            /_sandbox/members, seed, state and digest.
            """)

    @Option(help: "The port to listen on (0 picks a free one and prints it).") var port = 3000
    @Option(
        name: .customLong("data"), help: "The directory the workspace persists in (created if missing).",
        completion: .directory)
    var data: String
    @Option(
        name: .customLong("api-key"),
        help: "The API key clients must send as a Bearer token (without it: generated once and kept in DATA/api-key).")
    var apiKey: String?
    @Option(
        name: .customLong("rate-limit"),
        help: ArgumentHelp("The long window, COUNT/DURATION (100/60s, 500/250ms), or off.", valueName: "rate"))
    var rateLimit = RateArgument(.twentyLongDefault)
    @Option(
        name: .customLong("short-rate-limit"),
        help: ArgumentHelp("The short window, COUNT/DURATION (100/1s), or off.", valueName: "rate"))
    var shortRateLimit = RateArgument(.twentyShortDefault)
    @Option(
        name: .customLong("rate-limit-style"),
        help: """
            How a refusal reads: v2 (Retry-After, X-RateLimit-* headers and a JSON body with the wait) or legacy \
            (a bare 429 with no headers and "Limit reached (N tokens per M ms)", as Twenty's default engine).
            """)
    var rateLimitStyle = RateLimitStyle.v2
    @Option(
        name: .customLong("batch-max"),
        help: ArgumentHelp(
            """
            The most records one batch call or page may carry, stated in the OpenAPI document (default: the \
            version's QUERY_MAX_RECORDS, 200 for v2 and 60 for v1).
            """, valueName: "n"))
    var batchMax: Int?
    @Option(
        name: .customLong("record-quota"),
        help: ArgumentHelp(
            """
            Play a cloud plan's record limit: creating records beyond n in the workspace (soft-deleted ones \
            count) answers 402 with no rate headers, and a batch that would pass it is refused whole (default: none).
            """, valueName: "n"))
    var recordQuota: Int?
    @Option(
        name: .customLong("twenty-version"),
        help: """
            The Twenty API generation to imitate: v2, or v1 (older target and attachment field names, batches of 60, \
            no timeline activities, only the older file upload).
            """)
    var twentyVersion = TwentyVersion.v2
    @Option(
        name: .customLong("max-body-size"),
        help: ArgumentHelp("Larger request bodies are refused with 413 (KiB, MiB, KB, MB or bytes).", valueName: "size")
    )
    var maxBodySize = ByteSizeArgument(bytes: 10 << 20)

    func validate() throws {
        if !(0...65_535).contains(port) { throw ValidationError("--port must be from 0 to 65535") }
        if let batchMax, batchMax < 1 { throw ValidationError("--batch-max must be at least 1") }
        if let recordQuota, recordQuota < 0 { throw ValidationError("--record-quota must be 0 or more") }
        if let apiKey, apiKey.isEmpty || apiKey.contains(where: \.isWhitespace) {
            throw ValidationError("--api-key must be non-empty and contain no spaces")
        }
    }

    func run() async throws {
        let directory = URL(fileURLWithPath: data).standardizedFileURL
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let key = try apiKey.map(APIKey.init) ?? StoredAPIKey.loadOrCreate(in: directory)
        let version = twentyVersion
        let options = SandboxOptions(batchMax: batchMax, twentyVersion: version, recordQuota: recordQuota)
        let engine = try SandboxEngine(dataDirectory: directory.path, options: options)
        let effectiveBatchMax = options.batchMax(for: version)
        let quota = recordQuota.map { ", record quota \($0)" } ?? ""

        var configuration = SandboxServerConfiguration(apiKey: key, port: port)
        configuration.longRateLimit = rateLimit.limit
        configuration.shortRateLimit = shortRateLimit.limit
        configuration.rateLimitStyle = rateLimitStyle
        configuration.maxBodySize = maxBodySize.bytes
        let limits = [configuration.shortRateLimit, configuration.longRateLimit].compactMap { $0?.description }
        let server = SandboxServer(
            engine: engine, configuration: configuration, logger: Logger(label: "crm-migrate.sandbox"))
        let host = configuration.host
        let banner = { @Sendable (port: Int) -> String in
            // The one place the key is ever printed: the operator needs it to point a client here.
            """
            Twenty sandbox (\(twentyVersion)) on http://\(host):\(port)  data: \(directory.path)
            API key: \(key.value)
            rate limits: \(limits.isEmpty ? "off" : limits.joined(separator: " and ")), batch max \(effectiveBatchMax)\(quota); Ctrl-C stops

            """
        }
        try await server.run { port in
            // Written unbuffered, so a script reading the pipe sees the URL as soon as the port is bound.
            FileHandle.standardOutput.write(Data(banner(port).utf8))
        }
        print("Twenty sandbox stopped")
    }
}

/// The generated key kept beside the workspace, readable by its owner only.
enum StoredAPIKey {
    static func loadOrCreate(in directory: URL) throws -> APIKey {
        let file = directory.appendingPathComponent("api-key")
        if let stored = try? String(contentsOf: file, encoding: .utf8) {
            let value = stored.trimmingCharacters(in: .whitespacesAndNewlines)
            if !value.isEmpty { return APIKey(value) }
        }
        let key = APIKey.generate()
        // Created with 0600 from the start, so the key is never readable by others even for a moment.
        guard
            FileManager.default.createFile(
                atPath: file.path, contents: Data((key.value + "\n").utf8), attributes: [.posixPermissions: 0o600])
        else { throw UserFacingError("cannot write the API key to \(file.path)") }
        return key
    }
}
