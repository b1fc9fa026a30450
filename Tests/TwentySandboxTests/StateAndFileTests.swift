import CanonicalJSON
import Foundation
import Testing

@testable import TwentySandbox

@Suite struct StateAndFileTests {
    @Test func theStateIsIdenticalAfterReopeningTheDirectory() async throws {
        let sandbox = try Sandbox()
        try await sandbox.send("POST", "/rest/batch/companies", json: #"[{"name":"A"},{"name":"B","employees":3}]"#)
        try await sandbox.send(
            "POST", "/_sandbox/seed",
            json: #"{"people":[{"emails":{"primaryEmail":"x@y.z"},"deletedAt":"2024-02-02T00:00:00Z"}]}"#)
        let before = try await sandbox.exchange("GET", "/_sandbox/state").body
        let digest = try await sandbox.send("GET", "/_sandbox/digest").body["digest"]
        let reopened = try sandbox.reopened()
        #expect(try await reopened.exchange("GET", "/_sandbox/state").body == before)
        #expect(try await reopened.send("GET", "/_sandbox/digest").body["digest"] == digest)
    }

    @Test func resetReturnsToAFreshWorkspace() async throws {
        let sandbox = try Sandbox()
        let fresh = try await sandbox.send("GET", "/_sandbox/digest").body
        try await sandbox.send("POST", "/rest/companies", json: #"{"name":"A"}"#)
        #expect(try await sandbox.send("GET", "/_sandbox/digest").body != fresh)
        try await sandbox.send("POST", "/_sandbox/reset")
        #expect(try await sandbox.send("GET", "/_sandbox/digest").body == fresh)
    }

    @Test func anUploadedFileIsAttachedAndDownloadedBack() async throws {
        let sandbox = try Sandbox()
        let objects = try await sandbox.send("GET", "/rest/metadata/objects").body["data", "objects"]!.array
        let attachment = try #require(objects.first { $0["nameSingular"] == "attachment" })
        let fileField = try #require(attachment["fields"]!.array.first { $0["name"] == "file" }?["id"]?.stringValue)
        let bytes = Array("%PDF-1.4 contract".utf8)
        let boundary = "sandbox-boundary"
        var body = Array(
            """
            --\(boundary)\r
            Content-Disposition: form-data; name="operations"\r
            \r
            {"query":"mutation($file:Upload!,$field:String!){uploadFilesFieldFile(file:$file,fieldMetadataId:$field){id url}}","variables":{"file":null,"fieldMetadataId":"\(fileField)"}}\r
            --\(boundary)\r
            Content-Disposition: form-data; name="map"\r
            \r
            {"0":["variables.file"]}\r
            --\(boundary)\r
            Content-Disposition: form-data; name="0"; filename="contract.pdf"\r
            Content-Type: application/pdf\r
            \r

            """.utf8)
        body += bytes + Array("\r\n--\(boundary)--\r\n".utf8)
        let upload = try await sandbox.exchange(
            "POST", "/metadata", body: body, headers: ["content-type": "multipart/form-data; boundary=\(boundary)"])
        let answer = try JSONParser.parse(upload.body)
        let fileId = try #require(answer["data", "uploadFilesFieldFile", "id"]?.stringValue, "\(answer)")

        let person = try await sandbox.send("POST", "/rest/people", json: "{}").body["data", "createPerson", "id"]!
            .stringValue!
        let created = try await sandbox.send(
            "POST", "/rest/attachments",
            json:
                #"{"name":"contract.pdf","file":[{"fileId":"\#(fileId)","label":"contract.pdf"}],"targetPersonId":"\#(person)"}"#
        )
        #expect(created.status == 201)
        let download = try await sandbox.exchange("GET", "/file/files-field/\(fileId)")
        #expect(download.status == 200)
        #expect(download.body == bytes)
        let state = try await sandbox.send("GET", "/_sandbox/state").body
        #expect(state["files", "0", "sha256"] == .string(Identifier.sha256Hex(bytes)))
    }

    @Test func anAttachmentCannotNameAFileThatWasNeverUploaded() async throws {
        let (status, _) = try await Sandbox().send(
            "POST", "/rest/attachments",
            json: #"{"file":[{"fileId":"44444444-4444-4444-8444-444444444444","label":"x"}]}"#)
        #expect(status == 400)
    }

    /// Opt-in throughput measurement: `SANDBOX_BENCH=1 swift test --filter batchCreateThroughput`.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["SANDBOX_BENCH"] == "1"))
    func batchCreateThroughput() async throws {
        let sandbox = try Sandbox()
        let batches = 200
        let bodies = (0..<batches).map { b in
            "["
                + (0..<60).map { i in
                    #"{"name":{"firstName":"P\#(b)","lastName":"L\#(i)"},"emails":{"primaryEmail":"p\#(b)-\#(i)@example.com"},"jobTitle":"Engineer","phones":{"primaryPhoneNumber":"+33 6 12 34 56 78"}}"#
                }.joined(separator: ",") + "]"
        }
        let start = Date()
        for body in bodies {
            let response = try await sandbox.exchange("POST", "/rest/batch/people", body: Array(body.utf8))
            #expect(response.status == 201)
        }
        let seconds = Date().timeIntervalSince(start)
        print("sandbox engine: \(Int(Double(batches * 60) / seconds)) people/s batch-created (\(batches) x 60)")
    }
}
