import ExportScoring
import ForeignExport
import Foundation
import Testing

/// The tool on exports written by another hand (`write-foreign-export`: Salesforce, German, British and snake_case
/// styles, sharing no vocabulary with `generate-export`), held to each export's answer key.
@Suite("Accuracy on foreign exports")
struct ForeignExportAccuracyTests {
    static func scored(_ style: ForeignStyle) throws -> Scorecard {
        let root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("accuracy-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let export = root.appendingPathComponent("export")
        let key = try ForeignExportWriter(style: style, records: 200, seed: 11).write(to: export)
        return try ExportScoring.score(
            export: export, key: key, name: style.rawValue, work: root.appendingPathComponent("work"))
    }

    @Test("every file's role, key and label is understood as the answer key says", arguments: ForeignStyle.allCases)
    func filesUnderstood(style: ForeignStyle) throws {
        let card = try Self.scored(style)
        #expect(card.roles.misses.isEmpty, "\(card.roles.misses)")
        #expect(card.keys.misses.isEmpty, "\(card.keys.misses)")
        #expect(card.labels.misses.isEmpty, "\(card.labels.misses)")
    }

    @Test("every true relation is found from the values, and no other", arguments: ForeignStyle.allCases)
    func relationsFound(style: ForeignStyle) throws {
        let card = try Self.scored(style)
        #expect(card.relations.misses.isEmpty, "\(card.relations.misses)")
        #expect(card.falseRelations.isEmpty, "\(card.falseRelations)")
        #expect(card.polymorphic.misses.isEmpty, "\(card.polymorphic.misses)")
    }

    @Test(
        "the audit finds every planted defect at its file and line, and nothing else", arguments: ForeignStyle.allCases)
    func defectsFound(style: ForeignStyle) throws {
        let card = try Self.scored(style)
        #expect(card.defects.misses.isEmpty, "\(card.defects.misses)")
        #expect(card.falseFindings.isEmpty, "\(card.falseFindings)")
    }

    @Test("no column is proposed to a wrong target at 0.8 confidence or more", arguments: ForeignStyle.allCases)
    func noConfidentMistakes(style: ForeignStyle) throws {
        let card = try Self.scored(style)
        #expect(card.confidentlyWrong.isEmpty, "\(card.confidentlyWrong)")
    }
}
