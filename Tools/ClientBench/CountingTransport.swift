import Foundation
import Synchronization
import TwentyClient

/// Passes each request on and counts it by method and kind (metadata, open-api or records), so prepare's requests
/// can be told apart: reads of the schema, the changes themselves, and record calls.
final class CountingTransport: HTTPTransport {
    private let inner: any HTTPTransport
    private let counts = Mutex([String: Int]())

    init(_ inner: any HTTPTransport) { self.inner = inner }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let path = request.url.path
        let kind = path.contains("/rest/metadata") ? "metadata" : path.contains("/open-api") ? "open-api" : "records"
        counts.withLock { $0["\(request.method) \(kind)", default: 0] += 1 }
        return try await inner.send(request)
    }

    /// `GET metadata 3, POST metadata 12, ...`, most frequent first.
    var summary: String {
        let all = counts.withLock { $0 }
        guard !all.isEmpty else { return "none" }
        return all.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) \($0.value)" }
            .joined(separator: ", ")
    }
}
