import CanonicalJSON
import Foundation
import TwentyModel

@testable import TwentySandbox

/// Every test talks to the sandbox through `send`, so the same tests can later run over HTTP by swapping this
/// one helper's transport.
struct Sandbox {
    let directory: String
    let options: SandboxOptions
    let engine: SandboxEngine

    init(version: TwentyVersion = .v2, batchMax: Int? = nil, recordQuota: Int? = nil, directory: String? = nil) throws {
        self.directory =
            directory ?? (NSTemporaryDirectory() as NSString).appendingPathComponent("sandbox-\(UUID().uuidString)")
        options = SandboxOptions(batchMax: batchMax, twentyVersion: version, recordQuota: recordQuota)
        engine = try SandboxEngine(dataDirectory: self.directory, options: options)
    }

    /// A second engine on the same directory, as after a restart.
    func reopened() throws -> Sandbox {
        try Sandbox(
            version: options.twentyVersion, batchMax: options.batchMaxOverride, recordQuota: options.recordQuota,
            directory: directory)
    }

    @discardableResult
    func send(_ method: String, _ path: String, json: String? = nil) async throws -> (status: Int, body: JSONValue) {
        let response = try await exchange(method, path, body: json.map { Array($0.utf8) } ?? [])
        let body =
            response.body.isEmpty
            ? JSONValue.null
            : (try? JSONParser.parse(response.body)) ?? .string(String(decoding: response.body, as: UTF8.self))
        return (response.status, body)
    }

    /// The raw exchange, for bodies that are not JSON (multipart uploads, file downloads).
    func exchange(_ method: String, _ path: String, body: [UInt8] = [], headers: [String: String] = [:]) async throws
        -> SandboxResponse
    {
        let parts = path.split(separator: "?", maxSplits: 1).map(String.init)
        var query: [(name: String, value: String)] = []
        if parts.count > 1 {
            for item in parts[1].split(separator: "&") {
                let pair = item.split(separator: "=", maxSplits: 1).map {
                    String($0).removingPercentEncoding ?? String($0)
                }
                query.append((pair[0], pair.count > 1 ? pair[1] : ""))
            }
        }
        return await engine.handle(
            SandboxRequest(method: method, path: parts[0], query: query, headers: headers, body: body))
    }
}

extension JSONValue {
    /// `body["data", "companies"]`-style access for assertions.
    subscript(path: String...) -> JSONValue? {
        var current: JSONValue? = self
        for key in path {
            if case .array(let items)? = current, let index = Int(key) {
                current = index < items.count ? items[index] : nil
            } else {
                current = current?[key]
            }
        }
        return current
    }

    var array: [JSONValue] { if case .array(let items) = self { return items } else { return [] } }
    var firstMessage: String { self["messages"]?.array.first?.stringValue ?? "" }
}

/// Percent-encodes a query value (filters contain brackets, commas and quotes).
func q(_ text: String) -> String {
    text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-_.~"))) ?? text
}
