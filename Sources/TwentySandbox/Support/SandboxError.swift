import CanonicalJSON

/// A refusal the engine answers with, carrying the status and the sentence Twenty would send.
///
/// Twenty's REST errors are `{"statusCode":400,"error":"BadRequestException","messages":["..."]}`
/// (TWENTY_API.md section 10; `S/engine/api/rest/rest-api-exception.filter.ts` renders Nest exceptions this way).
struct SandboxError: Error, CustomStringConvertible {
    let status: Int
    let message: String
    /// Members Twenty adds beside `statusCode`, `error` and `messages` (a usage-limit refusal's scope and limit).
    var details: [String: JSONValue] = [:]

    static func badRequest(_ message: String) -> SandboxError { SandboxError(status: 400, message: message) }
    static func notFound(_ message: String = "Record not found") -> SandboxError {
        SandboxError(status: 404, message: message)
    }
    static func forbidden(_ message: String) -> SandboxError { SandboxError(status: 403, message: message) }

    /// `Object company doesn't have any "foo" field.` (`S/engine/api/rest/core/...` checks keys against metadata).
    static func unknownField(_ field: String, object: String) -> SandboxError {
        .badRequest("Object \(object) doesn't have any \"\(field)\" field.")
    }

    /// Unique violations and duplicate ids are both 400, never 409 (TWENTY_API.md section 10).
    static func duplicate(_ detail: String) -> SandboxError {
        .badRequest("A duplicate entry was detected: \(detail)")
    }

    /// Nest's exception class names, which Twenty sends as `error`.
    var errorName: String {
        switch status {
        case 400: "BadRequestException"
        case 402: "QUOTA_EXHAUSTED"
        case 403: "ForbiddenException"
        case 404: "NotFoundException"
        case 405: "MethodNotAllowedException"
        default: "InternalServerErrorException"
        }
    }

    var description: String { "\(status) \(errorName): \(message)" }

    var response: SandboxResponse {
        var members: [String: JSONValue] = [
            "statusCode": .integer(Int64(status)), "error": .string(errorName), "messages": [.string(message)],
        ]
        members.merge(details) { kept, _ in kept }
        let body = JSONValue.object(members)
        return SandboxResponse(
            status: status, headers: [("content-type", "application/json")], body: CanonicalJSON.bytes(body))
    }
}
