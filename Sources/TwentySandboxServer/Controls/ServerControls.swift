import CanonicalJSON
import Hummingbird
import TwentySandbox

/// The `/_sandbox/*` calls the server answers itself; every other one is the engine's.
///
/// - `GET /_sandbox/stats`: `{"requests": N, "throttled": N, "records_written": N}` over API-key requests.
/// - `POST /_sandbox/faults` (a `FaultPlan` as JSON; empty clears), `GET` shows it, `DELETE` clears it.
/// - `POST /_sandbox/reset`: clears stats, buckets and faults here, then the engine resets its workspace.
struct ServerControls: Sendable {
    let stats: RequestStats
    let rateLimiter: RateLimiter
    let faults: FaultInjector
    let engine: any SandboxHandling

    static func isControl(path: String) -> Bool { path == "/_sandbox" || path.hasPrefix("/_sandbox/") }

    func respond(to request: SandboxRequest) async -> Response {
        switch (request.method, request.path) {
        case ("GET", "/_sandbox/stats"):
            return TwentyErrorResponses.json(status: .ok, stats.json)
        case ("GET", "/_sandbox/faults"):
            return faultsResponse()
        case ("POST", "/_sandbox/faults"), ("PUT", "/_sandbox/faults"):
            do {
                faults.install(try FaultPlan.parse(request.body))
                return faultsResponse()
            } catch {
                return TwentyErrorResponses.badRequest(error.description)
            }
        case ("DELETE", "/_sandbox/faults"):
            faults.install(nil)
            return faultsResponse()
        case ("POST", "/_sandbox/reset"):
            stats.reset()
            rateLimiter.reset()
            faults.install(nil)
            return ExchangeConversion.response(from: await engine.handle(request))
        default:
            return ExchangeConversion.response(from: await engine.handle(request))
        }
    }

    private func faultsResponse() -> Response {
        TwentyErrorResponses.json(status: .ok, ["faults": faults.plan?.json ?? .null])
    }
}
