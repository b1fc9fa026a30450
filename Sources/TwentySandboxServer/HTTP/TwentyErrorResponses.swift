import CanonicalJSON
import Hummingbird

/// The error answers the server gives itself (the engine writes its own), in the shapes Twenty's server writes.
enum TwentyErrorResponses {
    /// Twenty's REST middleware writes `{statusCode, messages: [message], error: code}` for a refused token, with
    /// the status `getAuthExceptionRestStatus` gives the exception's code
    /// (`S/engine/middlewares/middleware.service.ts`, `writeRestResponseOnExceptionCaught` and `getStatus`;
    /// `S/engine/core-modules/auth/utils/get-auth-exception-rest-status.util.ts`).
    /// No token at all is "Missing authentication token" with code FORBIDDEN_EXCEPTION, so 403
    /// (`S/engine/core-modules/auth/token/services/access-token.service.ts`, `validateTokenByRequest`; very old
    /// servers wrote it in lower case).
    static func missingToken() -> Response {
        json(
            status: .forbidden,
            ["statusCode": 403, "error": "FORBIDDEN_EXCEPTION", "messages": ["Missing authentication token"]])
    }

    /// A token that does not verify is "Token invalid." with code UNAUTHENTICATED, so 401
    /// (`S/engine/core-modules/jwt/services/jwt-wrapper.service.ts`).
    static func invalidToken() -> Response {
        json(status: .unauthorized, ["statusCode": 401, "error": "UNAUTHENTICATED", "messages": ["Token invalid."]])
    }

    /// Express's body parser refuses an oversized body with 413 before any of Twenty's code runs.
    static func contentTooLarge(limit: Int) -> Response {
        json(
            status: .contentTooLarge,
            [
                "statusCode": 413, "error": "PayloadTooLargeError",
                "messages": [.string("request entity too large (the limit is \(limit) bytes)")],
            ])
    }

    static func badRequest(_ message: String) -> Response {
        json(status: .badRequest, ["statusCode": 400, "error": "BadRequestException", "messages": [.string(message)]])
    }

    /// Twenty's 429 (usage-limit/utils/usage-limit-to-rest-api-exception-handler.util.ts and
    /// build-rate-limit-response-headers.util.ts; the message from usage-limit-speed.service.ts).
    static func tooManyRequests(_ throttle: Throttle, style: RateLimitStyle) -> Response {
        let limit = throttle.limit
        guard style == .v2 else {
            // The default engine: nothing but the status and the throttler's message.
            return json(
                status: .tooManyRequests,
                [
                    "statusCode": 429, "error": "HttpException",
                    "messages": [.string("Limit reached (\(limit.count) tokens per \(limit.windowMilliseconds) ms)")],
                ])
        }
        let windowSeconds = (limit.windowMilliseconds + 999) / 1000
        var response = json(
            status: .tooManyRequests,
            [
                "statusCode": 429, "error": "RATE_LIMITED",
                "messages": [
                    .string(
                        "Rate limit exceeded for workspace: \(limit.count) requests per \(limit.windowSecondsText)s.")
                ],
                "limitKind": "speed", "exhaustedKind": "limit",
                "scope": ["spenderType": "workspace", "spenderId": .null],
                "limit": .integer(Int64(limit.count)), "remaining": 0,
                "periodCount": .integer(windowSeconds), "periodUnit": "second",
                "retryAfterSeconds": .integer(throttle.retryAfterSeconds),
            ])
        response.headers[.retryAfter] = String(throttle.retryAfterSeconds)
        response.headers[.rateLimitLimit] = String(limit.count)
        response.headers[.rateLimitRemaining] = "0"
        response.headers[.rateLimitReset] = String(throttle.resetEpochSeconds)
        return response
    }

    /// An injected server failure. A 500 is Twenty's own JSON; a 502 or 503 comes from the proxy in front of it, as
    /// HTML, so a client that assumes every error body is JSON finds out here.
    static func injectedFailure(status: Int) -> Response {
        let httpStatus = HTTPResponse.Status(code: status)
        if status == 500 {
            return json(
                status: httpStatus,
                ["statusCode": 500, "error": "INTERNAL_SERVER_ERROR", "messages": ["Internal server error"]])
        }
        let title = "\(status) \(httpStatus.reasonPhrase)"
        let html = "<html><head><title>\(title)</title></head><body><center><h1>\(title)</h1></center></body></html>\n"
        return Response(
            status: httpStatus, headers: [.contentType: "text/html"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    static func json(status: HTTPResponse.Status, _ value: JSONValue) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: CanonicalJSON.bytes(value))))
    }
}
