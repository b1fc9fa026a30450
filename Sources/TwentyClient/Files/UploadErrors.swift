import CanonicalJSON

/// A failed upload told in the words of the file: which file, how large, and what to do about it, rather than a
/// GraphQL message about `uploadFilesFieldFile`.
enum UploadErrors {
    static func named(_ error: TwentyError, file: String, size: Int, contentType: String) -> TwentyError {
        var error = error
        let text = error.messages.joined(separator: "; ")
        let lower = text.lowercased()
        let described = "\(file) (\(size) bytes)"
        if error.status == 413 || error.code == "PAYLOAD_TOO_LARGE" || lower.contains("exceeds")
            || lower.contains("too large")
        {
            error.kind = .badRequest
            error.summary =
                "\(described) is larger than the workspace accepts for this upload"
                + (text.isEmpty ? "" : " (\(text))") + "; it was not uploaded"
            return error
        }
        switch error.kind {
        case .quotaExhausted:
            error.summary =
                "the workspace's storage quota is exhausted: \(described) was not uploaded; free space or raise the "
                + "plan, then run again"
        case .forbidden:
            error.summary =
                "the API key's role lacks the UPLOAD_FILE permission (or the key was not sent): \(described) was "
                + "not uploaded; grant it in Twenty's role settings"
        case .unauthorized:
            error.summary = "the workspace refused the API key: \(described) was not uploaded"
        case .badRequest where lower.contains("type") || lower.contains("extension") || lower.contains("mime"):
            error.summary = "the workspace refuses \(described) as \(contentType): \(text)"
        default:
            error.summary = "\(described) was not uploaded: \(error.summary)"
        }
        return error
    }

    /// A file over the multipart cap on a server whose only upload is multipart: refused before sending.
    static func tooLargeForMultipart(file: String, size: Int, limit: Int, path: String) -> TwentyError {
        TwentyError(
            kind: .badRequest, method: "POST", path: path, status: 0, messages: [], code: "PAYLOAD_TOO_LARGE",
            summary:
                "\(file) is \(size) bytes, over the \(limit)-byte limit of the only upload this workspace offers "
                + "(multipart uploadFilesFieldFile; it has no createFileUpload): not uploaded", attempts: 0)
    }
}
