import ForeignExport
import Foundation
import Testing

/// The public CRM samples under Tests/Fixtures/PublicSamples, each with its own answer key: the same checks as a
/// written export's, so the keys stay true to the data they describe.
@Suite("Public samples")
struct PublicSampleTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/PublicSamples")

    static var samples: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }
            .sorted()
    }

    @Test("there are public samples, each with a source note and an answer key")
    func samplesAreThere() throws {
        #expect(Self.samples.count >= 2)
        for sample in Self.samples {
            let contents = try FileManager.default.contentsOfDirectory(
                atPath: Self.folder.appendingPathComponent(sample).path)
            #expect(contents.contains("SOURCE.md") && contents.contains("answer-key.json"), "\(sample)")
        }
    }

    @Test("each sample's key lists every header of every file, and every file", arguments: PublicSampleTests.samples)
    func keyDescribesTheFiles(sample: String) throws {
        let export = try WrittenExport(fixture: Self.folder.appendingPathComponent(sample))
        #expect(try export.exportFiles() == export.key.files.map(\.path).sorted())
        try AnswerKeyShapeTests.checkShape(of: export)
    }

    @Test("each sample's relations hold for every record", arguments: PublicSampleTests.samples)
    func relationsHold(sample: String) throws {
        let export = try WrittenExport(fixture: Self.folder.appendingPathComponent(sample))
        try RelationTests.checkRelations(of: export)
        try RelationTests.checkPolymorphic(of: export)
    }

    @Test("each sample stays small", arguments: PublicSampleTests.samples)
    func samplesStaySmall(sample: String) throws {
        let export = try WrittenExport(fixture: Self.folder.appendingPathComponent(sample))
        var bytes = 0
        for file in export.key.files {
            #expect(file.records <= 200)
            bytes += try Data(contentsOf: export.folder.appendingPathComponent(file.path)).count
        }
        #expect(bytes <= 100_000)
    }
}
