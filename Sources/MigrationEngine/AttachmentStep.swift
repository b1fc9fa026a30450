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
/// Each upload is an intent in the ledger before its call and an outcome after (`file.upload.requested`,
/// `file.uploaded`): Twenty stores the bytes apart from the record, so a crash between the upload and the record's
/// write would otherwise leave a file the ledger knows nothing of. A resumed run writes the record with the file
/// already uploaded for it instead of uploading the bytes again.
struct AttachmentStep {
    let client: TwentyClient
    let ledger: Ledger
    let writer: RecordWriter
    let workspace: WorkspaceDescription
    let map: FieldMap
    let mapSha256: String
    let source: ExportSource
    /// Called with the number of files uploaded so far, after each upload's outcome is recorded and before its
    /// record's write intent: where the tests stop a run to prove the upload is not lost.
    var afterUpload: (Int) throws -> Void = { _ in }

    /// Writes the pending attachments of `object`, or only `records` among them when given (the sample's).
    func write(
        _ object: ObjectMap, to target: WriteTarget, records: [PendingWrite]? = nil,
        manifest: inout AttachmentManifest
    ) async throws -> WriteCounts {
        let fileField = workspace.naming.attachmentFileField ?? "file"
        let fileColumn = object.attachmentFileColumn(fileField)
        var pending: [PendingWrite] = records ?? []
        if records == nil { try ledger.forEachPendingWrite(sourceObject: object.source) { pending.append($0) } }
        guard !pending.isEmpty else { return WriteCounts() }
        // Files an earlier, interrupted run uploaded for records still pending: written with those, not sent again.
        var uploadedBefore: [String: (file: FileUploaded, seq: Int64)] = [:]
        for upload in try ledger.uploads(sourceObject: object.source) {
            if let uploaded = upload.uploaded, let id = uploaded.sourceId, let seq = upload.uploadedSeq {
                uploadedBefore[id] = (uploaded, seq)
            }
        }
        var uploads = 0
        let fieldId = fileField == "file" ? try await client.attachmentFileFieldId() : nil
        var counts = WriteCounts()
        var parents = ParentsInTwenty(ledger: ledger, mapSha256: mapSha256)
        var queue: [(record: PendingWrite, entry: AttachmentManifest.Entry)] = []
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
            let expected = ExpectedFile(size: Int(entry.size), sha256: entry.sha256.isEmpty ? nil : entry.sha256)
            let uploaded: FileUploaded
            if let earlier = uploadedBefore[record.sourceId], Self.sameFile(earlier.file, expected),
                try !recordWritten(record.sourceId, object: target.object, since: earlier.seq)
            {
                uploaded = earlier.file
            } else {
                let uploadId = "\(ledger.runId)-\(object.source)-\(record.sourceId)-upload"
                func failed(sent: Bool, _ error: String) throws {
                    try ledger.append([
                        .fileUploadFailed(
                            FileUploadFailed(
                                uploadId: uploadId, sourceObject: object.source, sourceId: record.sourceId, sent: sent,
                                error: error))
                    ])
                }
                try ledger.append([
                    .fileUploadRequested(
                        FileUploadRequested(
                            uploadId: uploadId, sourceObject: object.source, sourceId: record.sourceId, file: path,
                            size: expected.size, sha256: expected.sha256))
                ])
                do {
                    let upload: UploadSource =
                        source.container == .folder
                        ? .file(source.url.appendingPathComponent(path)) : .bytes(try source.contents(of: path))
                    let file = try await client.uploadFile(
                        upload, filename: (entry.file as NSString).lastPathComponent,
                        contentType: columns.contentType.flatMap { extracted.values[$0] }, expected: expected,
                        naming: workspace.naming, fileFieldMetadataId: fieldId)
                    uploaded = FileUploaded(
                        uploadId: uploadId, sourceObject: object.source, sourceId: record.sourceId,
                        fileId: file.storedId, flow: file.flow.rawValue, size: file.size, sha256: expected.sha256,
                        values: .object(file.attachmentValues))
                } catch let mismatch as FileCheckError {
                    try failed(sent: false, "\(mismatch)")
                    try reject(mismatch.code, "\(mismatch)")
                    manifest.entries.append(entry)
                    continue
                } catch let error as TwentyError where error.kind == .badRequest || error.status == 413 {
                    try failed(sent: true, error.summary)
                    try reject("upload-refused", error.summary)
                    manifest.entries.append(entry)
                    continue
                }
                try ledger.append([.fileUploaded(uploaded)])
                uploads += 1
                try afterUpload(uploads)
            }
            var values = record.values.objectValue ?? [:]
            values[fileField] = nil
            values["file"] = nil
            for (key, value) in uploaded.values.objectValue ?? [:] { values[key] = value }
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
            entry.flow = uploaded.flow
            entry.twentyId = record.twentyId ?? ""
            // The records go in batches once their files are up: a crash before a batch's intent leaves uploads the
            // ledger knows (`file.uploaded`), which the resumed run writes with instead of uploading again.
            queue.append((sent, entry))
            if queue.count >= writer.batchMaximum {
                counts.add(try await flush(queue, to: target, manifest: &manifest))
                queue.removeAll()
            }
        }
        counts.add(try await flush(queue, to: target, manifest: &manifest))
        return counts
    }

    /// Writes the attachment records whose files are uploaded, in one batch (split by the writer if Twenty refuses
    /// some), and lists each in the manifest with what happened to it.
    private func flush(
        _ queue: [(record: PendingWrite, entry: AttachmentManifest.Entry)], to target: WriteTarget,
        manifest: inout AttachmentManifest
    ) async throws -> WriteCounts {
        guard !queue.isEmpty else { return WriteCounts() }
        let from = ledger.head.seq + 1
        let written = try await writer.write(queue.map(\.record), to: target)
        // Twenty's reason for each record refused, from the refusals the writer recorded for this batch.
        var refusals: [String: String] = [:]
        try ledger.events(matching: EventFilter(type: EventType.writeFailed.rawValue, fromSeq: from)) { event in
            guard case .writeFailed(let failed) = try event.decoded(), !failed.retryable,
                failed.sourceObject == target.sourceObject
            else { return }
            for sourceId in failed.sourceIds { refusals[sourceId] = failed.error }
        }
        for (record, entry) in queue {
            var entry = entry
            if let reason = refusals[record.sourceId] {
                entry.outcome = "refused"
                entry.detail = reason
            } else {
                entry.outcome = "uploaded"
            }
            manifest.entries.append(entry)
        }
        return written
    }

    /// Whether an attachment record was written after the upload at `seq`: then the file belonged to that record
    /// (since rolled back, as the record is pending again) and may have gone with it, so it is not reused.
    private func recordWritten(_ sourceId: String, object: String, since seq: Int64) throws -> Bool {
        var written = false
        try ledger.events(
            matching: EventFilter(
                type: EventType.recordCreated.rawValue, object: object, sourceId: sourceId, fromSeq: seq, limit: 1)
        ) { _ in written = true }
        return written
    }

    /// Whether an earlier upload holds the bytes the export now lists (a new snapshot may have changed the file).
    static func sameFile(_ uploaded: FileUploaded, _ expected: ExpectedFile) -> Bool {
        (expected.size == nil || expected.size == uploaded.size)
            && (expected.sha256 == nil || expected.sha256?.lowercased() == uploaded.sha256?.lowercased())
    }
}
