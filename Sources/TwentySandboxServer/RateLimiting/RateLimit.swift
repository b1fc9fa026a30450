import Foundation

/// A request rate as Twenty configures one: COUNT requests per window.
///
/// Written `100/60s`, `10/1s`, `500/250ms` or `5/2m` so tests can scale time down; `off` means no limit.
/// Twenty's defaults (`API_RATE_LIMITING_{SHORT,LONG}_{LIMIT,TTL_IN_MS}` in
/// packages/twenty-server/src/engine/core-modules/twenty-config/config-variables.ts) are 100/1s and 100/60s.
public struct RateLimit: Sendable, Equatable, CustomStringConvertible {
    /// Requests admitted per window, and the size of a full bucket.
    public var count: Int
    public var windowMilliseconds: Int64

    public init(count: Int, windowMilliseconds: Int64) {
        self.count = count
        self.windowMilliseconds = windowMilliseconds
    }

    public static let twentyLongDefault = RateLimit(count: 100, windowMilliseconds: 60_000)
    public static let twentyShortDefault = RateLimit(count: 100, windowMilliseconds: 1_000)

    /// `nil` for `off`.
    public static func parse(_ text: String) throws(RateLimitSyntaxError) -> RateLimit? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if trimmed == "off" { return nil }
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let count = Int(parts[0]), count > 0 else { throw RateLimitSyntaxError(text: text) }
        let window = parts[1]
        let units: [(suffix: String, milliseconds: Double)] = [
            ("ms", 1), ("s", 1_000), ("m", 60_000), ("h", 3_600_000),
        ]
        // "ms" before "s" and "m": the first suffix that matches decides.
        for unit in units where window.hasSuffix(unit.suffix) {
            guard let amount = Double(window.dropLast(unit.suffix.count)), amount > 0, amount.isFinite else { break }
            let milliseconds = (amount * unit.milliseconds).rounded()
            guard milliseconds >= 1, milliseconds < 1e15 else { break }
            return RateLimit(count: count, windowMilliseconds: Int64(milliseconds))
        }
        throw RateLimitSyntaxError(text: text)
    }

    public var description: String { "\(count)/\(Self.format(milliseconds: windowMilliseconds))" }

    /// The window in seconds the way Twenty's message prints `windowMs / 1000` (a JavaScript number: `60`, `0.25`).
    var windowSecondsText: String { Self.format(seconds: Double(windowMilliseconds) / 1000) }

    private static func format(milliseconds: Int64) -> String {
        milliseconds % 1000 == 0 ? "\(milliseconds / 1000)s" : "\(milliseconds)ms"
    }

    private static func format(seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int64(seconds)) : String(seconds)
    }
}

public struct RateLimitSyntaxError: Error, CustomStringConvertible {
    public let text: String
    public var description: String {
        "\"\(text)\" is not a rate: write COUNT/DURATION with a unit of ms, s, m or h (100/60s, 500/250ms), or off"
    }
}
