import CanonicalJSON
import Foundation
import Synchronization

/// The one way the tool talks to a Twenty workspace: every request paced within the workspace's rate limits, a few in
/// flight, retried when retrying can help, and failures returned as ``TwentyError`` sentences.
public final class TwentyClient: Sendable {
    public let connection: TwentyConnection
    let transport: any HTTPTransport
    public let pacer: RequestPacer
    let retry: RetryPolicy
    let clock: any PacingClock
    private let inFlight: InFlightLimit
    private let exchanges = Mutex(0)
    /// Which upload flows the workspace turned out to lack (see `uploadFile`).
    let uploadFlows = UploadFlowMemory()

    /// Requests sent so far (each retry counts), for the figures a command reports.
    public var requestsSent: Int { exchanges.withLock { $0 } }

    public init(
        connection: TwentyConnection, transport: any HTTPTransport, limits: RateLimits = RateLimits(),
        retry: RetryPolicy = RetryPolicy(), clock: any PacingClock = SystemPacingClock(), maxInFlight: Int = 2
    ) {
        self.connection = connection
        self.transport = transport
        self.clock = clock
        self.retry = retry
        pacer = RequestPacer(limits: limits, clock: clock)
        inFlight = InFlightLimit(maxInFlight)
    }

    /// Sends one request (`path` relative to the workspace, query string included) and returns its 2xx answer.
    public func send(
        _ method: String, _ path: String, body: JSONValue? = nil, context: RequestContext? = nil
    ) async throws -> TwentyReply {
        guard let url = connection.url(path) else {
            throw TwentyError(
                kind: .badRequest, method: method, path: path, status: 0, messages: [],
                summary: "\(path) is not a path under the workspace URL")
        }
        var headers = ["Authorization": "Bearer \(connection.apiKey.secret)", "Accept": "application/json"]
        if body != nil { headers["Content-Type"] = "application/json" }
        let request = HTTPRequest(
            method: method, url: url, headers: headers, body: body.map { Data($0.canonicalText.utf8) })
        let response = try await deliver(request, path: path, paced: Self.isPaced(path), context: context)
        let json = response.body.isEmpty ? JSONValue.null : try parse(response, method: method, path: path)
        return TwentyReply(status: response.status, headers: response.headers, json: json)
    }

    /// Sends `request` until it gets a 2xx answer, paced when `paced`, retried on 429, 5xx and network failures;
    /// `path` names it in errors (never a URL's query, which may hold a presigned signature).
    func deliver(
        _ request: HTTPRequest, path: String, paced: Bool, context: RequestContext? = nil
    ) async throws -> HTTPResponse {
        let method = request.method
        var attempt = 0
        while true {
            attempt += 1
            if paced { try await pacer.admit() }
            let outcome = await exchange(request)
            switch outcome {
            case .success(let response) where (200..<300).contains(response.status):
                if paced { await pacer.accepted() }
                return response
            case .success(let response):
                let json = try? JSONValue(parsing: response.body)
                var refusal: Refusal?
                if response.status == 429 {
                    refusal = Refusal(
                        headers: response.headers, messages: ErrorTranslation.messages(in: json),
                        retryAfterSeconds: json?["retryAfterSeconds"]?.numberValue)
                    if paced, let refusal { await pacer.refused(refusal) }
                }
                guard RetryPolicy.isRetryable(status: response.status), attempt < retry.maxAttempts else {
                    throw redacted(
                        ErrorTranslation.error(
                            status: response.status, body: json, method: method, path: path, context: context,
                            attempts: attempt))
                }
                // A paced 429 waits in the pacer, which now knows the lower limit: backoff on top would only slow it.
                if !(paced && refusal != nil) {
                    let delay = max(refusal?.retryAfter ?? 0, retry.delay(afterAttempt: attempt))
                    try await clock.sleep(seconds: delay)
                }
            case .failure(let failure):
                // A write retried after a lost answer may meet its own record: the engine's deterministic ids make
                // that detectable ("already exists" with our id), so retrying is safe here.
                guard attempt < retry.maxAttempts else {
                    throw TwentyError(
                        kind: .network, method: method, path: path, status: 0, messages: [failure.description],
                        summary: "the workspace did not answer: \(failure.description)", attempts: attempt)
                }
                try await clock.sleep(seconds: retry.delay(afterAttempt: attempt))
            }
        }
    }

    /// `GET path` and its JSON.
    public func get(_ path: String) async throws -> JSONValue { try await send("GET", path).json }

    private func exchange(_ request: HTTPRequest) async -> Result<HTTPResponse, TransportFailure> {
        await inFlight.enter()
        exchanges.withLock { $0 += 1 }
        let result: Result<HTTPResponse, TransportFailure>
        do {
            result = .success(try await transport.send(request))
        } catch let failure as TransportFailure {
            result = .failure(failure)
        } catch {
            result = .failure(TransportFailure("\(request.method) \(request.url.path): \(error)"))
        }
        CallCrashPoint.answered()
        await inFlight.leave()
        return result
    }

    /// A server that echoes the Authorization header in its message must not put the key into our error.
    private func redacted(_ error: TwentyError) -> TwentyError {
        let secret = connection.apiKey.secret
        var error = error
        error.messages = error.messages.map { $0.replacingOccurrences(of: secret, with: "(API key)") }
        error.summary = error.summary.replacingOccurrences(of: secret, with: "(API key)")
        return error
    }

    private func parse(_ response: HTTPResponse, method: String, path: String) throws -> JSONValue {
        do {
            return try JSONValue(parsing: response.body)
        } catch {
            throw TwentyError(
                kind: .unreadable, method: method, path: path, status: response.status, messages: ["\(error)"],
                summary: "the workspace's answer is not JSON")
        }
    }

    /// Only record calls count against Twenty's throttler (section 11): metadata and OpenAPI reads, the `/metadata`
    /// GraphQL endpoint (schema and file uploads) and the upload URLs are not paced.
    static func isPaced(_ path: String) -> Bool {
        let trimmed = path.hasPrefix("/") ? String(path.dropFirst()) : path
        let route = trimmed.split(separator: "?", maxSplits: 1).first.map(String.init) ?? trimmed
        return
            !(route.hasPrefix("rest/metadata") || route.hasPrefix("rest/open-api") || route == "metadata"
            || route.hasPrefix("file-upload/"))
    }
}
