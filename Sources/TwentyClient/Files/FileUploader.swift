import Foundation

extension TwentyClient {
    /// Moves one attachment's bytes into the workspace and says what its attachment record must hold.
    ///
    /// The bytes are checked against `expected` first (nothing is sent for a file that is not what the export
    /// says). Then the flow follows the workspace's naming: with the `file` FILES field (v2), the direct upload
    /// (`createFileUpload`, PUT, `completeFileUpload`) unless `options` say otherwise, falling back to multipart
    /// `uploadFilesFieldFile` when the server does not know the mutation; with `fullPath` (v1), multipart
    /// `uploadFile`. A client remembers a server without the direct upload and stops asking. Uploads are not paced
    /// (Twenty throttles record calls only) but are retried on 5xx and network failures. Failures are
    /// ``FileCheckError`` (before sending) or ``TwentyError`` sentences naming the file.
    ///
    /// - Parameters:
    ///   - contentType: sent with a multipart upload (default `application/octet-stream`); the direct upload uses
    ///     the type the server announces for the file name.
    ///   - fileFieldMetadataId: the id of `attachment.file`; looked up (one metadata read) when nil on v2.
    public func uploadFile(
        _ source: UploadSource, filename: String, contentType: String? = nil, expected: ExpectedFile = ExpectedFile(),
        naming: VersionNaming, fileFieldMetadataId: String? = nil, options: UploadOptions = UploadOptions()
    ) async throws -> UploadedFile {
        let size = try FileCheck.verify(source, filename: filename, expected: expected)
        let type = contentType ?? "application/octet-stream"
        switch naming.attachmentFileField {
        case "file"?:
            var fieldId = fileFieldMetadataId ?? ""
            if fileFieldMetadataId == nil { fieldId = try await attachmentFileFieldId() }
            if options.preferDirectUpload, !uploadFlows.lacksDirectUpload {
                do {
                    return try await directUpload(
                        source, filename: filename, size: size, fieldMetadataId: fieldId,
                        fileFolder: options.fileFolder)
                } catch let error as TwentyError where GraphQLAnswer.isUnknownOperation(error) {
                    // A server before the direct upload: multipart is all it has, for this file and the next.
                    uploadFlows.lacksDirectUpload = true
                } catch let error as TwentyError {
                    throw UploadErrors.named(error, file: filename, size: size, contentType: type)
                }
            }
            if let limit = options.multipartLimit, size > limit {
                throw UploadErrors.tooLargeForMultipart(file: filename, size: size, limit: limit, path: "metadata")
            }
            return try await named(filename, size: size, contentType: type) {
                try await uploadFilesFieldFile(
                    source, filename: filename, contentType: type, size: size, fieldMetadataId: fieldId)
            }
        case "fullPath"?:
            return try await named(filename, size: size, contentType: type) {
                try await uploadLegacyFile(
                    source, filename: filename, contentType: type, size: size, fileFolder: options.fileFolder)
            }
        default:
            throw TwentyError(
                kind: .notFound, method: "POST", path: "metadata", status: 0, messages: [],
                summary: "the workspace has no attachment object with a file or fullPath field: \(filename) cannot "
                    + "be attached", attempts: 0)
        }
    }

    private func named(
        _ filename: String, size: Int, contentType: String, _ upload: () async throws -> UploadedFile
    ) async throws -> UploadedFile {
        do { return try await upload() } catch let error as TwentyError {
            throw UploadErrors.named(error, file: filename, size: size, contentType: contentType)
        }
    }
}
