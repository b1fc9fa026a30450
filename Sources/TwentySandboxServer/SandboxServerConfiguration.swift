import Foundation

/// How a sandbox server listens and what it enforces. Defaults are Twenty's.
public struct SandboxServerConfiguration: Sendable {
    /// Loopback only: the sandbox holds rehearsal data and one key, and has no business on a network.
    public var host = "127.0.0.1"
    /// 0 asks the system for a free port; the actual one is reported once the server listens.
    public var port = 3000
    public var apiKey: APIKey
    /// `nil` turns a window off.
    public var longRateLimit: RateLimit? = .twentyLongDefault
    public var shortRateLimit: RateLimit? = .twentyShortDefault
    /// How a refusal reads: the default engine's bare 429, or the usage-limit engine's headers and body.
    public var rateLimitStyle: RateLimitStyle = .v2
    /// Larger request bodies are answered 413.
    public var maxBodySize = 10 * 1024 * 1024

    public init(apiKey: APIKey, port: Int = 3000) {
        self.apiKey = apiKey
        self.port = port
    }

    /// Parses a size such as `10MiB`, `512KiB`, `2MB` or a plain byte count.
    public static func parseByteSize(_ text: String) throws(ByteSizeSyntaxError) -> Int {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let units: [(suffix: String, bytes: Int)] = [
            ("KiB", 1 << 10), ("MiB", 1 << 20), ("GiB", 1 << 30), ("KB", 1_000), ("MB", 1_000_000),
            ("GB", 1_000_000_000), ("B", 1), ("", 1),
        ]
        for unit in units where trimmed.hasSuffix(unit.suffix) {
            guard let amount = Int(trimmed.dropLast(unit.suffix.count).trimmingCharacters(in: .whitespaces)),
                amount > 0, amount <= Int.max / unit.bytes
            else { break }
            return amount * unit.bytes
        }
        throw ByteSizeSyntaxError(text: text)
    }
}

public struct ByteSizeSyntaxError: Error, CustomStringConvertible {
    public let text: String
    public var description: String {
        "\"\(text)\" is not a size: write bytes, or a whole number of KiB, MiB, GiB, KB, MB or GB"
    }
}
