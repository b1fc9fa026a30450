import AllegoryExport
import FieldMap

/// Which raw columns of an attachments file give the expected size, hash and type of each file. The map leaves them
/// out (Twenty has no field for them); the attachment step checks the bytes against them before uploading.
struct AttachmentColumns {
    var size: String?
    var sha256: String?
    var contentType: String?

    /// Read from the headers (`Size`, `File Size`, `Bytes`, `SHA256`, `Checksum`, `MIME Type`, `Content-Type`),
    /// compared as letters and digits only, in any case.
    init(headers: [String]) {
        for header in headers {
            let name = HeaderName.normalize(header)
            if size == nil, name.hasSuffix("size") || name.contains("bytes") { size = header }
            if sha256 == nil, name.contains("sha256") || name.contains("checksum") || name.hasSuffix("hash") {
                sha256 = header
            }
            if contentType == nil, name.contains("mime") || name.contains("contenttype") { contentType = header }
        }
    }
}

extension ObjectMap {
    /// The export's column the map sends to the attachment's file field (`file`, or v1's `fullPath`).
    func attachmentFileColumn(_ fileField: String) -> String? {
        fields.first { $0.targetField == fileField || $0.targetField == "file" }?.column
    }
}
