import Foundation
import Testing
import ZIPFoundation

@Suite("crm-migrate --encoding")
struct EncodingOptionTests {
    let crmMigrate = Tool("crm-migrate")
    /// One lower-case Russian word: "дом" in Windows-1251, "ДНЛ" in KOI8-R; too little to tell which.
    static let undecidable: [UInt8] = Array("Contact ID,Last Name\nC1,".utf8) + [0xE4, 0xEE, 0xEC] + [0x0A]

    @Test("peek refuses a file whose encoding is uncertain, naming it and --encoding, and reads it as --encoding says")
    func peekRefusesThenReadsAsTold() throws {
        let dir = TemporaryDirectory()
        let path = dir.url.appendingPathComponent("contacts.csv")
        try Data(Self.undecidable).write(to: path)
        let refused = try crmMigrate.run(["peek", path.path])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("contacts.csv"))
        #expect(refused.stderr.contains("--encoding"))
        let told = try crmMigrate.run(["peek", path.path, "--encoding", "windows-1251"])
        #expect(told.status == 0, "\(told.stderr)")
        #expect(told.stdout.contains("contacts.csv: Windows-1251"))
        #expect(told.stdout.contains("дом"))
    }

    @Test("snapshot stops at a file whose encoding is uncertain, and --encoding FILE=NAME lets it through")
    func snapshotWithEncodingForOneFile() throws {
        let dir = TemporaryDirectory()
        let export = dir.url.appendingPathComponent("export")
        let project = dir.url.appendingPathComponent("p")
        try FileManager.default.createDirectory(at: export, withIntermediateDirectories: true)
        try Data(Self.undecidable).write(to: export.appendingPathComponent("contacts.csv"))
        try crmMigrate.run(["init", project.path])
        let refused = try crmMigrate.run(["snapshot", "--project", project.path, "--export", export.path])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("--encoding contacts.csv="))
        let told = try crmMigrate.run([
            "snapshot", "--project", project.path, "--export", export.path, "--encoding", "contacts.csv=cp1251",
        ])
        #expect(told.status == 0, "\(told.stderr)")
        #expect(told.stdout.contains("contacts.csv"))
        let unknown = try crmMigrate.run([
            "snapshot", "--project", project.path, "--export", export.path, "--encoding", "klingon",
        ])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("unknown encoding"))
    }

    @Test("peek reads a file inside a zipped export as EXPORT.zip/PATH, and snapshot reads the zip in place")
    func zippedExport() throws {
        let dir = TemporaryDirectory()
        let export = dir.url.appendingPathComponent("export-2026")
        let project = dir.url.appendingPathComponent("p")
        try FileManager.default.createDirectory(
            at: export.appendingPathComponent("crm"), withIntermediateDirectories: true)
        try Data("Contact ID,First Name\nC1,Zoë\n".utf8).write(to: export.appendingPathComponent("crm/contacts.csv"))
        let zip = dir.url.appendingPathComponent("export.zip")
        try FileManager.default.zipItem(at: export, to: zip, shouldKeepParent: true, compressionMethod: .deflate)

        let peek = try crmMigrate.run(["peek", zip.path + "/crm/contacts.csv"])
        #expect(peek.status == 0, "\(peek.stderr)")
        #expect(peek.stdout.contains("crm/contacts.csv: UTF-8"))
        #expect(peek.stdout.contains("Zoë"))
        let missing = try crmMigrate.run(["peek", zip.path + "/deals.csv"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("crm/contacts.csv"))

        try crmMigrate.run(["init", project.path])
        let snapshot = try crmMigrate.run(["snapshot", "--project", project.path, "--export", zip.path])
        #expect(snapshot.status == 0, "\(snapshot.stderr)")
        #expect(snapshot.stdout.contains("crm/contacts.csv"))
    }
}
