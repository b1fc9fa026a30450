import CanonicalJSON
import Crypto
import FieldMap
import Foundation
import Ledger
import TwentyClient

/// The check of a sampled attachment: Twenty holds its record, the record points at a stored file, and the file's
/// bytes, read back, have the size and SHA-256 the export lists. One row per attachment written.
struct AttachmentComparison {
    let client: TwentyClient
    let ledger: Ledger
    let workspace: WorkspaceDescription

    func rows(
        _ records: [PendingWrite], object: ObjectMap, target: WriteTarget, manifest: [AttachmentManifest.Entry]
    ) async throws -> [SampleDiffRow] {
        let written = try ledger.twentyIds(object: target.object)
        let ids = records.compactMap(\.twentyId).filter(written.contains)
        let held = try await ReadBack(client: client).records(ids, in: target, pageSize: workspace.batchMaximum)
        let fileField = workspace.naming.attachmentFileField ?? "file"
        let column = object.attachmentFileColumn(fileField) ?? ""
        let entries = Dictionary(manifest.map { ($0.attachment, $0) }, uniquingKeysWith: { _, last in last })
        var rows: [SampleDiffRow] = []
        for record in records {
            guard let id = record.twentyId, written.contains(id) else { continue }
            let entry = entries[record.sourceId]
            let expected = Self.describe(size: entry.flatMap { Int($0.size) }, sha256: entry?.sha256.lowercased())
            var heldText = ""
            var note = ""
            if let stored = held[id] {
                if let file = try await storedFile(of: stored) {
                    heldText = Self.describe(size: file.size, sha256: file.sha256)
                } else {
                    note = "the attachment record points at no file"
                }
            } else {
                note = "the attachment record is not in Twenty"
            }
            rows.append(
                SampleDiffRow(
                    object: object.source, sourceId: record.sourceId, column: column, field: fileField,
                    check: .attachment, source: entry?.file ?? "", sent: expected, held: heldText,
                    agrees: note.isEmpty && heldText == expected, note: note))
        }
        return rows
    }

    /// The file an attachment record points at, read back from Twenty: its size and SHA-256, or nil when the
    /// record points at none. One request.
    func storedFile(of record: JSONValue) async throws -> (size: Int, sha256: String)? {
        let fileField = workspace.naming.attachmentFileField ?? "file"
        guard let path = Self.downloadPath(record, fileField: fileField) else { return nil }
        let bytes = try await client.fileBytes(path)
        return (bytes.count, SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined())
    }

    /// A file as the row shows it; the size and hash are what is compared.
    static func describe(size: Int?, sha256: String?) -> String {
        "\(size.map(String.init) ?? "?") bytes, sha256 \(sha256 ?? "?")"
    }

    /// Where the stored file's bytes are read (the sandbox's download routes): by `fileId` for the FILES field, by
    /// path for v1's `fullPath`.
    static func downloadPath(_ record: JSONValue, fileField: String) -> String? {
        if fileField == "fullPath" {
            guard let path = record["fullPath"]?.stringValue, !path.isEmpty else { return nil }
            return "files/\(path)"
        }
        guard let fileId = record[fileField]?.items.first?["fileId"]?.stringValue else { return nil }
        return "file/files-field/\(fileId)"
    }
}
