import ForeignExport
import Foundation
import Testing

@Suite("Planted defects")
struct PlantedDefectTests {
    @Test("every planted defect is at its line, on the record it names", arguments: ForeignStyle.allCases)
    func everyDefectIsAtItsLine(style: ForeignStyle) throws {
        let export = try WrittenExport(style: style)
        #expect(!export.key.defects.isEmpty)
        for defect in export.key.defects {
            let file = try #require(export.key.file(defect.file), "\(defect.file) is not in the key")
            let record = try #require(
                try export.table(defect.file).record(at: defect.line),
                "no record starts at \(defect.file):\(defect.line)")
            let key = file.keyColumns.map { record[$0] }.joined(separator: " / ")
            #expect(
                defect.recordId ?? "" == (file.keyColumns.allSatisfy { record[$0].isEmpty } ? "" : key),
                "\(defect.kind) at \(defect.file):\(defect.line)")
            if let field = defect.field {
                #expect(try export.table(defect.file).header.contains(field) || defect.file.hasSuffix(".json"))
            }
        }
    }

    @Test("each defect's field holds what its kind says", arguments: ForeignStyle.allCases)
    func fieldsHoldTheirKind(style: ForeignStyle) throws {
        let export = try WrittenExport(style: style)
        for defect in export.key.defects {
            let file = try #require(export.key.file(defect.file))
            let table = try export.table(defect.file)
            let record = try #require(table.record(at: defect.line))
            let value = record[defect.field ?? ""]
            let reference = defect.field.flatMap { file.column($0)?.reference }
            switch defect.kind {
            case "duplicate-id":
                let earlier = table.records.filter {
                    $0.line < defect.line && $0[file.keyColumns[0]] == record[file.keyColumns[0]]
                }
                #expect(earlier.count == 1, "\(defect.file):\(defect.line)")
            case "duplicate-email", "duplicate-domain":
                let normalised = { (text: String) in
                    defect.kind == "duplicate-email" ? text.lowercased() : Self.host(text)
                }
                let earlier = table.records.filter {
                    $0.line < defect.line && normalised($0[defect.field!]) == normalised(value)
                }
                #expect(earlier.count == 1, "\(defect.file):\(defect.line) \(value)")
            case "missing-required":
                #expect(value.isEmpty)
            case "invalid-email":
                #expect(!Self.looksLikeEmail(value), "\(value)")
            case "invalid-phone":
                let digits = value.count(where: \.isNumber)
                #expect(value.contains(where: \.isLetter) || digits < 7 || digits > 15, "\(value)")
            case "orphan-company", "orphan-contact", "unknown-owner":
                let target = try #require(reference)
                #expect(
                    try export.lookupValues(of: target.file, by: target.by)[WrittenExport.folded(value, by: target.by)]
                        == nil)
            case "orphan-related":
                #expect(try Self.resolves(value, in: record, export: export, defect: defect) == false)
            case "ambiguous-reference":
                let target = try #require(reference)
                #expect(
                    try export.lookupValues(of: target.file, by: target.by)[WrittenExport.folded(value, by: target.by)]
                        ?? 0 >= 2)
            case "parent-self":
                let parent = try #require(reference)
                let own = try #require(export.lookupColumn(of: defect.file, by: parent.by))
                #expect(value == record[own])
            case "parent-cycle":
                #expect(defect.detail.hasPrefix("parent chain loops: "))
            default:
                Issue.record("unexpected kind \(defect.kind)")
            }
        }
    }

    @Test("the invalid email repeated in three records is three invalid emails and no duplicate")
    func repeatedInvalidEmailIsNotADuplicate() throws {
        for style in [ForeignStyle.salesforce, .british, .snake] {
            let export = try WrittenExport(style: style)
            let invalid = export.key.defects.filter { $0.kind == "invalid-email" }
            #expect(invalid.count == 3)
            let values = try Set(invalid.map { try export.table($0.file).record(at: $0.line)?[$0.field!] ?? "" })
            #expect(values.count == 1)
            let duplicates = export.key.defects.filter { $0.kind == "duplicate-email" }
            for duplicate in duplicates {
                let value = try export.table(duplicate.file).record(at: duplicate.line)?[duplicate.field!] ?? ""
                #expect(!values.contains(value))
            }
        }
    }

    @Test("every kind of defect is planted in some style, and each style plants several kinds")
    func everyKindIsPlanted() throws {
        var kinds = Set<String>()
        for style in ForeignStyle.allCases {
            let planted = Set(try WrittenExport(style: style).key.defects.map(\.kind))
            #expect(planted.count >= 10, "\(style) plants only \(planted.sorted())")
            kinds.formUnion(planted)
        }
        #expect(kinds == Set(FlawKind.allCases.map(\.rawValue)))
    }

    @Test("defects are found at small and large sizes for many seeds", arguments: [60, 400])
    func plantingWorksAtEverySize(records: Int) throws {
        for style in ForeignStyle.allCases {
            for seed in UInt64(1)...5 {
                let key = try ForeignExportWriter(style: style, records: records, seed: seed).render().key
                #expect(key.defects.count >= 15, "\(style) seed \(seed)")
            }
        }
    }

    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !text.contains(" ") else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty }
    }

    static func host(_ website: String) -> String {
        var text = website.lowercased()
        for prefix in ["https://", "http://", "www."] where text.hasPrefix(prefix) { text.removeFirst(prefix.count) }
        return String(text.prefix { $0 != "/" })
    }

    /// Whether a task's related value names a record: through its polymorphic pair, or its own reference column.
    static func resolves(_ value: String, in record: ReadRecord, export: WrittenExport, defect: DefectTruth) throws
        -> Bool
    {
        if let pair = export.key.polymorphic.first(where: { $0.file == defect.file && $0.idColumn == defect.field }) {
            let target = try #require(pair.targets[record[pair.typeColumn]])
            return try export.lookupValues(of: target, by: "id")[value] != nil
        }
        let reference = try #require(export.key.file(defect.file)?.column(defect.field ?? "")?.reference)
        return try export.lookupValues(of: reference.file, by: reference.by)[value] != nil
    }
}

extension WrittenExport {
    func lookupColumn(of path: String, by: String) -> String? {
        guard let file = key.file(path) else { return nil }
        switch by {
        case "id": return file.keyColumns.first
        case "name": return file.labelColumn
        default: return file.columns.first { $0.kind == "email" }?.name
        }
    }
}
