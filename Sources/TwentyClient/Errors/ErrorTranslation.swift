import CanonicalJSON

/// Turns Twenty's error body (`{statusCode, error, messages, code?}`) into a ``TwentyError`` whose sentence names the
/// object and field, instead of a raw `IDX_UNIQUE_...` or "duplicate entry".
enum ErrorTranslation {
    static func error(
        status: Int, body: JSONValue?, method: String, path: String, context: RequestContext?, attempts: Int
    ) -> TwentyError {
        let messages = messages(in: body)
        let code = body?["code"]?.stringValue ?? body?["errors"]?.items.first?["extensions"]?["code"]?.stringValue
        let text = messages.joined(separator: "; ")
        let kind = kind(status: status, text: text, code: code)
        let object = context?.object ?? objectName(path: path)
        var summary: String
        switch kind {
        case .quotaExhausted:
            summary =
                "the workspace's quota is exhausted (records or storage): free space or raise the plan, then run again; "
                + "nothing after this call was sent"
        case .rateLimited: summary = "Twenty kept refusing for rate limits"
        case .unauthorized: summary = "the workspace refused the API key (is it right, and not revoked?)"
        case .forbidden:
            // Twenty answers 403 both to a request with no token ("Missing authentication token") and to a key
            // whose role lacks the permission.
            summary =
                text.lowercased().contains("missing authentication token")
                ? "the API key was not sent (no Authorization: Bearer header reached Twenty; is a proxy dropping it?)"
                : "the API key was not sent or its role lacks permission for this (check the key's role in Twenty's "
                    + "settings)"
        case .notFound: summary = "no such \(object) in the workspace" + (text.isEmpty ? "" : ": \(text)")
        case .duplicate: summary = duplicateSentence(object: object, text: text, context: context)
        case .unknownField:
            let field = quoted(in: text) ?? "a field"
            summary =
                "the workspace's \(object) has no field \"\(field)\" (is the map for another workspace or version?)"
        case .batchTooLarge: summary = "the batch is larger than the workspace accepts: \(text)"
        case .serverError: summary = "Twenty failed on its side" + (text.isEmpty ? "" : ": \(text)")
        case .badRequest, .network, .unreadable:
            summary = "Twenty refused the request" + (text.isEmpty ? "" : ": \(text)")
        }
        if kind == .badRequest, let context, !context.values.isEmpty { summary += " (\(object))" }
        return TwentyError(
            kind: kind, method: method, path: path, status: status, messages: messages, code: code, summary: summary,
            attempts: attempts)
    }

    static func messages(in body: JSONValue?) -> [String] {
        if case .array(let items)? = body?["messages"] { return items.compactMap(\.stringValue) }
        if let message = body?["message"]?.stringValue { return [message] }
        // A GraphQL error answered with a non-2xx status (a multipart upload over the size limit answers 413).
        if case .array(let errors)? = body?["errors"] { return errors.compactMap { $0["message"]?.stringValue } }
        if case .string(let text)? = body { return [text] }
        return []
    }

    static func kind(status: Int, text: String, code: String?) -> TwentyError.Kind {
        let lower = text.lowercased()
        switch status {
        case 402: return .quotaExhausted
        case 429: return .rateLimited
        case 401: return .unauthorized
        case 403: return .forbidden
        case 404: return .notFound
        case 500...599: return .serverError
        default: break
        }
        if code == "DUPLICATE_ENTRY_DETECTED" || lower.contains("duplicate entry") || lower.contains("idx_unique")
            || lower.contains("duplicate key value")
        {
            return .duplicate
        }
        if lower.contains("doesn't have any") { return .unknownField }
        if lower.contains("maximum number of records") || lower.contains("cannot destroy more than") {
            return .batchTooLarge
        }
        if code == "RECORD_NOT_FOUND" || lower.contains("record not found") { return .notFound }
        return .badRequest
    }

    /// "another person already has email x@y": the context's field whose name the message mentions, or its only one.
    static func duplicateSentence(object: String, text: String, context: RequestContext?) -> String {
        let lower = text.lowercased().replacingOccurrences(of: "_", with: "")
        let values = context?.values ?? [:]
        let mentioned = values.keys.sorted().filter { path in
            let head = path.split(separator: ".").first.map(String.init) ?? path
            return lower.contains(head.lowercased())
                || lower.contains(path.replacingOccurrences(of: ".", with: "").lowercased())
        }
        let path = mentioned.first ?? (values.count == 1 ? values.keys.first : nil)
        if let path, let value = values[path] {
            return "another \(object) already has \(fieldWords(path)) \(value)"
        }
        if lower.contains("already exists") || lower.contains("with id") {
            return "a \(object) with this id already exists in the workspace"
        }
        return "another \(object) already has one of these unique values: \(text)"
    }

    /// `emails.primaryEmail` -> "email"; `domainName.primaryLinkUrl` -> "domain"; anything else its own name.
    static func fieldWords(_ path: String) -> String {
        switch path {
        case "emails.primaryEmail", "emails": "email"
        case "domainName.primaryLinkUrl", "domainName": "domain"
        case "id": "id"
        default: path
        }
    }

    static func objectName(path: String) -> String {
        let parts = path.split(separator: "?")[0].split(separator: "/").map(String.init)
        guard let rest = parts.firstIndex(of: "rest") else { return "record" }
        let after = parts.dropFirst(rest + 1).filter { $0 != "batch" }
        return after.first ?? "record"
    }

    /// The first double-quoted word: `Object company doesn't have any "foo" field.` -> foo.
    static func quoted(in text: String) -> String? {
        let parts = text.split(separator: "\"", omittingEmptySubsequences: false)
        return parts.count >= 3 ? String(parts[1]) : nil
    }
}
