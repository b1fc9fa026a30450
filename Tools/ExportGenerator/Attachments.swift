import Crypto
import Foundation

/// attachments.csv and files/: each listed file exists with the listed size and SHA-256, except the planted
/// missing files and wrong sizes and hashes.
enum Attachments {
    static let path = "attachments.csv"
    static let filesDirectory = "files"
    static let header = [
        "Attachment ID", "File Name", "Path", "Size", "MIME Type", "SHA256", "Parent Type", "Parent ID", "Uploaded At",
    ]
    static let dateFormats: [String: DateFormat] = ["Uploaded At": .excelSerial]

    /// What was written: attachments.csv, and files/ with the number and total size of its files.
    static func write(
        _ crm: SyntheticCRM, to directory: URL, log: inout DefectLog
    ) throws -> (list: GenerationSummary.File, files: GenerationSummary.File) {
        let filesURL = directory.appendingPathComponent(filesDirectory)
        try FileManager.default.createDirectory(at: filesURL, withIntermediateDirectories: true)
        var writer = try CSVWriter(directory: directory, path: path, header: header)
        var files = 0
        var fileBytes = 0
        for index in 0..<crm.shape.attachments {
            var rng = SplitMix64(seed: crm.seed, stream: .attachments, index: index)
            let id = RecordID(.attachment, index: index)
            let type = rng.pick(AttachmentContent.FileType.allCases)
            let fileName = rng.pick(type.baseNames) + type.fileExtension
            let relativePath = id.text + "-" + fileName
            let content = AttachmentContent.make(type, id: id, &rng)
            let flaw = crm.plan.attachmentFlaws[index]
            var listedSize = content.count
            var listedHash = hex(SHA256.hash(data: content))
            switch flaw {
            case .missingFile:
                log.record(
                    .attachmentMissingFile, file: path, line: writer.line, recordId: id, field: "Path",
                    detail: "files/\(relativePath) does not exist")
            case .sizeMismatch(let delta):
                listedSize += delta
                log.record(
                    .attachmentSizeMismatch, file: path, line: writer.line, recordId: id, field: "Size",
                    detail: "listed \(listedSize) bytes, the file has \(content.count)")
            case .hashMismatch:
                listedHash = hex(SHA256.hash(data: content + [0x0A]))
                log.record(
                    .attachmentHashMismatch, file: path, line: writer.line, recordId: id, field: "SHA256",
                    detail: "listed SHA-256 is not the file's")
            case nil:
                break
            }
            if case .missingFile = flaw {
            } else {
                try PlainFile.save(content, toPath: filesURL.appendingPathComponent(relativePath).path)
                files += 1
                fileBytes += content.count
            }
            let parent = crm.randomRelated(contacts: 40, companies: 25, deals: 35, &rng)
            writer.idCell(id)
            writer.cell(fileName)
            writer.cell(relativePath)
            writer.cell(listedSize)
            writer.cell(type.mimeType)
            writer.cell(listedHash)
            writer.cell(parent.type.rawValue)
            writer.idCell(parent.id)
            writer.dateCell(Instant.daysBeforeExport(rng.within(1...700), &rng), .excelSerial)
            try writer.endRow()
        }
        let list = try writer.close()
        return (list, GenerationSummary.File(path: filesDirectory + "/", records: files, bytes: fileBytes))
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
    }
}
