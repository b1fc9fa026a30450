import Ledger
import Synchronization
import TwentyClient

/// A crash at an exact point of a command running in this process, for sweeping crash points without launching a
/// process per point: right after the Nth ledger append commits, or right after the Nth HTTP exchange is answered
/// (before the answer is used). From that moment the command is dead: every later append and call throws before it
/// does anything, so whatever the command does while the error unwinds it (a failure event, a retry) has no
/// effect, as nothing runs in a killed process. The test then drops the ledger handle and opens a fresh one on the
/// same file, as the next process would.
final class InProcessCrash: Sendable {
    enum Point: Sendable, CustomStringConvertible {
        case never
        case afterAppend(Int)
        case afterCall(Int)

        var description: String {
            switch self {
            case .never: "never"
            case .afterAppend(let n): "after append \(n)"
            case .afterCall(let n): "after HTTP call \(n)"
            }
        }
    }

    struct Crashed: Error, CustomStringConvertible {
        let point: Point
        var description: String { "crashed \(point)" }
    }

    private struct Counts {
        var appends = 0
        var calls = 0
        var dead = false
    }

    let point: Point
    private let counts = Mutex(Counts())

    init(_ point: Point) { self.point = point }

    var appends: Int { counts.withLock { $0.appends } }
    var calls: Int { counts.withLock { $0.calls } }
    var crashed: Bool { counts.withLock { $0.dead } }

    /// Wires the append crash point into `ledger`.
    func arm(_ ledger: Ledger) {
        ledger.beforeAppend = { [self] in try refuseIfDead() }
        ledger.afterAppend = { [self] in
            try counts.withLock { counts in
                counts.appends += 1
                if case .afterAppend(let n) = point, counts.appends == n { counts.dead = true }
                if counts.dead { throw Crashed(point: point) }
            }
        }
    }

    func refuseIfDead() throws {
        if crashed { throw Crashed(point: point) }
    }

    func answered() throws {
        try counts.withLock { counts in
            counts.calls += 1
            if case .afterCall(let n) = point, counts.calls == n { counts.dead = true }
            if counts.dead { throw Crashed(point: point) }
        }
    }
}

/// The client's transport with an `InProcessCrash`'s call crash point: the Nth exchange reaches the sandbox and
/// takes effect there, and its answer is lost.
struct CrashingTransport: HTTPTransport {
    let inner: any HTTPTransport
    let crash: InProcessCrash

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try crash.refuseIfDead()
        let response = try await inner.send(request)
        try crash.answered()
        return response
    }
}
