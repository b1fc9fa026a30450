import Hummingbird
import TwentySandbox

/// One request's path through the server: target, key, body bound, then (API requests only) faults, rate limit,
/// the engine, and the counts.
struct SandboxResponder: HTTPResponder {
    typealias Context = SandboxRequestContext

    let engine: any SandboxHandling
    let apiKey: APIKey
    let maxBodySize: Int
    let rateLimiter: RateLimiter
    let faults: FaultInjector
    let latencySleeper: any FaultLatencySleeper
    let stats: RequestStats
    let rateLimitStyle: RateLimitStyle

    var controls: ServerControls {
        ServerControls(stats: stats, rateLimiter: rateLimiter, faults: faults, engine: engine)
    }

    func respond(to request: Request, context: Context) async throws -> Response {
        guard let target = RequestTarget(path: request.uri.path, query: request.uri.query) else {
            return TwentyErrorResponses.badRequest("The request path or query has a malformed percent escape")
        }
        // A direct-upload URL is a capability, like the presigned URL it stands for: no key is sent with it.
        let isUploadURL = request.method == .put && target.path.hasPrefix("/file-upload/")
        switch isUploadURL ? .accepted : apiKey.check(authorization: request.headers[.authorization]) {
        case .accepted: break
        case .missing: return TwentyErrorResponses.missingToken()
        case .wrong: return TwentyErrorResponses.invalidToken()
        }
        let body: [UInt8]
        switch try await BoundedBody.read(request, limit: maxBodySize) {
        case .tooLarge: return TwentyErrorResponses.contentTooLarge(limit: maxBodySize)
        case .complete(let bytes): body = bytes
        }
        let exchange = SandboxRequest(
            method: request.method.rawValue.uppercased(), path: target.path, query: target.query,
            headers: ExchangeConversion.headers(of: request), body: body)

        if ServerControls.isControl(path: target.path) {
            return await controls.respond(to: exchange)
        }
        return await respondToAPIRequest(exchange, context: context)
    }

    /// Faults are drawn first, so which request gets which fault depends only on the seed and the request order,
    /// never on the buckets; a request dropped "before the server" consumes no token.
    private func respondToAPIRequest(_ exchange: SandboxRequest, context: Context) async -> Response {
        stats.countRequest()
        let fault = faults.next()
        switch fault.action {
        case .throttle:
            stats.countThrottled()
            let limit = rateLimiter.reportedLimit
            let oneToken = max(1, limit.windowMilliseconds / Int64(limit.count))
            return TwentyErrorResponses.tooManyRequests(
                Throttle(limit: limit, retryAfterMilliseconds: oneToken, nowMilliseconds: rateLimiter.now),
                style: rateLimitStyle)
        case .dropBeforeEngine:
            await context.dropConnection()
            return Self.unsent
        default:
            break
        }
        if case .throttled(let throttle) = rateLimiter.admit() {
            stats.countThrottled()
            return TwentyErrorResponses.tooManyRequests(throttle, style: rateLimitStyle)
        }
        if fault.latencyMilliseconds > 0 {
            await latencySleeper.sleep(milliseconds: fault.latencyMilliseconds)
        }
        if case .error(let status) = fault.action {
            return TwentyErrorResponses.injectedFailure(status: status)
        }
        let answer = await engine.handle(exchange)
        stats.countWritten(answer.recordsWritten)
        if fault.action == .dropAfterCommit {
            // The in-doubt case: the write is committed, the client never hears so.
            await context.dropConnection()
            return Self.unsent
        }
        return ExchangeConversion.response(from: answer)
    }

    /// Returned after the connection was closed; writing it fails quietly in Hummingbird.
    private static let unsent = Response(status: .internalServerError)
}
