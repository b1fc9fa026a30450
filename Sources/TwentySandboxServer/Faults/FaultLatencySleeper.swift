/// How the server waits out the latency a fault plan adds to a request. The server sleeps; a test can record the
/// delays asked for instead, and so check them without waiting.
public protocol FaultLatencySleeper: Sendable {
    /// Waits `milliseconds` (always more than 0) before the request goes on to the engine.
    func sleep(milliseconds: Int) async
}

/// Really waits, with `Task.sleep`; a cancelled request stops waiting early.
public struct TaskFaultLatencySleeper: FaultLatencySleeper {
    public init() {}

    public func sleep(milliseconds: Int) async {
        try? await Task.sleep(for: .milliseconds(milliseconds))
    }
}
