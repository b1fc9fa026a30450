import CanonicalJSON
import Synchronization
import TwentySandbox

/// A stand-in engine that keeps batch-created records in memory and remembers every exchange it answered.
final class RecordingEngine: SandboxHandling {
    private struct State {
        var records: [JSONValue] = []
        var exchanges: [SandboxRequest] = []
        var resets = 0
    }

    private let state = Mutex(State())

    var records: [JSONValue] { state.withLock { $0.records } }
    var exchanges: [SandboxRequest] { state.withLock { $0.exchanges } }
    var resets: Int { state.withLock { $0.resets } }

    func handle(_ request: SandboxRequest) async -> SandboxResponse {
        state.withLock { state in
            state.exchanges.append(request)
            switch (request.method, request.path) {
            case ("POST", "/rest/batch/companies"):
                guard let parsed = try? JSONValue(parsing: request.body), case .array(let created) = parsed else {
                    return Self.json(
                        400, ["statusCode": 400, "error": "BadRequestException", "messages": ["not an array"]])
                }
                state.records += created
                return Self.json(201, ["data": ["createCompanies": .array(created)]], written: created.count)
            case ("GET", "/rest/companies"):
                return Self.json(200, ["data": ["companies": .array(state.records)]])
            case ("POST", "/_sandbox/reset"):
                state.records = []
                state.resets += 1
                return Self.json(200, ["reset": true])
            default:
                return Self.json(404, ["statusCode": 404, "error": "NotFoundException", "messages": ["Cannot route"]])
            }
        }
    }

    private static func json(_ status: Int, _ value: JSONValue, written: Int = 0) -> SandboxResponse {
        SandboxResponse(
            status: status, headers: [("content-type", "application/json")], body: CanonicalJSON.bytes(value),
            recordsWritten: written)
    }
}
