import Hummingbird
import Logging
import TwentySandbox

/// The Twenty sandbox over HTTP: any `SandboxHandling` (the engine, or a test double) behind Twenty's key check,
/// rate limits and error shapes, on a loopback port, with faults to inject and counts to read.
public struct SandboxServer: Sendable {
    public let configuration: SandboxServerConfiguration
    private let engine: any SandboxHandling
    private let clock: any RateLimitClock
    private let latencySleeper: any FaultLatencySleeper
    private let logger: Logger

    /// `latencySleeper` waits out the latency a fault plan adds (`latency_ms`); the default really sleeps.
    public init(
        engine: any SandboxHandling, configuration: SandboxServerConfiguration,
        clock: any RateLimitClock = SystemRateLimitClock(),
        latencySleeper: any FaultLatencySleeper = TaskFaultLatencySleeper(),
        logger: Logger = Logger(label: "crm-migrate.sandbox")
    ) {
        self.engine = engine
        self.configuration = configuration
        self.clock = clock
        self.latencySleeper = latencySleeper
        self.logger = logger
    }

    /// Serves in the foreground until SIGINT or SIGTERM, then stops gracefully. `onListening` gets the bound port.
    public func run(onListening: @escaping @Sendable (Int) -> Void) async throws {
        try await makeApplication { onListening($0.port) }.runService()
    }

    /// Starts serving in the background and returns once the port is bound.
    public func start() async throws -> RunningSandboxServer {
        let (bound, listening) = AsyncStream<Listener>.makeStream()
        let application = makeApplication { listener in
            listening.yield(listener)
            listening.finish()
        }
        let task = Task {
            defer { listening.finish() }
            try await application.run()
        }
        for await listener in bound {
            return RunningSandboxServer(host: configuration.host, listener: listener, task: task)
        }
        // The stream ended without a port: the server stopped before listening; its error says why.
        try await task.value
        throw SandboxServerError.stoppedBeforeListening(host: configuration.host, port: configuration.port)
    }

    private func makeApplication(onListening: @escaping @Sendable (Listener) -> Void) -> Application<SandboxResponder> {
        let responder = SandboxResponder(
            engine: engine, apiKey: configuration.apiKey, maxBodySize: configuration.maxBodySize,
            rateLimiter: RateLimiter(
                short: configuration.shortRateLimit, long: configuration.longRateLimit, clock: clock),
            faults: FaultInjector(), latencySleeper: latencySleeper, stats: RequestStats(),
            rateLimitStyle: configuration.rateLimitStyle)
        let requestedPort = configuration.port
        return Application(
            responder: responder,
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: requestedPort)),
            onServerRunning: { channel in
                onListening(
                    Listener(
                        port: channel.localAddress?.port ?? requestedPort,
                        close: { try? await channel.close() }))
            },
            logger: logger)
    }
}

/// The bound listening socket: its port, and how to stop accepting on it.
struct Listener: Sendable {
    let port: Int
    let close: @Sendable () async -> Void
}

/// A server started with `SandboxServer.start()`.
public final class RunningSandboxServer: Sendable {
    public let host: String
    public let port: Int
    private let listener: Listener
    private let task: Task<Void, any Error>

    init(host: String, listener: Listener, task: Task<Void, any Error>) {
        self.host = host
        self.port = listener.port
        self.listener = listener
        self.task = task
    }

    public var baseURL: String { "http://\(host):\(port)" }

    /// Stops accepting connections, lets requests in flight finish, and returns once the port is released.
    /// Connections a client keeps open longer than `grace` are cut.
    public func stop(grace: Duration = .seconds(5)) async {
        await listener.close()
        let server = task
        let deadline = Task {
            try await Task.sleep(for: grace)
            server.cancel()
        }
        _ = try? await server.value
        deadline.cancel()
    }
}

public enum SandboxServerError: Error, CustomStringConvertible {
    case stoppedBeforeListening(host: String, port: Int)

    public var description: String {
        switch self {
        case .stoppedBeforeListening(let host, let port):
            "the sandbox server stopped before it listened on \(host):\(port)"
        }
    }
}
