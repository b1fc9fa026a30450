import Foundation
import Reports
import TwentyClient

/// `reports/attachments-manifest.csv`: every attachment of the run, its parent, the export's size and hash, and
/// what happened to it (uploaded, missing-file, size-mismatch, hash-mismatch, upload-refused, refused).
public struct AttachmentManifest: Sendable {
    public struct Entry: Sendable, Equatable {
        public var attachment: String
        public var file: String
        public var parent: String
        public var size: String
        public var sha256: String
        public var outcome = ""
        /// The upload flow used (`UploadFlow`), or `recorded`: the file an interrupted run uploaded and recorded.
        public var flow = ""
        public var twentyId = ""
        public var detail = ""
    }

    public var entries: [Entry] = []

    public init() {}

    public var csv: String {
        var lines = ["attachment,file,parent,size,sha256,outcome,flow,twenty_id,detail"]
        for e in entries {
            lines.append(
                [e.attachment, e.file, e.parent, e.size, e.sha256, e.outcome, e.flow, e.twentyId, e.detail]
                    .map(ReportText.csv).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Appends to the manifest at `url` (a resumed run adds the attachments it wrote), with the header once.
    public func append(to url: URL) throws {
        guard !entries.isEmpty else { return }
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        if let handle = try? FileHandle(forWritingTo: url) {
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(
                contentsOf: Data(
                    csv.split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
                        .joined(separator: "\n").utf8))
        } else {
            try Data(csv.utf8).write(to: url)
        }
    }

}

extension FileCheckError {
    /// The manifest's and the rejection's code.
    var code: String {
        switch self {
        case .sizeMismatch: "size-mismatch"
        case .hashMismatch: "hash-mismatch"
        case .unreadable: "missing-file"
        }
    }
}
