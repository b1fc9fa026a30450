import CanonicalJSON
import Foundation

/// A Twenty API key. Its descriptions never show it, so no error, log line or report can carry it by accident.
public struct TwentyAPIKey: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The key itself, read only where a request header is built.
    let secret: String

    public init(_ secret: String) { self.secret = secret }

    public var description: String { "(API key, \(secret.count) characters, hidden)" }

    /// The `workspaceId` claim of a key that is a JWT, as Twenty's API keys are (`sub` and `workspaceId` name the
    /// workspace, `S/engine/core-modules/auth/token/services/access-token.service.ts` style payloads). Read without
    /// verifying the signature: it names a workspace to bind a project to, it authorises nothing. Nil for a key
    /// that is not a JWT (the sandbox's).
    public var workspaceIdClaim: String? {
        let parts = secret.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        var base64 = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let claims = try? JSONValue(parsing: Array(data)) else {
            return nil
        }
        return claims["workspaceId"]?.stringValue
    }
    public var debugDescription: String { description }
}
