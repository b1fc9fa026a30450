import CanonicalJSON
import Foundation
import Testing
import TwentyClient
import TwentyModel

@Suite("File uploads against the in-process sandbox")
struct FileUploadTests {
    @Test("a small file on v2 goes through the direct upload and reads back from the sandbox")
    func smallFileDirectUpload() async throws {
        let sandbox = try InProcessSandbox(version: .v2)
        let workspace = try await sandbox.client.describeWorkspace()
        let bytes = Data("%PDF-1.4 signed contract".utf8)
        let uploaded = try await sandbox.client.uploadFile(
            .bytes(bytes), filename: "contract.pdf",
            expected: ExpectedFile(size: bytes.count, sha256: UploadFixtures.sha256Hex(bytes)),
            naming: workspace.naming)
        #expect(uploaded.flow == .directUpload)
        guard case .filesField(let fileId, let label) = uploaded.reference else {
            Issue.record("expected a FILES reference, got \(uploaded.reference)")
            return
        }
        #expect(label == "contract.pdf")
        let download = await sandbox.download(fileId: fileId)
        #expect(download.status == 200)
        #expect(download.body == bytes)

        // What the result says to put on the attachment is what the workspace accepts.
        var attachment = uploaded.attachmentValues
        attachment["name"] = "contract.pdf"
        let reply = try await sandbox.client.send("POST", "rest/attachments", body: .object(attachment))
        #expect(reply.status == 201)
    }

    @Test("a 6 MiB file on v2 goes through createFileUpload, read from disk")
    func largeFileDirectUpload() async throws {
        let sandbox = try InProcessSandbox(version: .v2)
        let naming = try await sandbox.client.describeWorkspace().naming
        let bytes = UploadFixtures.bytes(count: 6 * 1024 * 1024)
        let hash = UploadFixtures.sha256Hex(bytes)
        let url = try UploadFixtures.file(named: "recording.mp4", bytes)
        let uploaded = try await sandbox.client.uploadFile(
            .file(url), filename: "recording.mp4", expected: ExpectedFile(size: bytes.count, sha256: hash),
            naming: naming)
        #expect(uploaded.flow == .directUpload)
        #expect(uploaded.size == bytes.count)
        let state = try await sandbox.client.get("_sandbox/state")
        let stored = state["files"]?.items.first { $0["name"]?.stringValue == "recording.mp4" }
        #expect(stored?["sha256"]?.stringValue == hash)
        #expect(stored?["mimeType"]?.stringValue == "video/mp4")
    }

    @Test("v1 uploads through uploadFile and yields a fullPath")
    func legacyUpload() async throws {
        let sandbox = try InProcessSandbox(version: .v1, batchMax: 60)
        let naming = try await sandbox.client.describeWorkspace().naming
        let bytes = Data("minutes of the meeting".utf8)
        let uploaded = try await sandbox.client.uploadFile(
            .bytes(bytes), filename: "minutes.txt", contentType: "text/plain", naming: naming)
        #expect(uploaded.flow == .legacyMultipart)
        guard case .fullPath(let path) = uploaded.reference else {
            Issue.record("expected a fullPath, got \(uploaded.reference)")
            return
        }
        #expect(path.hasPrefix("attachment/") && path.hasSuffix("/minutes.txt"))
        #expect(uploaded.attachmentValues == ["fullPath": .string(path)])
        let state = try await sandbox.client.get("_sandbox/state")
        #expect(state["files"]?.items.first?["sha256"]?.stringValue == UploadFixtures.sha256Hex(bytes))
    }

    @Test("a hash mismatch is refused before any request is sent, naming the file and both hashes")
    func hashMismatch() async throws {
        let sandbox = try InProcessSandbox(version: .v2)
        let naming = try await sandbox.client.describeWorkspace().naming
        let before = sandbox.client.requestsSent
        let bytes = Data("the real bytes".utf8)
        let wrong = String(repeating: "0", count: 64)
        let error = await #expect(throws: FileCheckError.self) {
            try await sandbox.client.uploadFile(
                .bytes(bytes), filename: "swapped.pdf", expected: ExpectedFile(sha256: wrong), naming: naming,
                fileFieldMetadataId: nil)
        }
        #expect(
            error == .hashMismatch(file: "swapped.pdf", expected: wrong, actual: UploadFixtures.sha256Hex(bytes)))
        #expect(error?.description.contains("swapped.pdf") == true)
        #expect(sandbox.client.requestsSent == before)
    }

    @Test("a size mismatch of a file on disk is refused before any request is sent")
    func sizeMismatch() async throws {
        let sandbox = try InProcessSandbox(version: .v2)
        let naming = try await sandbox.client.describeWorkspace().naming
        let before = sandbox.client.requestsSent
        let url = try UploadFixtures.file(named: "cut.pdf", Data("truncated".utf8))
        let error = await #expect(throws: FileCheckError.self) {
            try await sandbox.client.uploadFile(
                .file(url), filename: "cut.pdf", expected: ExpectedFile(size: 1000), naming: naming)
        }
        #expect(error == .sizeMismatch(file: "cut.pdf", expected: 1000, actual: 9))
        #expect(sandbox.client.requestsSent == before)
    }

    @Test("the sandbox's 413 for an oversized multipart upload is told as a sentence naming the file")
    func oversizedMultipart() async throws {
        let sandbox = try InProcessSandbox(version: .v2)
        let naming = try await sandbox.client.describeWorkspace().naming
        let error = await #expect(throws: TwentyError.self) {
            try await sandbox.client.uploadFile(
                .bytes(UploadFixtures.bytes(count: 6 * 1024 * 1024)), filename: "scan.tiff", naming: naming,
                options: UploadOptions(preferDirectUpload: false, multipartLimit: nil))
        }
        #expect(error?.status == 413)
        #expect(error?.attempts == 1)
        #expect(error?.summary.contains("scan.tiff (6291456 bytes) is larger than the workspace accepts") == true)
    }
}
