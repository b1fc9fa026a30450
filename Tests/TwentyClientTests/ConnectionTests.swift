import Foundation
import Testing
import TwentyClient

@Suite("Connection")
struct ConnectionTests {
    @Test("plain http is accepted to this machine and refused elsewhere unless allowed")
    func insecureOnlyToLoopback() throws {
        let key = TwentyAPIKey(testKey)
        for url in ["http://127.0.0.1:3000", "http://localhost:3000", "http://[::1]:3000", "https://crm.example.com"] {
            _ = try TwentyConnection(url: url, apiKey: key)
        }
        #expect(throws: ConnectionError.insecure("http://crm.example.com")) {
            try TwentyConnection(url: "http://crm.example.com", apiKey: key)
        }
        _ = try TwentyConnection(url: "http://crm.example.com", apiKey: key, allowInsecure: true)
        #expect(throws: ConnectionError.self) { try TwentyConnection(url: "ftp://crm.example.com", apiKey: key) }
    }

    @Test("a URL carrying a user, password or query string is refused, since URLs are printed and recorded")
    func credentialsInURLRefused() {
        let key = TwentyAPIKey(testKey)
        for url in ["https://ana:secret@crm.example.com", "https://crm.example.com/?token=abc"] {
            #expect(throws: ConnectionError.credentialsInURL("crm.example.com")) {
                try TwentyConnection(url: url, apiKey: key)
            }
        }
    }

    @Test("a key that is a JWT names its workspace; a plain key names none")
    func workspaceClaim() {
        // {"sub":"w-1","workspaceId":"3fa85f64-5717-4562-b3fc-2c963f66afa6","type":"API_KEY"}, unsigned.
        let payload = #"{"sub":"w-1","workspaceId":"3fa85f64-5717-4562-b3fc-2c963f66afa6","type":"API_KEY"}"#
        let encoded = Data(payload.utf8).base64EncodedString().replacingOccurrences(of: "=", with: "")
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        #expect(
            TwentyAPIKey("eyJhbGciOiJIUzI1NiJ9.\(encoded).c2ln").workspaceIdClaim
                == "3fa85f64-5717-4562-b3fc-2c963f66afa6")
        #expect(TwentyAPIKey(testKey).workspaceIdClaim == nil)
    }

    @Test("the API key is sent as a bearer token and appears in no description or error")
    func keyNeverPrinted() async throws {
        let key = TwentyAPIKey(testKey)
        let connection = try TwentyConnection(url: "https://crm.example.com", apiKey: key)
        #expect(!"\(key)".contains(testKey))
        #expect(!String(reflecting: key).contains(testKey))
        #expect(!"\(connection)".contains(testKey))
        // A server that echoes the header back in its message.
        let transport = ScriptedTransport([
            .answer(
                401,
                body: #"{"statusCode":401,"error":"Unauthorized","messages":["Bad token Bearer "# + testKey + #""]}"#)
        ])
        let client = try scriptedClient(transport)
        let error = await #expect(throws: TwentyError.self) { try await client.get("rest/people") }
        #expect(transport.requests.first?.headers["Authorization"] == "Bearer \(testKey)")
        #expect(error?.kind == .unauthorized)
        #expect(!"\(error!)".contains(testKey))
        #expect(!String(reflecting: error!).contains(testKey))
    }

    @Test("a 403 for a missing token says the key was not sent")
    func missingTokenSentence() async throws {
        let transport = ScriptedTransport([
            .answer(
                403,
                body: #"{"statusCode":403,"error":"FORBIDDEN_EXCEPTION","messages":["Missing authentication token"]}"#)
        ])
        let error = await #expect(throws: TwentyError.self) { try await scriptedClient(transport).get("rest/people") }
        #expect(error?.kind == .forbidden)
        #expect(error?.summary.hasPrefix("the API key was not sent") == true)
    }

    @Test("a 403 from a role without permission names the key's role")
    func forbiddenRoleSentence() async throws {
        let transport = ScriptedTransport([
            .answer(403, body: #"{"statusCode":403,"error":"FORBIDDEN","messages":["Permission denied"]}"#)
        ])
        let error = await #expect(throws: TwentyError.self) { try await scriptedClient(transport).get("rest/people") }
        #expect(error?.kind == .forbidden)
        #expect(error?.summary.contains("lacks permission") == true)
    }

    @Test("an answer that is not JSON is unreadable, not a crash")
    func unreadable() async throws {
        let client = try scriptedClient(ScriptedTransport([.answer(200, body: "<html>")]))
        let error = await #expect(throws: TwentyError.self) { try await client.get("rest/people") }
        #expect(error?.kind == .unreadable)
    }
}
