import Foundation
import Hummingbird
import TwentySandbox
import TwentySandboxServer

// sandbox-bench: batch-creates companies over HTTP against an in-process sandbox (rate limiting off, a fresh
// temporary directory) and reports records/s, per-request latency and resident memory.
//
//   sandbox-bench [--records N] [--batch B] [--connections C] [--warmup REQUESTS] [--keep] [--transport-only]
//   (release build: swift build -c release --product sandbox-bench)

func option(_ name: String, _ fallback: Int) -> Int {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return fallback }
    return Int(arguments[index + 1]) ?? fallback
}

let records = option("--records", 120_000)
let batchSize = option("--batch", 60)
let connections = option("--connections", 2)
let warmupRequests = option("--warmup", 50)
let requests = (records + batchSize - 1) / batchSize

let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { if !CommandLine.arguments.contains("--keep") { try? FileManager.default.removeItem(at: directory) } }

let transportOnly = CommandLine.arguments.contains("--transport-only")
let engine: any SandboxHandling =
    transportOnly
    ? TransportOnlyEngine()
    : try SandboxEngine(dataDirectory: directory.path, options: SandboxOptions(batchMax: batchSize))
let key = APIKey.generate()
var configuration = SandboxServerConfiguration(apiKey: key, port: 0)
configuration.longRateLimit = nil
configuration.shortRateLimit = nil
let server = try await SandboxServer(engine: engine, configuration: configuration).start()
print(
    "sandbox-bench\(transportOnly ? " (transport only)" : ""): \(records) companies in batches of \(batchSize) over \(connections) connection(s), \(server.baseURL)"
)

// Bodies are built before timing: the benchmark measures the server, not the client's string building.
let bodies = (0..<(warmupRequests + requests)).map {
    ByteBuffer(string: CompanyBatches.body(batch: $0, size: batchSize))
}
var headers: HTTPFields = [.contentType: "application/json"]
headers[.authorization] = "Bearer \(key.value)"
let requestHeaders = headers

let runner = LoadRunner(port: server.port, headers: requestHeaders, bodies: bodies, connections: connections)

_ = try await runner.send(0..<warmupRequests)
let memoryAfterWarmup = ResidentMemory.kibibytes()

let costBefore = ProcessCost.now()
let start = DispatchTime.now().uptimeNanoseconds
let latencies = try await runner.send(warmupRequests..<(warmupRequests + requests)).sorted()
let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
let costAfter = ProcessCost.now()
let memoryAtEnd = ResidentMemory.kibibytes()
await server.stop()

func percentile(_ fraction: Double) -> String {
    let index = min(latencies.count - 1, Int((Double(latencies.count) * fraction).rounded(.up)) - 1)
    return String(format: "%.2f ms", Double(latencies[max(0, index)]) / 1e6)
}

let written = requests * batchSize
print(
    String(
        format: "records/s      %.0f  (%d records, %d requests in %.2f s)", Double(written) / seconds, written,
        requests, seconds))
print(String(format: "requests/s     %.0f", Double(requests) / seconds))
// Wall-clock rates move with the machine's load; these two do not (same binary, same input).
let cpuSeconds = costAfter.cpuSeconds - costBefore.cpuSeconds
print(
    String(
        format: "records/CPU-s  %.0f  (%.2f CPU-s, all threads, the in-process client included)",
        Double(written) / cpuSeconds, cpuSeconds))
if let after = costAfter.bytesWritten, let before = costBefore.bytesWritten {
    print(
        String(
            format: "bytes written  %.1f KiB per request  (WAL, checkpoints, sockets)",
            Double(after - before) / 1024 / Double(requests)))
}
print("latency p50    \(percentile(0.50))")
print("latency p99    \(percentile(0.99))")
print("RSS warm-up    \(ResidentMemory.describe(memoryAfterWarmup))  (after \(warmupRequests) requests)")
print("RSS end        \(ResidentMemory.describe(memoryAtEnd))  (after \(warmupRequests + requests) requests)")
