import CanonicalJSON
import Foundation
import TwentyClient
import TwentyClientSandbox
import TwentyModel
import TwentySandbox

/// A sandbox engine in a temporary directory, reached in-process by a client (no socket, no throttling): the
/// workspace a transform test reads its members and field types from.
struct SandboxWorkspace {
    let client: TwentyClient

    init(version: TwentyVersion = .v2) throws {
        let directory = (NSTemporaryDirectory() as NSString).appendingPathComponent("transform-\(UUID().uuidString)")
        let engine = try SandboxEngine(dataDirectory: directory, options: SandboxOptions(twentyVersion: version))
        client = TwentyClient(
            connection: try TwentyConnection(url: "http://127.0.0.1:3000", apiKey: TwentyAPIKey("sk-transform-test")),
            transport: SandboxTransport(engine), limits: RateLimits(shortLimit: 1_000_000, longLimit: 1_000_000))
    }

    /// Adds members through the sandbox's control, as accepted invitations would.
    func addMembers(_ emails: [String]) async throws {
        let list = emails.map { #"{"name":"Member \#($0)","userEmail":"\#($0)"}"# }.joined(separator: ",")
        _ = try await client.send("POST", "_sandbox/members", body: try JSONValue(parsing: Array("[\(list)]".utf8)))
    }

    /// Creates a custom field through the metadata API, as a person (or an earlier prepare) would.
    func createField(on object: String, name: String, type: FieldType) async throws {
        let metadata = try await client.get("rest/metadata/objects")
        guard case .array(let objects)? = metadata["data"]?["objects"] else { return }
        let id = objects.first { $0["nameSingular"]?.stringValue == object }?["id"]?.stringValue
        let body =
            #"{"objectMetadataId":"\#(id ?? "")","type":"\#(type.rawValue)","name":"\#(name)","label":"\#(name)"}"#
        _ = try await client.send("POST", "rest/metadata/fields", body: try JSONValue(parsing: Array(body.utf8)))
    }
}
