import Crypto
import Foundation
import Testing
import ZIPFoundation

@testable import AllegoryExport

/// A folder of files in a temporary directory, zipped on demand.
final class ExportFolder {
    let root: URL
    let export: URL

    init(_ files: [String: String], named name: String = "export") throws {
        root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
            "export-source-tests-\(UUID().uuidString)")
        export = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: export, withIntermediateDirectories: true)
        for (path, text) in files {
            let url = export.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// The folder zipped, under its own name as the one top-level folder, or with its files at the zip's root.
    func zipped(keepingTopFolder: Bool) throws -> URL {
        let zip = root.appendingPathComponent("export-\(keepingTopFolder ? "top" : "flat").zip")
        try FileManager.default.zipItem(
            at: export, to: zip, shouldKeepParent: keepingTopFolder, compressionMethod: .deflate)
        return zip
    }
}

@Suite("An export as it arrives: folders and zips")
struct ExportSourceTests {
    static let files = [
        "contacts.csv": "Contact ID,First Name\nC1,Ada\n", "companies.csv": "Company ID,Company Name\nK1,Acme\n",
        "custom_objects/projects.csv": "Project ID,Name\nP1,Launch\n",
        "relationships/projects__contacts.csv": "Project ID,Contact ID\nP1,C1\n",
        "attachments.csv": "Attachment ID,Path\nA1,a1/contract.txt\n", "files/a1/contract.txt": "signed",
        "manifest.json": "{\"exportedAt\": \"2026-06-30T00:00:00Z\"}",
    ]

    @Test("a zip is read in place, with the same files, objects and keys as its folder", arguments: [true, false])
    func zipReadsLikeItsFolder(keepingTopFolder: Bool) throws {
        let folder = try ExportFolder(Self.files)
        let fromFolder = try ExportLayout(root: folder.export)
        let fromZip = try ExportLayout(root: try folder.zipped(keepingTopFolder: keepingTopFolder))
        #expect(fromZip.source.container == .zip)
        #expect(fromZip.files == fromFolder.files)
        #expect(fromZip.files.map(\.path).contains("relationships/projects__contacts.csv"))
        #expect(fromZip.missingFiles == fromFolder.missingFiles)
        #expect(fromZip.manifestPath == "manifest.json")
    }

    @Test("a zip entry is read through a temporary file that is gone once read")
    func zipEntryReadAndCleanedUp() throws {
        let folder = try ExportFolder(Self.files)
        let layout = try ExportLayout(root: try folder.zipped(keepingTopFolder: true))
        let contacts = try #require(layout.files.first { $0.object == "contacts" })
        var extracted = ""
        let values = try layout.withLocalFile(of: contacts) { path in
            extracted = path
            let reader = try CSVReader(path: path, fileName: contacts.path)
            var rows: [[String]] = []
            try reader.read { row in
                rows.append(row.values)
                return true
            }
            return rows
        }
        #expect(values == [["C1", "Ada"]])
        #expect(!FileManager.default.fileExists(atPath: extracted))
    }

    @Test("an attachment inside a zip is reachable by its path under files/, with its size and SHA-256")
    func attachmentInZip() throws {
        let folder = try ExportFolder(Self.files)
        let source = try ExportSource(url: try folder.zipped(keepingTopFolder: true))
        let file = try source.fingerprint(of: source.attachmentPath("a1/contract.txt"))
        #expect(file.bytes == 6)
        #expect(file.sha256 == SHA256.hash(data: Data("signed".utf8)).map { String(format: "%02x", $0) }.joined())
        #expect(throws: ExportReadError.self) { try source.fingerprint(of: source.attachmentPath("a1/missing.txt")) }
    }

    @Test("the layout's files are found in nested folders, relationships and attachments with them")
    func nestedFolders() throws {
        var nested: [String: String] = [:]
        for (path, text) in Self.files { nested["export-2026/crm/" + path] = text }
        let folder = try ExportFolder(nested)
        let layout = try ExportLayout(root: folder.export)
        #expect(layout.files.first { $0.object == "contacts" }?.path == "export-2026/crm/contacts.csv")
        let link = try #require(layout.files.first { $0.object == "projects__contacts" })
        #expect(link.keyColumns == ["Project ID", "Contact ID"])
        #expect(layout.files.first { $0.object == "projects" }?.keyColumns == ["Project ID"])
        #expect(!layout.files.contains { $0.path.contains("/files/") })
        #expect(layout.manifestPath == "export-2026/crm/manifest.json")
        #expect(layout.source.attachmentPath("a1/contract.txt") == "export-2026/crm/files/a1/contract.txt")
        #expect(layout.findings.isEmpty)
    }

    @Test("when two files claim the same standard name, the one nearest the root is read and the other is a finding")
    func duplicateStandardFile() throws {
        let folder = try ExportFolder(["contacts.csv": "Contact ID\nC1\n", "old/contacts.csv": "Contact ID\nC0\n"])
        let layout = try ExportLayout(root: folder.export)
        #expect(layout.files.filter { $0.object == "contacts" }.map(\.path) == ["contacts.csv"])
        #expect(!layout.files.contains { $0.path == "old/contacts.csv" })
        #expect(layout.findings.map(\.kind) == [.duplicateFile])
        #expect(layout.findings.first?.file == "old/contacts.csv")
    }

    @Test("a path that is neither a folder nor a zip is an error naming it")
    func notAnExport() throws {
        let folder = try ExportFolder(["contacts.csv": "Contact ID\nC1\n"])
        let file = folder.export.appendingPathComponent("contacts.csv")
        #expect { _ = try ExportLayout(root: file) } throws: { "\($0)".contains(file.path) }
    }
}
