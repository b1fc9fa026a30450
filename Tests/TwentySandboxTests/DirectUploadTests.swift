import CanonicalJSON
import Testing

@testable import TwentySandbox

@Suite struct DirectUploadTests {
    func fileFieldId(_ sandbox: Sandbox) async throws -> String {
        let objects = try await sandbox.send("GET", "/rest/metadata/objects").body["data", "objects"]!.array
        let attachment = try #require(objects.first { $0["nameSingular"] == "attachment" })
        return try #require(attachment["fields"]!.array.first { $0["name"] == "file" }?["id"]?.stringValue)
    }

    func createUpload(_ sandbox: Sandbox, filename: String, size: Int, field: String) async throws -> JSONValue {
        let (status, body) = try await sandbox.send(
            "POST", "/metadata",
            json:
                #"{"query":"mutation($filename:String!,$size:Int!,$fileFolder:FileFolder!,$fieldMetadataId:String){createFileUpload(filename:$filename,size:$size,fileFolder:$fileFolder,fieldMetadataId:$fieldMetadataId){fileId uploadUrl contentType expiresAt}}","variables":{"filename":"\#(filename)","size":\#(size),"fileFolder":"Attachment","fieldMetadataId":"\#(field)"}}"#
        )
        #expect(status == 200)
        return try #require(body["data", "createFileUpload"], "\(body)")
    }

    func complete(_ sandbox: Sandbox, _ fileId: String) async throws -> JSONValue {
        try await sandbox.send(
            "POST", "/metadata",
            json:
                #"{"query":"mutation($fileId:String!){completeFileUpload(fileId:$fileId){id}}","variables":{"fileId":"\#(fileId)"}}"#
        ).body
    }

    @Test func aDirectUploadIsAnnouncedPutCompletedAndAttached() async throws {
        let sandbox = try Sandbox()
        let bytes = Array("%PDF-1.4 signed contract".utf8)
        let upload = try await createUpload(
            sandbox, filename: "contract.pdf", size: bytes.count, field: try await fileFieldId(sandbox))
        #expect(upload["contentType"] == "application/pdf")
        #expect(upload["expiresAt"]?.stringValue?.hasSuffix("Z") == true)
        let fileId = try #require(upload["fileId"]?.stringValue)
        #expect(upload["uploadUrl"]?.stringValue?.hasSuffix("/file-upload/\(fileId)") == true)

        let put = try await sandbox.exchange(
            "PUT", "/file-upload/\(fileId)", body: bytes, headers: ["content-type": "application/pdf"])
        #expect(put.status == 204)
        #expect(put.body.isEmpty)
        let completed = try await complete(sandbox, fileId)
        #expect(completed["data", "completeFileUpload", "id"] == .string(fileId))

        let person = try await sandbox.send("POST", "/rest/people", json: "{}").body["data", "createPerson", "id"]!
            .stringValue!
        let attachment = try await sandbox.send(
            "POST", "/rest/attachments",
            json:
                #"{"name":"contract.pdf","file":[{"fileId":"\#(fileId)","label":"contract.pdf"}],"targetPersonId":"\#(person)"}"#
        )
        #expect(attachment.status == 201)
        #expect(try await sandbox.exchange("GET", "/file/files-field/\(fileId)").body == bytes)
    }

    @Test func anUploadNotYetCompletedCannotBeAttached() async throws {
        let sandbox = try Sandbox()
        let upload = try await createUpload(sandbox, filename: "a.txt", size: 1, field: try await fileFieldId(sandbox))
        let fileId = try #require(upload["fileId"]?.stringValue)
        _ = try await sandbox.exchange(
            "PUT", "/file-upload/\(fileId)", body: [65], headers: ["content-type": "text/plain"])
        let (status, _) = try await sandbox.send(
            "POST", "/rest/attachments", json: #"{"file":[{"fileId":"\#(fileId)","label":"a.txt"}]}"#)
        #expect(status == 400)
    }

    @Test func completingBeforeTheBytesArePutIsAGraphQLError() async throws {
        let sandbox = try Sandbox()
        let upload = try await createUpload(sandbox, filename: "a.txt", size: 1, field: try await fileFieldId(sandbox))
        let completed = try await complete(sandbox, try #require(upload["fileId"]?.stringValue))
        #expect(completed["errors", "0", "message"]?.stringValue?.contains("never PUT") == true)
    }

    @Test func aPutWithAnotherSizeOrContentTypeIsRefused() async throws {
        let sandbox = try Sandbox()
        let upload = try await createUpload(sandbox, filename: "a.txt", size: 3, field: try await fileFieldId(sandbox))
        let fileId = try #require(upload["fileId"]?.stringValue)
        let wrongSize = try await sandbox.exchange(
            "PUT", "/file-upload/\(fileId)", body: [65], headers: ["content-type": "text/plain"])
        #expect(wrongSize.status == 400)
        let wrongType = try await sandbox.exchange(
            "PUT", "/file-upload/\(fileId)", body: [65, 66, 67], headers: ["content-type": "image/png"])
        #expect(wrongType.status == 400)
    }

    @Test func aV1WorkspaceKnowsNoDirectUpload() async throws {
        let (status, body) = try await Sandbox(version: .v1).send(
            "POST", "/metadata",
            json: #"{"query":"mutation{createFileUpload(filename:\"a.txt\",size:1,fileFolder:Attachment){fileId}}"}"#)
        #expect(status == 200)
        #expect(body["errors", "0", "extensions", "code"] == "GRAPHQL_VALIDATION_FAILED")
    }

    @Test func theMultipartUploadRefusesAFileOver5MBOnV2() async throws {
        let sandbox = try Sandbox()
        let field = try await fileFieldId(sandbox)
        let tooLarge = try await multipartUpload(
            sandbox, field: field, bytes: [UInt8](repeating: 65, count: Workspace.multipartMaxBytes + 1))
        #expect(tooLarge.status == 413)
        let fits = try await multipartUpload(sandbox, field: field, bytes: [UInt8](repeating: 65, count: 1024))
        #expect(fits.status == 200)
        #expect(try JSONParser.parse(fits.body)["data", "uploadFilesFieldFile", "id"] != nil)
    }

    func multipartUpload(_ sandbox: Sandbox, field: String, bytes: [UInt8]) async throws -> SandboxResponse {
        let boundary = "sandbox-boundary"
        var body = Array(
            """
            --\(boundary)\r
            Content-Disposition: form-data; name="operations"\r
            \r
            {"query":"mutation($file:Upload!,$field:String!){uploadFilesFieldFile(file:$file,fieldMetadataId:$field){id}}","variables":{"file":null,"fieldMetadataId":"\(field)"}}\r
            --\(boundary)\r
            Content-Disposition: form-data; name="0"; filename="big.txt"\r
            Content-Type: text/plain\r
            \r

            """.utf8)
        body += bytes + Array("\r\n--\(boundary)--\r\n".utf8)
        return try await sandbox.exchange(
            "POST", "/metadata", body: body, headers: ["content-type": "multipart/form-data; boundary=\(boundary)"])
    }
}
