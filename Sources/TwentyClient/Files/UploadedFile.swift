import CanonicalJSON

/// Which of Twenty's upload calls moved the bytes (TWENTY_API.md sections 6 and 11).
public enum UploadFlow: String, Sendable, Equatable {
    /// `createFileUpload`, `PUT uploadUrl`, `completeFileUpload` (newest servers; up to 1 GB).
    case directUpload
    /// Multipart `uploadFilesFieldFile(file, fieldMetadataId)` (v1.18 on; 5 MB on the newest settings).
    case filesFieldMultipart
    /// Multipart `uploadFile(file, fileFolder)` answering a path for `fullPath` (v1).
    case legacyMultipart
}

/// An attachment's bytes, stored in the workspace: what its attachment record must say to point at them.
public struct UploadedFile: Sendable, Equatable {
    public enum Reference: Sendable, Equatable {
        /// v2: the `file` FILES field, `[{fileId, label}]`.
        case filesField(fileId: String, label: String)
        /// v1: the `fullPath` text field.
        case fullPath(String)
    }

    public var filename: String
    public var size: Int
    public var flow: UploadFlow
    public var reference: Reference

    /// The attachment record's fields for this file (`file` or `fullPath`); the caller adds `name` and the target.
    public var attachmentValues: [String: JSONValue] {
        switch reference {
        case .filesField(let fileId, let label):
            ["file": .array([["fileId": .string(fileId), "label": .string(label)]])]
        case .fullPath(let path):
            ["fullPath": .string(path)]
        }
    }
}

extension UploadedFile {
    /// What names the stored file: its `fileId` (v2) or its path (v1).
    public var storedId: String {
        switch reference {
        case .filesField(let fileId, _): fileId
        case .fullPath(let path): path
        }
    }
}
