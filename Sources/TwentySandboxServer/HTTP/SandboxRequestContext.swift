import Hummingbird

/// The request context: Hummingbird's core storage plus a way to close the connection, kept so a fault can end a
/// request without answering it.
public struct SandboxRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    private let closeConnection: @Sendable () async -> Void

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = CoreRequestContextStorage(source: source)
        let channel = source.channel
        self.closeConnection = { try? await channel.close() }
    }

    /// Closes the connection without a response: the client sees the socket end, never a status.
    func dropConnection() async { await closeConnection() }
}
