import Foundation
import Hummingbird
import HummingbirdTesting
import Synchronization

/// Sends prepared batch bodies over keep-alive connections, each connection taking the next unsent body.
struct LoadRunner: Sendable {
    let port: Int
    let headers: HTTPFields
    let bodies: [ByteBuffer]
    let connections: Int

    /// Sends `bodies[range]`; returns each request's latency in nanoseconds.
    func send(_ range: Range<Int>) async throws -> [UInt64] {
        let queue = WorkQueue(range)
        return try await withThrowingTaskGroup(of: [UInt64].self) { group in
            for _ in 0..<connections {
                group.addTask { try await drain(queue) }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
    }

    private func drain(_ queue: WorkQueue) async throws -> [UInt64] {
        try await TestClient.withClient(host: "127.0.0.1", port: port) { client in
            var latencies: [UInt64] = []
            while let index = queue.take() {
                let request = TestClient.Request(
                    "/rest/batch/companies", method: .post, authority: "127.0.0.1", headers: headers,
                    body: bodies[index])
                let start = DispatchTime.now().uptimeNanoseconds
                let response = try await client.execute(request)
                latencies.append(DispatchTime.now().uptimeNanoseconds - start)
                guard response.status == .created else {
                    let text = response.body.map { String(buffer: $0) } ?? ""
                    throw BenchFailure(description: "request \(index): \(response.status.code) \(text.prefix(300))")
                }
            }
            return latencies
        }
    }
}

/// The indices still to send, shared by the connections.
final class WorkQueue: Sendable {
    private let state: Mutex<Range<Int>>

    init(_ range: Range<Int>) { state = Mutex(range) }

    func take() -> Int? {
        state.withLock { range in
            guard let first = range.first else { return nil }
            range = (first + 1)..<range.upperBound
            return first
        }
    }
}

struct BenchFailure: Error, CustomStringConvertible { let description: String }
