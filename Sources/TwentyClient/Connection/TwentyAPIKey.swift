/// A Twenty API key. Its descriptions never show it, so no error, log line or report can carry it by accident.
public struct TwentyAPIKey: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The key itself, read only where a request header is built.
    let secret: String

    public init(_ secret: String) { self.secret = secret }

    public var description: String { "(API key, \(secret.count) characters, hidden)" }
    public var debugDescription: String { description }
}
