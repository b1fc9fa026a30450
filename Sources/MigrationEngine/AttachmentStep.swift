import AllegoryExport
import CanonicalJSON
import FieldMap
import Foundation
import Ledger
import TwentyClient

/// Attachments: each file's bytes checked against the export's size and hash, uploaded through the flow the
/// workspace offers, then the attachment record written with the uploaded file and linked to its parent. Every
/// attachment ends in the manifest with what happened to it; one whose file is missing, differs from the export's
/// hash or is refused as too large is recorded as rejected with its reason (file, line and column), so the counts
/// still add up.
///
/// A crash after an attachment's write intent, before Twenty took the record, leaves its uploaded file recorded in
/// the intent: a resume writes the record with that file instead of uploading the bytes again (the crash matrix
/// found the second upload leaving the first unreferenced). A crash between an upload and its intent still leaves
/// an unreferenced file in Twenty's storage, as nothing recorded it; the attachment itself is written once.
struct AttachmentStep {
    let client: TwentyClient
    let ledger: Ledger
    let writer: RecordWriter
    let workspace: WorkspaceDescription
    let map: FieldMap
    let mapSha256: String
    let source: ExportSource

    func write(_ object: ObjectMap, to target: WriteTarget, manifest: inout AttachmentManifest) async throws
        -> WriteCounts
    {
        let fileField = workspace.naming.attachmentFileField ?? "file"
        let fileColumn = object.fields.first { $0.targetField == fileField || $0.targetField == "file" }?.column
        var pending: [PendingWrite] = []
        try ledger.forEachPendingWrite(sourceObject: object.source) { pending.append($0) }
        guard !pending.isEmpty else { return WriteCounts() }
        let fieldId = fileField == "file" ? try await client.attachmentFileFieldId() : nil
        var counts = WriteCounts()
        var parents = ParentsInTwenty(ledger: ledger, mapSha256: mapSha256)
        let recorded = try uploadsInEarlierIntents(of: object.source, in: target)
        for record in pending {
            guard let extracted = try ledger.extractedRecord(object: object.source, sourceId: record.sourceId) else {
                continue
            }
            let columns = AttachmentColumns(headers: Array(extracted.values.keys))
            var entry = AttachmentManifest.Entry(
                attachment: record.sourceId, file: record.values[fileField]?.stringValue ?? "",
                parent: record.targets.first.map { "\($0.object) \($0.sourceId)" } ?? "",
                size: columns.size.flatMap { extracted.values[$0] } ?? "",
                sha256: columns.sha256.flatMap { extracted.values[$0] } ?? "")
            func reject(_ code: String, _ message: String) throws {
                try ledger.append([
                    .recordRejected(
                        RecordRejected(
                            object: object.source, sourceId: record.sourceId, file: extracted.file,
                            line: extracted.line,
                            reasons: [RejectionReason(field: fileColumn, code: code, message: message)]))
                ])
                entry.outcome = code
                entry.detail = message
                counts.add(WriteCounts(refused: 1, reasons: [code: 1]))
            }
            let path = source.attachmentPath(entry.file)
            guard !entry.file.isEmpty, source.contains(path) else {
                try reject("missing-file", "\(path) is not in the export")
                manifest.entries.append(entry)
                continue
            }
            var values = record.values.objectValue ?? [:]
            values[fileField] = nil
            values["file"] = nil
            if let earlier = recorded[record.sourceId] {
                for (key, value) in earlier { values[key] = value }
                entry.flow = "recorded"
            } else {
                let uploaded: UploadedFile
                do {
                    let upload: UploadSource =
                        source.container == .folder
                        ? .file(source.url.appendingPathComponent(path)) : .bytes(try source.contents(of: path))
                    uploaded = try await client.uploadFile(
                        upload, filename: (entry.file as NSString).lastPathComponent,
                        contentType: columns.contentType.flatMap { extracted.values[$0] },
                        expected: ExpectedFile(
                            size: Int(entry.size), sha256: entry.sha256.isEmpty ? nil : entry.sha256),
                        naming: workspace.naming, fileFieldMetadataId: fieldId)
                } catch let mismatch as FileCheckError {
                    try reject(mismatch.code, "\(mismatch)")
                    manifest.entries.append(entry)
                    continue
                } catch let error as TwentyError where error.kind == .badRequest || error.status == 413 {
                    try reject("upload-refused", error.summary)
                    manifest.entries.append(entry)
                    continue
                }
                for (key, value) in uploaded.attachmentValues { values[key] = value }
                entry.flow = uploaded.flow.rawValue
            }
            if let parent = record.targets.first, let parentObject = map.object(source: parent.object)?.target {
                if try parents.holds(parent.twentyId, of: parentObject) {
                    values[workspace.naming.joinColumn(to: parentObject)] = .string(parent.twentyId)
                } else {
                    entry.detail = "written without its parent: \(parent.object) \(parent.sourceId) is not in Twenty"
                    try parents.recordRefusedParent(
                        sourceObject: object.source, sourceId: record.sourceId,
                        column: object.fields.first(where: \.isPolymorphicParent)?.column ?? "", value: parent.sourceId,
                        parentObject: parent.object, parent: "\(parent.object) \(parent.sourceId)")
                }
            }
            var sent = record
            sent.values = .object(values)
            let written = try await writer.write([sent], to: target)
            counts.add(written)
            entry.outcome = written.written == 1 ? "uploaded" : "refused"
            if written.written != 1 { entry.detail = written.reasons.keys.sorted().joined(separator: "; ") }
            entry.twentyId = record.twentyId ?? ""
            manifest.entries.append(entry)
        }
        return counts
    }

    /// The uploaded file each attachment of `sourceObject` was last sent with (`file` or `fullPath`, as
    /// `UploadedFile.attachmentValues` gives them), from the write intents of earlier runs: every intent for an
    /// attachment is written by this step after its upload, so its values name a file Twenty stores.
    private func uploadsInEarlierIntents(of sourceObject: String, in target: WriteTarget) throws
        -> [String: [String: JSONValue]]
    {
        var uploads: [String: [String: JSONValue]] = [:]
        try ledger.events(matching: EventFilter(type: EventType.writeRequested.rawValue)) { event in
            guard case .writeRequested(let request) = try event.decoded(), request.op == .create,
                request.object == target.object, request.sourceObject == sourceObject
            else { return }
            for item in request.items {
                guard let sourceId = item.sourceId, let values = item.values?.objectValue else { continue }
                let file = values.filter { UploadedFile.attachmentKeys.contains($0.key) }
                if !file.isEmpty { uploads[sourceId] = file }
            }
        }
        return uploads
    }
}
