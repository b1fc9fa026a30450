import Foundation
import Ledger
import TwentyClient

/// How every command reaches a workspace: the URL from --twenty or TWENTY_URL, the key from --api-key-file or
/// TWENTY_API_KEY (never a flag value, so it stays out of shell history and process lists).
enum TwentyAccess {
    static func connection(url: String?, apiKeyFile: String?, allowInsecure: Bool) throws -> TwentyConnection {
        let environment = ProcessInfo.processInfo.environment
        guard let url = url ?? environment["TWENTY_URL"] else {
            throw UserFacingError("no workspace: give --twenty URL or set TWENTY_URL")
        }
        let key: String
        if let apiKeyFile {
            do {
                key = try String(contentsOfFile: apiKeyFile, encoding: .utf8).trimmingCharacters(
                    in: .whitespacesAndNewlines)
            } catch {
                throw UserFacingError("cannot read the API key file \(apiKeyFile)")
            }
        } else if let fromEnvironment = environment["TWENTY_API_KEY"] {
            key = fromEnvironment.trimmingCharacters(in: .whitespacesAndNewlines)
        } else {
            throw UserFacingError(
                "\(url) needs an API key: --api-key-file FILE or the TWENTY_API_KEY environment variable")
        }
        do {
            return try TwentyConnection(url: url, apiKey: TwentyAPIKey(key), allowInsecure: allowInsecure)
        } catch let error as ConnectionError {
            throw UserFacingError(error.description)
        }
    }

    /// Runs `body` with a client over a pooled connection, closing the pool after.
    static func withClient<T>(
        _ connection: TwentyConnection, limits: RateLimits = RateLimits(), _ body: (TwentyClient) async throws -> T
    ) async throws -> T {
        let transport = PooledHTTPTransport()
        let client = TwentyClient(connection: connection, transport: transport, limits: limits)
        do {
            let value = try await body(client)
            try? await transport.shutdown()
            return value
        } catch let error as TwentyError {
            try? await transport.shutdown()
            throw UserFacingError(error.description)
        } catch {
            try? await transport.shutdown()
            throw error
        }
    }

    /// Binds the project's ledger to the workspace on its first write, and refuses any other workspace after that:
    /// a command that writes must never write a project's records into a second workspace.
    static func bind(_ ledger: Ledger, to workspace: WorkspaceDescription, through connection: TwentyConnection) throws
    {
        guard let fingerprint = workspace.fingerprint else {
            throw UserFacingError("\(workspace.url) states no metadata ids; is it a Twenty workspace?")
        }
        do {
            try ledger.bind(
                to: WorkspaceBound(
                    url: workspace.url, workspaceId: connection.apiKey.workspaceIdClaim, fingerprint: fingerprint,
                    version: workspace.version.rawValue, serverVersion: nil, batchMaximum: workspace.batchMaximum))
        } catch let mismatch as WorkspaceMismatch {
            throw UserFacingError(mismatch.description)
        }
    }
}
