/// A call to Twenty that did not succeed, as a value with its context and one sentence a user can act on. Never holds
/// the API key: requests are described by method and path only.
public struct TwentyError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        /// 402: the workspace's record or storage quota is spent; retrying cannot help.
        case quotaExhausted
        /// 429 still after every retry.
        case rateLimited
        case unauthorized
        case forbidden
        case notFound
        /// A unique field (or a client-chosen id) already taken.
        case duplicate
        case unknownField
        case batchTooLarge
        case badRequest
        /// 5xx after every retry.
        case serverError
        /// No answer at all after every retry.
        case network
        /// An answer that is not what Twenty sends.
        case unreadable
    }

    public var kind: Kind
    public var method: String
    public var path: String
    /// 0 when there was no answer.
    public var status: Int
    /// Twenty's `messages` (or the transport's failure).
    public var messages: [String]
    /// Twenty's `code` on newer servers (`DUPLICATE_ENTRY_DETECTED`).
    public var code: String?
    /// The sentence for the user.
    public var summary: String
    public var attempts: Int

    public init(
        kind: Kind, method: String, path: String, status: Int, messages: [String], code: String? = nil, summary: String,
        attempts: Int = 1
    ) {
        self.kind = kind
        self.method = method
        self.path = path
        self.status = status
        self.messages = messages
        self.code = code
        self.summary = summary
        self.attempts = attempts
    }

    public var description: String {
        let answer = status == 0 ? "no answer" : "\(status)"
        let tries = attempts > 1 ? ", after \(attempts) attempts" : ""
        return "\(summary) (\(method) \(path): \(answer)\(tries))"
    }
}
