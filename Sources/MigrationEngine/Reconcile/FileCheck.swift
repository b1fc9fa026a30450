import CanonicalJSON
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
        let column = object.attachmentFileColumn(fileField) ?? ""
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
            if let file = try await AttachmentComparison(client: client, ledger: ledger, workspace: workspace)
                .storedFile(of: stored)
            {
                result.requests += 1
                heldText = AttachmentComparison.describe(size: file.size, sha256: sha256 == nil ? nil : file.sha256)
                problem = "the stored file is not the export's (size or SHA-256 differs)"
                if (size == nil || size == file.size) && (sha256 == nil || sha256 == file.sha256) {
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
