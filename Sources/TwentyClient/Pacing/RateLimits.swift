/// The limits the client starts from: Twenty's defaults (section 3: 100 per second and 100 per minute per workspace),
/// or what the operator knows of their plan (cloud users report about 50 per minute).
public struct RateLimits: Sendable, Equatable {
    public var shortLimit: Int
    public var shortWindow: Double
    public var longLimit: Int
    public var longWindow: Double

    public init(shortLimit: Int = 100, shortWindow: Double = 1, longLimit: Int = 100, longWindow: Double = 60) {
        self.shortLimit = shortLimit
        self.shortWindow = shortWindow
        self.longLimit = longLimit
        self.longWindow = longWindow
    }
}

/// What a 429 said about the limit. The legacy engine sends no headers, only `Limit reached (100 tokens per 60000
/// ms)` in its message; the v2 engine sends `Retry-After` and `X-RateLimit-*`.
public struct Refusal: Sendable, Equatable {
    public var retryAfter: Double?
    public var headerLimit: Int?
    /// From the message (legacy or v2): the limit of the window that refused, and that window in seconds.
    public var statedLimit: Int?
    public var statedWindow: Double?

    public init(
        retryAfter: Double? = nil, headerLimit: Int? = nil, statedLimit: Int? = nil, statedWindow: Double? = nil
    ) {
        self.retryAfter = retryAfter
        self.headerLimit = headerLimit
        self.statedLimit = statedLimit
        self.statedWindow = statedWindow
    }

    /// Reads a 429's headers (`retry-after`, `x-ratelimit-limit`), its body's `retryAfterSeconds` and its message.
    public init(headers: [String: String], messages: [String], retryAfterSeconds: Double?) {
        retryAfter = headers["retry-after"].flatMap(Double.init) ?? retryAfterSeconds
        headerLimit = headers["x-ratelimit-limit"].flatMap(Int.init)
        for message in messages {
            if let (limit, milliseconds) = Self.limitReached(message) {
                statedLimit = limit
                statedWindow = Double(milliseconds) / 1000
            } else if let (limit, seconds) = Self.requestsPer(message) {
                statedLimit = limit
                statedWindow = seconds
            }
        }
    }

    /// `... 3 requests per 60s.` (the v2 engine's message as the sandbox plays it) -> (3, 60).
    static func requestsPer(_ message: String) -> (Int, Double)? {
        guard let per = message.range(of: " requests per ") else { return nil }
        let count = message[..<per.lowerBound].split(separator: " ").last.flatMap { Int($0) }
        let rest = message[per.upperBound...]
        let number = rest.prefix { $0.isNumber || $0 == "." }
        guard let count, let seconds = Double(number), seconds > 0, rest.dropFirst(number.count).first == "s"
        else { return nil }
        return (count, seconds)
    }

    /// `Limit reached (N tokens per M ms)` -> (N, M).
    static func limitReached(_ message: String) -> (Int, Int)? {
        guard let open = message.range(of: "Limit reached (") else { return nil }
        let words = message[open.upperBound...].split(whereSeparator: { $0 == " " || $0 == ")" })
        guard words.count >= 4, let limit = Int(words[0]), words[1] == "tokens", words[2] == "per",
            let milliseconds = Int(words[3])
        else { return nil }
        return (limit, milliseconds)
    }

    /// The v2 engine told us when to come back.
    public var hasHeaders: Bool { retryAfter != nil || headerLimit != nil }
}
