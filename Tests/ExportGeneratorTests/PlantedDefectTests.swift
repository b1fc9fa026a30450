import ExportGenerator
import Foundation
import Testing

@Suite("Planted defects")
struct PlantedDefectTests {
    @Test("every kind of defect is planted at 2,000 contacts")
    func everyKindPlanted() throws {
        let export = try GeneratedExport(contacts: 2000, seed: 9)
        let planted = Set(export.summary.defects.map(\.kind))
        #expect(planted == Set(DefectKind.allCases), "missing: \(Set(DefectKind.allCases).subtracting(planted))")
        let ragged = export.summary.defects.filter { $0.kind == .raggedRow }.map(\.file)
        #expect(Set(ragged) == ["tasks.csv", "activities.csv"])
    }

    @Test("the number of each kind grows with the number of contacts")
    func defectsScale() throws {
        let export = try GeneratedExport(contacts: 6000, seed: 9)
        let counts = Dictionary(export.summary.defectCounts.map { ($0.kind, $0.count) }, uniquingKeysWith: +)
        #expect(counts[.invalidEmail] == 3)
        #expect(counts[.duplicateID] == 6)  // three in contacts.csv, three in companies.csv
        #expect(counts[.bannerLine] == 1)
    }

    @Test("each planted defect's line holds its record")
    func linesHoldTheirRecords() throws {
        let export = try GeneratedExport(contacts: 2000, seed: 9)
        var recordsByFile: [String: [Int: CSVRecord]] = [:]
        for defect in export.summary.defects {
            if recordsByFile[defect.file] == nil {
                let records = try TestCSV.records(in: export.file(defect.file))
                recordsByFile[defect.file] = Dictionary(records.map { ($0.line, $0) }, uniquingKeysWith: { a, _ in a })
            }
            let record = try #require(recordsByFile[defect.file]?[defect.line], "no record starts at \(defect)")
            switch defect.kind {
            case .bannerLine:
                #expect(record.cells == ["Allegory CRM export - Activities - generated 2026-06-30"])
            case .duplicateHeader:
                let field = try #require(defect.field)
                #expect(record.cells.count { $0 == field } == 2)
            case .windows1252:
                #expect(record.cells.first == "Project ID")
            case .raggedRow:
                #expect(record.cells.first == defect.recordId)
                #expect(record.cells.count != (try export.table(defect.file).header.count))
            case .unterminatedQuote:
                #expect(record.cells.first == defect.recordId)
                #expect(!record.isTerminated)
                #expect(record.line == recordsByFile[defect.file]?.keys.max())
            case .nulByte:
                #expect(record.cells.first == defect.recordId)
                #expect(record.cells.contains { $0.contains("\u{0}") })
            default:
                #expect(record.cells.first == defect.recordId, "\(defect.kind) at \(defect.file):\(defect.line)")
            }
        }
    }

    @Test("an independent audit finds exactly the planted record-level defects")
    func auditFindsExactlyThePlanted() throws {
        for seed: UInt64 in [9, 10] {
            let export = try GeneratedExport(contacts: 2000, seed: seed)
            let audit = try TestAudit(export)
            let planted = Set(
                export.summary.defects.filter { TestAudit.kinds.contains($0.kind.rawValue) }.map {
                    TestAudit.Finding(kind: $0.kind.rawValue, file: $0.file, line: $0.line)
                })
            #expect(planted.count >= 20, "the answer key lists the record-level defects")
            let unexpected = audit.findings.subtracting(planted).sorted { $0.description < $1.description }
            let missed = planted.subtracting(audit.findings).sorted { $0.description < $1.description }
            #expect(unexpected.isEmpty, "found but not planted (seed \(seed)): \(unexpected)")
            #expect(missed.isEmpty, "planted but not found (seed \(seed)): \(missed)")
        }
    }

    @Test("planted-defects.json holds the seed, the size, the date formats and the defects")
    func answerKey() throws {
        struct Key: Decodable {
            let seed: UInt64
            let contacts: Int
            let dateFormats: [String: [String: String]]
            let defects: [PlantedDefect]
        }
        let export = try GeneratedExport(contacts: 2000, seed: 9)
        let key = try JSONDecoder().decode(Key.self, from: Data(contentsOf: export.file("planted-defects.json")))
        #expect(key.seed == 9)
        #expect(key.contacts == 2000)
        #expect(key.defects == export.summary.defects)
        #expect(key.dateFormats["contacts.csv"]?["Last Activity"] == "iso8601")
        #expect(key.dateFormats["companies.csv"]?["Created"] == "MM/DD/YYYY")
        #expect(key.dateFormats["tasks.csv"]?["Due Date"] == "MM/DD/YYYY hh:mm AM")
        #expect(key.dateFormats["attachments.csv"]?["Uploaded At"] == "excel-serial")
        let raw = try String(contentsOf: export.file("planted-defects.json"), encoding: .utf8)
        #expect(raw.contains("\"recordId\" : null"), "absent values are written as null")
    }
}
