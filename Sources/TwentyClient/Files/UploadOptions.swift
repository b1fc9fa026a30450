/// Choices for an upload that are not about the file.
public struct UploadOptions: Sendable {
    /// On a workspace with the FILES field, try the direct upload first. It is the only way above the multipart cap,
    /// and it costs one more request than multipart for a small file; preferring it always keeps one code path for
    /// every size, and a server that does not know it answers once with an unknown-field error, then multipart runs.
    public var preferDirectUpload = true
    /// The largest file sent through `uploadFilesFieldFile` when the direct upload is missing: Twenty's newest setting
    /// (5 MB; older servers took 10 to 100 MB, UNCONFIRMED per version). A larger file is refused before sending;
    /// nil leaves the decision to the server (which answers 413).
    public var multipartLimit: Int? = 5 * 1024 * 1024
    /// The `fileFolder` argument (`Attachment` for attachments).
    public var fileFolder = "Attachment"

    public init(
        preferDirectUpload: Bool = true, multipartLimit: Int? = 5 * 1024 * 1024, fileFolder: String = "Attachment"
    ) {
        self.preferDirectUpload = preferDirectUpload
        self.multipartLimit = multipartLimit
        self.fileFolder = fileFolder
    }
}
