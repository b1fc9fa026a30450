import Synchronization
import TwentySandboxServer

/// A latency sleeper that returns at once and records each delay the server asked for, with how many API requests
/// the engine had been given by then (so a test sees whether the delay came before or after the engine).
final class RecordingSleeper: FaultLatencySleeper {
    struct Sleep: Equatable {
        let milliseconds: Int
        let exchangesBefore: Int
    }

    private let engine: RecordingEngine
    private let recorded = Mutex<[Sleep]>([])

    init(engine: RecordingEngine) { self.engine = engine }

    var sleeps: [Sleep] { recorded.withLock { $0 } }

    func sleep(milliseconds: Int) async {
        let exchanges = engine.exchanges.count
        recorded.withLock { $0.append(Sleep(milliseconds: milliseconds, exchangesBefore: exchanges)) }
    }
}
