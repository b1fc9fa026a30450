import Foundation
import Synchronization
import TwentyClient

/// Passes each request on and counts it by method and kind (metadata, open-api or records), so prepare's requests
/// can be told apart: reads of the schema, the changes themselves, and record calls. It also keeps when each answer
/// came and its status, for the requests per minute and the 429s of a paced run.
final class CountingTransport: HTTPTransport {
    private let inner: any HTTPTransport
    private let counts = Mutex([String: Int]())
    private let answers = Mutex([(seconds: Double, status: Int)]())
    private let started = DispatchTime.now().uptimeNanoseconds

    init(_ inner: any HTTPTransport) { self.inner = inner }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let path = request.url.path
        let kind = path.contains("/rest/metadata") ? "metadata" : path.contains("/open-api") ? "open-api" : "records"
        counts.withLock { $0["\(request.method) \(kind)", default: 0] += 1 }
        do {
            let response = try await inner.send(request)
            answered(response.status)
            return response
        } catch {
            answered(0)
            throw error
        }
    }

    private func answered(_ status: Int) {
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        answers.withLock { $0.append((seconds, status)) }
    }

    /// Requests so far by method and kind (`GET records`, `POST metadata`, ...): subtract two readings to count a
    /// step's own requests.
    var counted: [String: Int] { counts.withLock { $0 } }

    /// Every answer so far: seconds since the transport was made, and the status (0: none came).
    var log: [(seconds: Double, status: Int)] { answers.withLock { $0 } }

    /// `GET metadata 3, POST metadata 12, ...`, most frequent first.
    var summary: String {
        let all = counts.withLock { $0 }
        guard !all.isEmpty else { return "none" }
        return all.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) \($0.value)" }
            .joined(separator: ", ")
    }
}
