import Crypto
import Foundation
import TwentySandbox

/// Bytes for upload tests: deterministic (a counter pattern), so a test can state their hash and size.
enum UploadFixtures {
    static func bytes(count: Int) -> Data { Data((0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }) }

    static func sha256Hex(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// Writes `data` to a new file in a temporary directory and returns its URL.
    static func file(named name: String, _ data: Data) throws -> URL {
        let directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
            "upload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try data.write(to: url)
        return url
    }
}

extension InProcessSandbox {
    /// The bytes the sandbox serves for a FILES upload (`GET /file/files-field/{id}`), asked of the engine directly.
    func download(fileId: String) async -> (status: Int, body: Data) {
        let answer = await engine.handle(SandboxRequest(method: "GET", path: "/file/files-field/\(fileId)"))
        return (answer.status, Data(answer.body))
    }
}
