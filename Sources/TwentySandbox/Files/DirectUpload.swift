import CanonicalJSON

/// Twenty's newest file flow (TWENTY_API.md sections 6 and 11), beside the multipart one in `FileTransfer`:
///
/// 1. GraphQL on `POST /metadata`: `createFileUpload(filename, size, fileFolder, fieldMetadataId)` answers
///    `{fileId, uploadUrl, contentType, expiresAt}`;
/// 2. `PUT uploadUrl` with the bytes and that Content-Type answers 204 (the sandbox's URL is its own
///    `/file-upload/{fileId}`, as a server without S3 serves it; the id in it is the capability, like a presigned
///    URL's signature, so the server asks no API key for it);
/// 3. `completeFileUpload(fileId)` answers the stored file; from then on the id goes in an attachment's `file` field
///    like an `uploadFilesFieldFile` id.
///
/// Over HTTP the sandbox server's `--max-body-size` (10 MiB by default) still bounds a PUT, below Twenty's 1 GB.
/// Arguments are read from `variables` (top level or under `input`); a query with inline literals is refused with
/// a GraphQL error. v1 servers had no such mutations and answer as GraphQL does for an unknown field. The shapes
/// of the answers are the doc's; the error messages are the sandbox's own (UNCONFIRMED).
extension Workspace {
    /// Direct uploads go up to 1 GB on the newest settings.
    static let directUploadMaxBytes = 1_073_741_824
    /// How long an upload URL accepts bytes.
    static let uploadURLLifetimeSeconds = 3600

    func graphQLMetadata(_ request: SandboxRequest) throws -> SandboxResponse {
        let body = try jsonBody(request)
        guard let query = body["query"]?.stringValue else {
            return graphQLError("The request has no GraphQL query", code: "BAD_USER_INPUT")
        }
        let operation =
            query.contains("createFileUpload")
            ? "createFileUpload"
            : query.contains("completeFileUpload") ? "completeFileUpload" : nil
        guard let operation else {
            return graphQLError("The sandbox's /metadata endpoint only answers file uploads", code: "BAD_USER_INPUT")
        }
        guard version == .v2 else {
            return graphQLError(
                "Cannot query field \"\(operation)\" on type \"Mutation\".", code: "GRAPHQL_VALIDATION_FAILED")
        }
        var arguments = body["variables"]?.objectValue ?? [:]
        if let input = arguments["input"]?.objectValue { arguments.merge(input) { outer, _ in outer } }
        return operation == "createFileUpload"
            ? try createFileUpload(arguments, origin: request.headers["host"].map { "http://\($0)" } ?? "")
            : try completeFileUpload(arguments, origin: request.headers["host"].map { "http://\($0)" } ?? "")
    }

    private func createFileUpload(_ arguments: [String: JSONValue], origin: String) throws -> SandboxResponse {
        guard let filename = arguments["filename"]?.stringValue, !filename.isEmpty else {
            return graphQLError("createFileUpload needs a filename", code: "BAD_USER_INPUT")
        }
        guard let size = Self.wholeNumber(arguments["size"]), size >= 0 else {
            return graphQLError("createFileUpload needs the size in bytes", code: "BAD_USER_INPUT")
        }
        guard size <= Self.directUploadMaxBytes else {
            return graphQLError(
                "The file is \(size) bytes; direct uploads take at most \(Self.directUploadMaxBytes)",
                code: "BAD_USER_INPUT")
        }
        var fieldId: String?
        if let id = arguments["fieldMetadataId"]?.stringValue {
            guard let (_, field) = schema.field(id: id.lowercased()), field.type == .files else {
                return graphQLError(
                    "fieldMetadataId must be the id of a FILES field (attachment.file)", code: "BAD_USER_INPUT")
            }
            fieldId = field.id
        }
        let now = Timestamp.now()
        let upload = PendingUploads.Upload(
            id: Identifier.random(), fieldMetadataId: fieldId, name: filename,
            contentType: MediaType.of(filename: filename), size: size,
            expiresAt: now.seconds + Self.uploadURLLifetimeSeconds, bytes: nil)
        try store.transaction { try PendingUploads(database: database).insert(upload) }
        let expiresAt = Timestamp(seconds: upload.expiresAt, milliseconds: now.milliseconds)
        return .json(
            200,
            [
                "data": [
                    "createFileUpload": [
                        "fileId": .string(upload.id), "uploadUrl": .string("\(origin)/file-upload/\(upload.id)"),
                        "contentType": .string(upload.contentType), "expiresAt": .string(expiresAt.iso8601),
                    ]
                ]
            ])
    }

    /// `PUT /file-upload/{fileId}`: the announced size, the announced Content-Type, before expiry; 204 with no body.
    func putFileUpload(_ request: SandboxRequest, _ path: [String]) throws -> SandboxResponse {
        guard request.method == "PUT", path.count == 1, Identifier.isUUID(path[0]) else {
            throw SandboxError.notFound("Cannot \(request.method) \(request.path)")
        }
        let uploads = PendingUploads(database: database)
        guard let upload = try uploads.upload(id: path[0]) else { throw SandboxError.notFound("No such upload") }
        guard Timestamp.now().seconds < upload.expiresAt else {
            throw SandboxError.forbidden("The upload URL expired at \(upload.expiresAt); ask for a new one")
        }
        let sentType = request.headers["content-type"]?.split(separator: ";").first.map { String($0).trimmedWhitespace }
        guard sentType == upload.contentType else {
            throw SandboxError.badRequest(
                "The upload was announced as \(upload.contentType) but sent as \(sentType ?? "no Content-Type")")
        }
        guard request.body.count == upload.size else {
            throw SandboxError.badRequest(
                "The upload was announced as \(upload.size) bytes but \(request.body.count) were sent")
        }
        try store.transaction { try uploads.storeBytes(request.body, id: upload.id) }
        return SandboxResponse(status: 204, body: [])
    }

    private static func wholeNumber(_ value: JSONValue?) -> Int? {
        switch value {
        case .integer(let number)?: Int(exactly: number)
        case .number(let number)? where number.rounded() == number: Int(exactly: number)
        default: nil
        }
    }

    private func completeFileUpload(_ arguments: [String: JSONValue], origin: String) throws -> SandboxResponse {
        guard let id = arguments["fileId"]?.stringValue, Identifier.isUUID(id) else {
            return graphQLError("completeFileUpload needs the fileId createFileUpload gave", code: "BAD_USER_INPUT")
        }
        let uploads = PendingUploads(database: database)
        guard let upload = try uploads.upload(id: id) else {
            return graphQLError("No upload \(id) is waiting to be completed", code: "NOT_FOUND")
        }
        guard let bytes = upload.bytes else {
            return graphQLError("The bytes of upload \(id) were never PUT to its upload URL", code: "BAD_USER_INPUT")
        }
        let stored = FileStore.StoredFile(
            id: upload.id, fieldMetadataId: upload.fieldMetadataId, name: upload.name, mimeType: upload.contentType,
            size: bytes.count, sha256: Identifier.sha256Hex(bytes), createdAt: now())
        try store.transaction {
            try FileStore(database: database).insert(stored, bytes: bytes)
            try uploads.remove(id: upload.id)
        }
        return .json(200, ["data": ["completeFileUpload": stored.answer(origin: origin)]])
    }
}
