import CanonicalJSON
import Crypto
import FieldMap
import Foundation
import Ledger
import TwentyClient

/// Attachments present with the bytes the export lists: each written attachment Twenty holds has its file read
/// back and its size (and SHA-256, where the export gives one) compared with the export's. A file that differs, or a
/// record pointing at no file, is a defect: what Twenty keeps is not what was migrated. One request per file.
struct FileCheck {
    let client: TwentyClient
    let ledger: Ledger
    let workspace: WorkspaceDescription

    func check(
        _ object: ObjectMap, held: [String: JSONValue], into result: inout ReconciliationResult
    ) async throws {
        let fileField = workspace.naming.attachmentFileField ?? "file"
        let column = object.fields.first { $0.targetField == fileField || $0.targetField == "file" }?.column ?? ""
        var written: [PendingWrite] = []
        try ledger.forEachWrittenTransform(sourceObject: object.source) { written.append($0) }
        for record in written {
            guard let id = record.twentyId, let stored = held[id],
                let extracted = try ledger.extractedRecord(object: object.source, sourceId: record.sourceId)
            else { continue }
            let columns = AttachmentColumns(headers: Array(extracted.values.keys))
            let size = columns.size.flatMap { extracted.values[$0] }.flatMap { Int($0) }
            let sha256 = columns.sha256.flatMap { extracted.values[$0] }.map { $0.lowercased() }
            let expected = AttachmentComparison.describe(size: size, sha256: sha256)
            result.files.checked += 1
            var heldText = ""
            var problem = "the attachment record points at no file"
            if let path = AttachmentComparison.downloadPath(stored, fileField: fileField) {
                let bytes = try await client.fileBytes(path)
                result.requests += 1
                let hash = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
                heldText = AttachmentComparison.describe(size: bytes.count, sha256: sha256 == nil ? nil : hash)
                problem = "the stored file is not the export's (size or SHA-256 differs)"
                if (size == nil || size == bytes.count) && (sha256 == nil || sha256 == hash) {
                    result.files.holding += 1
                    continue
                }
            }
            let row = SampleDiffRow(
                object: object.source, sourceId: record.sourceId, column: column, field: fileField,
                check: .attachment, source: extracted.values[column] ?? "", sent: expected, held: heldText,
                agrees: false, note: problem)
            result.differences.append(FieldDifference(row: row, twentyId: id, kind: .defect, reason: problem))
        }
    }
}
