import CanonicalJSON
import Foundation

extension TwentyClient {
    /// Multipart `uploadFilesFieldFile(file, fieldMetadataId)` (v1.18 on): the file id for the `file` field.
    func uploadFilesFieldFile(
        _ source: UploadSource, filename: String, contentType: String, size: Int, fieldMetadataId: String
    ) async throws -> UploadedFile {
        let operations: JSONValue = [
            "query": """
            mutation UploadFilesFieldFile($file: Upload!, $fieldMetadataId: String!) {
              uploadFilesFieldFile(file: $file, fieldMetadataId: $fieldMetadataId) { id path size createdAt url }
            }
            """,
            "variables": ["file": .null, "fieldMetadataId": .string(fieldMetadataId)],
        ]
        let answer = try await postMultipart(
            operations, field: "uploadFilesFieldFile", source: source, filename: filename, contentType: contentType)
        guard let id = answer["id"]?.stringValue else {
            throw TwentyError(
                kind: .unreadable, method: "POST", path: "metadata", status: 200, messages: [],
                summary: "the answer to uploadFilesFieldFile has no file id")
        }
        return UploadedFile(
            filename: filename, size: size, flow: .filesFieldMultipart,
            reference: .filesField(fileId: id, label: filename))
    }

    /// Multipart `uploadFile(file, fileFolder)` (v1): the path for the attachment's `fullPath`.
    func uploadLegacyFile(
        _ source: UploadSource, filename: String, contentType: String, size: Int, fileFolder: String
    ) async throws -> UploadedFile {
        let operations: JSONValue = [
            "query": """
            mutation UploadFile($file: Upload!, $fileFolder: FileFolder) {
              uploadFile(file: $file, fileFolder: $fileFolder) { path token }
            }
            """,
            "variables": ["file": .null, "fileFolder": .string(fileFolder)],
        ]
        let answer = try await postMultipart(
            operations, field: "uploadFile", source: source, filename: filename, contentType: contentType)
        // Some v1 servers answer the path as a bare string rather than `{path, token}` (UNCONFIRMED which).
        guard let path = answer["path"]?.stringValue ?? answer.stringValue else {
            throw TwentyError(
                kind: .unreadable, method: "POST", path: "metadata", status: 200, messages: [],
                summary: "the answer to uploadFile has no path")
        }
        return UploadedFile(filename: filename, size: size, flow: .legacyMultipart, reference: .fullPath(path))
    }

    private func postMultipart(
        _ operations: JSONValue, field: String, source: UploadSource, filename: String, contentType: String
    ) async throws -> JSONValue {
        guard let url = connection.url("metadata") else {
            throw TwentyError(
                kind: .badRequest, method: "POST", path: "metadata", status: 0, messages: [],
                summary: "metadata is not a path under the workspace URL")
        }
        let boundary = MultipartBody.boundary()
        let body = try MultipartBody.make(
            operations: operations, source: source, filename: filename, contentType: contentType,
            boundary: boundary)
        let request = HTTPRequest(
            method: "POST", url: url,
            headers: [
                "Authorization": "Bearer \(connection.apiKey.secret)", "Accept": "application/json",
                "Content-Type": "multipart/form-data; boundary=\(boundary)",
                // Apollo-style servers refuse a multipart request without it as a CSRF guard (UNCONFIRMED for Twenty).
                "Apollo-Require-Preflight": "true",
            ],
            body: body)
        let response = try await deliver(request, path: "metadata", paced: false)
        let json = try JSONValue(parsing: response.body)
        return try GraphQLAnswer.field(field, in: json, status: response.status)
    }
}
