import CanonicalJSON
import Foundation

/// Twenty's newest flow (TWENTY_API.md section 11): announce the file with `createFileUpload`, `PUT` its bytes to
/// the answered URL with the answered Content-Type (streamed from disk), then `completeFileUpload`. Each step goes
/// through the client's retries: a retried `createFileUpload` whose answer was lost only leaves an unused upload, and
/// a PUT of the same bytes to the same URL is idempotent.
extension TwentyClient {
    func directUpload(
        _ source: UploadSource, filename: String, size: Int, fieldMetadataId: String, fileFolder: String
    ) async throws -> UploadedFile {
        let created = try await metadataMutation(
            "createFileUpload",
            query: """
                mutation CreateFileUpload($filename: String!, $size: Int!, $fileFolder: FileFolder!, \
                $fieldMetadataId: String) {
                  createFileUpload(filename: $filename, size: $size, fileFolder: $fileFolder, \
                fieldMetadataId: $fieldMetadataId) { fileId uploadUrl contentType expiresAt }
                }
                """,
            variables: [
                "filename": .string(filename), "size": .integer(Int64(size)), "fileFolder": .string(fileFolder),
                "fieldMetadataId": .string(fieldMetadataId),
            ])
        guard let fileId = created["fileId"]?.stringValue, let uploadURL = created["uploadUrl"]?.stringValue,
            let target = URL(string: uploadURL, relativeTo: connection.baseURL)?.absoluteURL
        else {
            throw TwentyError(
                kind: .unreadable, method: "POST", path: "metadata", status: 200, messages: [],
                summary: "the answer to createFileUpload has no fileId or uploadUrl")
        }
        // The PUT must carry the Content-Type the upload was announced with (a presigned URL signs it).
        let contentType = created["contentType"]?.stringValue ?? "application/octet-stream"
        try await putBytes(source, size: size, to: target, contentType: contentType)
        let completed = try await metadataMutation(
            "completeFileUpload",
            query: "mutation CompleteFileUpload($fileId: String!) { completeFileUpload(fileId: $fileId) { id } }",
            variables: ["fileId": .string(fileId)])
        return UploadedFile(
            filename: filename, size: size, flow: .directUpload,
            reference: .filesField(fileId: completed["id"]?.stringValue ?? fileId, label: filename))
    }

    private func putBytes(_ source: UploadSource, size: Int, to url: URL, contentType: String) async throws {
        var headers = ["Content-Type": contentType]
        // The key goes only to the workspace's own upload route, never to a storage host behind a presigned URL.
        if url.host == connection.baseURL.host, url.port == connection.baseURL.port {
            headers["Authorization"] = "Bearer \(connection.apiKey.secret)"
        }
        let (body, file) = source.putBody(size: size)
        let request = HTTPRequest(method: "PUT", url: url, headers: headers, body: body, bodyFile: file)
        // Errors name the URL's path only: a presigned URL's query is its signature.
        _ = try await deliver(request, path: url.path, paced: false)
    }

    /// A GraphQL mutation on `/metadata` with JSON variables, and its `data.<name>`.
    func metadataMutation(_ name: String, query: String, variables: JSONValue) async throws -> JSONValue {
        let reply = try await send("POST", "metadata", body: ["query": .string(query), "variables": variables])
        return try GraphQLAnswer.field(name, in: reply.json, status: reply.status)
    }
}
