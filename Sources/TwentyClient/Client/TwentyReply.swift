import CanonicalJSON

/// A successful answer: its status, headers (names lower-cased) and parsed JSON body (`.null` when empty).
public struct TwentyReply: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var json: JSONValue
}
