import CanonicalJSON
import Foundation
import Testing
import TwentyModel

@testable import TwentyClient

/// The choices between flows and the error sentences, against scripted answers (what the sandbox does not play).
@Suite("File upload flows")
struct FileUploadFlowTests {
    let v2 = VersionNaming(targetJoin: .targetPrefixed, attachmentFileField: "file", richTextType: "RICH_TEXT")
    let unknownMutation =
        #"{"errors":[{"message":"Cannot query field \"createFileUpload\" on type \"Mutation\".","#
        + #""extensions":{"code":"GRAPHQL_VALIDATION_FAILED"}}]}"#

    @Test("a server without createFileUpload gets the file through multipart uploadFilesFieldFile")
    func fallsBackToMultipart() async throws {
        let transport = ScriptedTransport([
            .answer(200, body: unknownMutation),
            .answer(200, body: #"{"data":{"uploadFilesFieldFile":{"id":"f-1","path":"files-field/f-1"}}}"#),
        ])
        let client = try scriptedClient(transport)
        let uploaded = try await client.uploadFile(
            .bytes(Data("hello".utf8)), filename: "hello.txt", contentType: "text/plain", naming: v2,
            fileFieldMetadataId: "field-1")
        #expect(uploaded.flow == .filesFieldMultipart)
        #expect(uploaded.attachmentValues == ["file": [["fileId": "f-1", "label": "hello.txt"]]])
        let multipart = try #require(transport.requests.last)
        #expect(multipart.headers["Content-Type"]?.hasPrefix("multipart/form-data; boundary=") == true)
        let body = String(decoding: multipart.body ?? Data(), as: UTF8.self)
        #expect(body.contains(#"{"0":["variables.file"]}"#))
        #expect(body.contains(#""fieldMetadataId":"field-1""#))
        #expect(body.contains("filename=\"hello.txt\"\r\nContent-Type: text/plain\r\n\r\nhello\r\n"))
    }

    @Test("once the server said it has no createFileUpload, the next file goes straight to multipart")
    func remembersMissingDirectUpload() async throws {
        let answer = #"{"data":{"uploadFilesFieldFile":{"id":"f-1"}}}"#
        let transport = ScriptedTransport([
            .answer(200, body: unknownMutation), .answer(200, body: answer), .answer(200, body: answer),
        ])
        let client = try scriptedClient(transport)
        for name in ["a.txt", "b.txt"] {
            let uploaded = try await client.uploadFile(
                .bytes(Data("x".utf8)), filename: name, naming: v2, fileFieldMetadataId: "field-1")
            #expect(uploaded.flow == .filesFieldMultipart)
        }
        #expect(transport.requests.count == 3)
    }

    @Test("a file over the multipart cap is refused when the server offers only multipart")
    func refusesOverCapWithoutDirectUpload() async throws {
        let transport = ScriptedTransport([.answer(200, body: unknownMutation)])
        let client = try scriptedClient(transport)
        let error = await #expect(throws: TwentyError.self) {
            try await client.uploadFile(
                .bytes(UploadFixtures.bytes(count: 6 * 1024 * 1024)), filename: "big.zip", naming: v2,
                fileFieldMetadataId: "field-1")
        }
        #expect(error?.summary.contains("big.zip is 6291456 bytes, over the 5242880-byte limit") == true)
        #expect(transport.requests.count == 1)
    }

    @Test("the PUT to a storage URL is retried after a 503, carries no API key and the announced type")
    func putIsRetriedWithoutKey() async throws {
        let upload = "https://storage.example/bucket/f-2?X-Amz-Signature=secret"
        let transport = ScriptedTransport([
            .answer(
                200,
                body:
                    #"{"data":{"createFileUpload":{"fileId":"f-2","uploadUrl":"\#(upload)","contentType":"application/pdf"}}}"#
            ),
            .answer(503),
            .answer(204, body: ""),
            .answer(200, body: #"{"data":{"completeFileUpload":{"id":"f-2"}}}"#),
        ])
        let client = try scriptedClient(transport)
        let uploaded = try await client.uploadFile(
            .bytes(Data("%PDF".utf8)), filename: "a.pdf", naming: v2, fileFieldMetadataId: "field-1")
        #expect(uploaded.flow == .directUpload)
        #expect(uploaded.reference == .filesField(fileId: "f-2", label: "a.pdf"))
        let requests = transport.requests
        #expect(requests.map(\.method) == ["POST", "PUT", "PUT", "POST"])
        #expect(requests[1].url.absoluteString == upload)
        #expect(requests[1].headers["Authorization"] == nil)
        #expect(requests[1].headers["Content-Type"] == "application/pdf")
        #expect(requests[2].body == Data("%PDF".utf8))
        #expect(client.requestsSent == 4)
    }

    @Test("a key without the UPLOAD_FILE permission is told as a sentence naming the file")
    func forbidden() async throws {
        let transport = ScriptedTransport([
            .answer(200, body: #"{"errors":[{"message":"Forbidden resource","extensions":{"code":"FORBIDDEN"}}]}"#)
        ])
        let client = try scriptedClient(transport)
        let error = await #expect(throws: TwentyError.self) {
            try await client.uploadFile(
                .bytes(Data("x".utf8)), filename: "x.txt", naming: v2, fileFieldMetadataId: "field-1")
        }
        #expect(error?.kind == .forbidden)
        #expect(error?.summary.contains("UPLOAD_FILE") == true)
        #expect(error?.summary.contains("x.txt (1 bytes)") == true)
    }

    @Test("an exhausted storage quota is told as a sentence naming the file, without retrying")
    func quotaExhausted() async throws {
        let transport = ScriptedTransport([
            .answer(402, body: #"{"statusCode":402,"error":"QUOTA_EXHAUSTED","messages":["Storage limit reached"]}"#)
        ])
        let client = try scriptedClient(transport)
        let error = await #expect(throws: TwentyError.self) {
            try await client.uploadFile(
                .bytes(Data("x".utf8)), filename: "x.txt", naming: v2, fileFieldMetadataId: "field-1")
        }
        #expect(error?.kind == .quotaExhausted)
        #expect(error?.summary.contains("storage quota is exhausted: x.txt (1 bytes) was not uploaded") == true)
        #expect(transport.requests.count == 1)
    }

    @Test("a refused file type is told as a sentence naming the file and its type")
    func refusedType() async throws {
        let transport = ScriptedTransport([
            .answer(
                200,
                body: #"{"errors":[{"message":"File type not allowed","extensions":{"code":"BAD_USER_INPUT"}}]}"#)
        ])
        let client = try scriptedClient(transport)
        let error = await #expect(throws: TwentyError.self) {
            try await client.uploadFile(
                .bytes(Data("MZ".utf8)), filename: "setup.exe", contentType: "application/x-msdownload",
                naming: v2, fileFieldMetadataId: "field-1")
        }
        #expect(
            error?.summary
                == "the workspace refuses setup.exe (2 bytes) as application/x-msdownload: File type not allowed")
    }

    @Test("metadata and upload calls are not paced; record calls are")
    func pacing() {
        #expect(!TwentyClient.isPaced("metadata"))
        #expect(!TwentyClient.isPaced("file-upload/f-1"))
        #expect(TwentyClient.isPaced("rest/attachments"))
        #expect(TwentyClient.isPaced("graphql"))
    }
}
