import Crypto
import Foundation
import Testing

@Suite("Attachments")
struct AttachmentTests {
    @Test("listed sizes and hashes match the files, except the planted mismatches")
    func sizesAndHashes() throws {
        let export = try GeneratedExport(contacts: 2000, seed: 4)
        let planted = Dictionary(
            export.summary.defects.filter { $0.file == "attachments.csv" }.map { ($0.recordId ?? "", $0.kind) },
            uniquingKeysWith: { first, _ in first })
        let table = try export.table("attachments.csv")
        #expect(table.rows.count == 40)
        for row in table.rows {
            let id = row.cells[0]
            let url = export.file("files").appendingPathComponent(table.value(row, "Path") ?? "")
            guard let data = FileManager.default.contents(atPath: url.path) else {
                #expect(planted[id] == .attachmentMissingFile, "\(id) has no file")
                continue
            }
            let hash = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
            let sizeMatches = table.value(row, "Size") == String(data.count)
            let hashMatches = table.value(row, "SHA256") == hash
            #expect(sizeMatches == (planted[id] != .attachmentSizeMismatch), "\(id) size")
            #expect(hashMatches == (planted[id] != .attachmentHashMismatch), "\(id) hash")
        }
    }

    @Test("PNG attachments are valid PNG files")
    func pngSignatures() throws {
        let export = try GeneratedExport(contacts: 1000, seed: 4, clean: true)
        let files = try FileManager.default.contentsOfDirectory(atPath: export.file("files").path)
        let pngs = files.filter { $0.hasSuffix(".png") }
        #expect(!pngs.isEmpty)
        for name in pngs {
            let bytes = try export.bytes("files/" + name)
            #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
            #expect(Array(bytes[12..<16]) == Array("IHDR".utf8))
            #expect(Array(bytes.suffix(8).prefix(4)) == Array("IEND".utf8))
        }
    }
}
