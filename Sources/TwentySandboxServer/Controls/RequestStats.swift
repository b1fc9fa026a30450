import CanonicalJSON
import Synchronization

/// Counts over API-key requests since start or the last reset, for `GET /_sandbox/stats`.
final class RequestStats: Sendable {
    struct Counts: Equatable, Sendable {
        var requests = 0
        var throttled = 0
        var recordsWritten = 0
    }

    private let counts = Mutex(Counts())

    func countRequest() { counts.withLock { $0.requests += 1 } }
    func countThrottled() { counts.withLock { $0.throttled += 1 } }
    func countWritten(_ records: Int) { counts.withLock { $0.recordsWritten += records } }
    func reset() { counts.withLock { $0 = Counts() } }

    var snapshot: Counts { counts.withLock { $0 } }

    var json: JSONValue {
        let counts = snapshot
        return [
            "requests": .integer(Int64(counts.requests)), "throttled": .integer(Int64(counts.throttled)),
            "records_written": .integer(Int64(counts.recordsWritten)),
        ]
    }
}
