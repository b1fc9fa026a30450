import CanonicalJSON

/// File upload and download.
///
/// Upload is Twenty's real call: a GraphQL multipart request (`operations`, `map`, one file part) to
/// `POST /metadata` running `uploadFilesFieldFile(file: Upload!, fieldMetadataId: String!)` (v1.18+, resolver in
/// `S/engine/core-modules/file/files-field/resolvers/files-field.resolver.ts`) answering
/// `{"data":{"uploadFilesFieldFile":{"id","path","size","createdAt","url"}}}`; the older `uploadFile(file,
/// fileFolder)` answers `{"data":{"uploadFile":{"path","token"}}}` for v1 attachments' `fullPath`. GraphQL
/// errors come back as HTTP 200 with `{"errors":[{"message","extensions":{"code"}}]}`.
///
/// The multipart upload is capped at `multipartMaxBytes` (5 MB, Twenty's newest setting; TWENTY_API.md section 11)
/// and answers 413 beyond, as graphql-upload refuses a file over its `maxFileSize` ("File truncated as it exceeds
/// the N byte size limit."; the exact body Twenty sends is UNCONFIRMED). v1 servers had only `uploadFile`; the
/// newest direct-upload flow is in `DirectUpload`.
///
/// Download (the sandbox's own shape, in place of Twenty's signed URLs): `GET /file/files-field/{fileId}` for a
/// FILES upload, `GET /files/{path}` for a v1 path; the bytes come back with the content type sent at upload.
extension Workspace {
    static let multipartMaxBytes = 5 * 1024 * 1024

    func uploadFile(_ request: SandboxRequest) throws -> SandboxResponse {
        let form = try MultipartForm(body: request.body, contentType: request.headers["content-type"] ?? "")
        guard let operations = form.part(named: "operations"), let parsed = try? JSONParser.parse(operations.bytes),
            let query = parsed["query"]?.stringValue
        else { return graphQLError("The multipart request has no valid operations part", code: "BAD_USER_INPUT") }
        // `map` names the part holding `variables.file`; without it, take the first part with a file name.
        var filePart = form.parts.first { $0.filename != nil }
        if let map = form.part(named: "map"), case .object(let entries)? = try? JSONParser.parse(map.bytes),
            let name = entries.first(where: { $0.value.canonicalText.contains("variables.file") })?.key
        {
            filePart = form.part(named: name) ?? filePart
        }
        guard let file = filePart else { return graphQLError("No file was sent", code: "BAD_USER_INPUT") }
        let variables = parsed["variables"]
        let isFilesField = query.contains("uploadFilesFieldFile")
        var fieldId: String?
        if isFilesField {
            guard version == .v2 else {
                return graphQLError(
                    "Cannot query field \"uploadFilesFieldFile\" on type \"Mutation\".",
                    code: "GRAPHQL_VALIDATION_FAILED")
            }
            guard file.bytes.count <= Self.multipartMaxBytes else {
                return .json(
                    413,
                    [
                        "errors": [
                            [
                                "message": .string(
                                    "File truncated as it exceeds the \(Self.multipartMaxBytes) byte size limit."),
                                "extensions": ["code": "PAYLOAD_TOO_LARGE"],
                            ]
                        ]
                    ])
            }
            guard let id = variables?["fieldMetadataId"]?.stringValue,
                let (_, field) = schema.field(id: id.lowercased()),
                field.type == .files
            else {
                return graphQLError(
                    "fieldMetadataId must be the id of a FILES field (attachment.file)", code: "BAD_USER_INPUT")
            }
            fieldId = field.id
        } else if !query.contains("uploadFile") {
            return graphQLError("The sandbox's /metadata endpoint only answers file uploads", code: "BAD_USER_INPUT")
        }
        let id = Identifier.random()
        let name = file.filename ?? "file"
        let stored = FileStore.StoredFile(
            id: id, fieldMetadataId: fieldId, name: name, mimeType: file.contentType ?? "application/octet-stream",
            size: file.bytes.count, sha256: Identifier.sha256Hex(file.bytes), createdAt: now())
        try store.transaction { try FileStore(database: database).insert(stored, bytes: file.bytes) }
        let origin = request.headers["host"].map { "http://\($0)" } ?? ""
        if isFilesField {
            return .json(200, ["data": ["uploadFilesFieldFile": stored.answer(origin: origin)]])
        }
        let folder = variables?["fileFolder"]?.stringValue ?? "Attachment"
        return .json(
            200,
            ["data": ["uploadFile": ["path": .string("\(folder.lowercased())/\(id)/\(name)"), "token": "sandbox"]]])
    }

    func downloadFile(_ request: SandboxRequest, _ path: [String]) throws -> SandboxResponse {
        guard request.method == "GET" else { throw SandboxError.notFound("Cannot \(request.method) \(request.path)") }
        let id = path.first { Identifier.isUUID($0) }
        guard let id, let (file, bytes) = try FileStore(database: database).content(id: id) else {
            throw SandboxError.notFound("File not found")
        }
        return SandboxResponse(
            status: 200,
            headers: [
                ("content-type", file.mimeType), ("content-disposition", "attachment; filename=\"\(file.name)\""),
            ],
            body: bytes)
    }

    func graphQLError(_ message: String, code: String) -> SandboxResponse {
        .json(200, ["data": .null, "errors": [["message": .string(message), "extensions": ["code": .string(code)]]]])
    }
}
