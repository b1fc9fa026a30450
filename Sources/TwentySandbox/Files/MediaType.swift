/// The Content-Type a direct upload is announced with, from the file name's extension: the PUT must carry the
/// same one, as a presigned URL signs it.
enum MediaType {
    private static let byExtension: [String: String] = [
        "pdf": "application/pdf", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
        "webp": "image/webp", "svg": "image/svg+xml", "txt": "text/plain", "csv": "text/csv", "html": "text/html",
        "json": "application/json", "zip": "application/zip", "mp3": "audio/mpeg", "mp4": "video/mp4",
        "doc": "application/msword",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls": "application/vnd.ms-excel",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "ppt": "application/vnd.ms-powerpoint",
        "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "eml": "message/rfc822",
    ]

    static func of(filename: String) -> String {
        guard let dot = filename.lastIndex(of: "."), dot != filename.startIndex else {
            return "application/octet-stream"
        }
        return byExtension[filename[filename.index(after: dot)...].lowercased()] ?? "application/octet-stream"
    }
}
