import Foundation
import Testing

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
}
