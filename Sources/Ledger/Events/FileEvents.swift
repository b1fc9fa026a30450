import CanonicalJSON

/// `file.upload.requested`: intent to move one attachment's bytes into Twenty, committed before the upload call.
/// Twenty stores the bytes apart from the attachment record (its id comes from the answer), so without this an
/// upload whose record was never written would be a file in Twenty the ledger knows nothing of.
public struct FileUploadRequested: EventPayload {
    public static let type = EventType.fileUploadRequested
    /// Names this attempt; the outcome (`file.uploaded` or `file.upload.failed`) repeats it.
    public var uploadId: String
    /// The export's attachments object and the attachment's source id.
    public var sourceObject: String
    public var sourceId: String?
    /// The file's path in the export, and what the export says it is.
    public var file: String
    public var size: Int?
    public var sha256: String?

    public var object: String? { sourceObject }

    public init(uploadId: String, sourceObject: String, sourceId: String, file: String, size: Int?, sha256: String?) {
        self.uploadId = uploadId
        self.sourceObject = sourceObject
        self.sourceId = sourceId
        self.file = file
        self.size = size
        self.sha256 = sha256
    }
}

/// `file.uploaded`: Twenty stores the bytes of a requested upload. `values` are what the attachment record must hold
/// to point at them (`file` or `fullPath`), so a resumed run writes the record with this file instead of uploading
/// the bytes again.
public struct FileUploaded: EventPayload {
    public static let type = EventType.fileUploaded
    public var uploadId: String
    public var sourceObject: String
    public var sourceId: String?
    /// The stored file: its id (the FILES field's `fileId`) or its v1 path.
    public var fileId: String
    public var flow: String
    public var size: Int
    public var sha256: String?
    public var values: JSONValue

    public var object: String? { sourceObject }
    public var twentyId: String? { fileId }

    public init(
        uploadId: String, sourceObject: String, sourceId: String, fileId: String, flow: String, size: Int,
        sha256: String?, values: JSONValue
    ) {
        self.uploadId = uploadId
        self.sourceObject = sourceObject
        self.sourceId = sourceId
        self.fileId = fileId
        self.flow = flow
        self.size = size
        self.sha256 = sha256
        self.values = values
    }
}

/// `file.upload.failed`: a requested upload did not store the file: refused by Twenty, or stopped by the export's
/// own check before any byte was sent (`sent` false).
public struct FileUploadFailed: EventPayload {
    public static let type = EventType.fileUploadFailed
    public var uploadId: String
    public var sourceObject: String
    public var sourceId: String?
    public var sent: Bool
    public var error: String

    public var object: String? { sourceObject }

    public init(uploadId: String, sourceObject: String, sourceId: String, sent: Bool, error: String) {
        self.uploadId = uploadId
        self.sourceObject = sourceObject
        self.sourceId = sourceId
        self.sent = sent
        self.error = error
    }
}
