import CanonicalJSON

/// A GraphQL answer from `/metadata`: errors come back as HTTP 200 with `{"errors":[{"message","extensions":
/// {"code"}}]}`, so a 2xx is not yet a success.
enum GraphQLAnswer {
    /// `data.<field>`, or the answer's errors as a ``TwentyError`` (status as received).
    static func field(
        _ field: String, in json: JSONValue, status: Int, method: String = "POST", path: String = "metadata"
    ) throws -> JSONValue {
        if let error = error(in: json, status: status, method: method, path: path) { throw error }
        guard let value = json["data"]?[field], value != .null else {
            throw TwentyError(
                kind: .unreadable, method: method, path: path, status: status, messages: [],
                summary: "the workspace's answer has no data.\(field)")
        }
        return value
    }

    /// The first error of a GraphQL answer (any status), or nil when there is none.
    static func error(in json: JSONValue?, status: Int, method: String, path: String) -> TwentyError? {
        guard let errors = json?["errors"]?.items, !errors.isEmpty else { return nil }
        let messages = errors.compactMap { $0["message"]?.stringValue }
        let code = errors.lazy.compactMap { $0["extensions"]?["code"]?.stringValue }.first
        return TwentyError(
            kind: kind(code: code, status: status, text: messages.joined(separator: "; ")), method: method,
            path: path, status: status, messages: messages, code: code,
            summary: "Twenty refused the request: \(messages.joined(separator: "; "))")
    }

    /// True for GraphQL's "this server has no such mutation": what a server older than a flow answers.
    static func isUnknownOperation(_ error: TwentyError) -> Bool {
        error.code == "GRAPHQL_VALIDATION_FAILED" || error.messages.contains { $0.contains("Cannot query field") }
    }

    static func kind(code: String?, status: Int, text: String) -> TwentyError.Kind {
        let lower = text.lowercased()
        switch code {
        case "FORBIDDEN", "PERMISSION_DENIED": return .forbidden
        case "UNAUTHENTICATED": return .unauthorized
        case "GRAPHQL_VALIDATION_FAILED": return .unknownField
        case "NOT_FOUND": return .notFound
        case "INTERNAL_SERVER_ERROR": return .serverError
        case "QUOTA_EXHAUSTED": return .quotaExhausted
        default: break
        }
        if status == 402 || lower.contains("storage limit") || lower.contains("quota") { return .quotaExhausted }
        if status == 403 || lower.contains("permission") { return .forbidden }
        return ErrorTranslation.kind(status: status == 200 ? 400 : status, text: text, code: code)
    }
}
