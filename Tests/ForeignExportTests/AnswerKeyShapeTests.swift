import ForeignExport
import Foundation
import Testing

@Suite("Answer key")
struct AnswerKeyShapeTests {
    static let roles: Set<String> = [
        "companies", "contacts", "deals", "users", "stages", "tasks", "notes", "activities", "attachments", "custom",
        "junction",
    ]
    static let kinds: Set<String> = [
        "text", "id", "email", "phone", "url", "date", "datetime", "integer", "decimal", "money", "currency-code",
        "percent",
        "year", "boolean", "picklist", "country", "reference",
    ]

    @Test("the key's columns are every header of every file, in order", arguments: ForeignStyle.allCases)
    func columnsAreTheHeaders(style: ForeignStyle) throws {
        try Self.checkShape(of: WrittenExport(style: style))
    }

    @Test("the key lists every file of the export and nothing else", arguments: ForeignStyle.allCases)
    func filesAreTheExport(style: ForeignStyle) throws {
        let export = try WrittenExport(style: style)
        #expect(try export.exportFiles() == export.key.files.map(\.path).sorted())
        #expect(export.key.style == style.rawValue)
        #expect(export.key.writer == "write-foreign-export")
        #expect(export.key.seed == 7)
    }

    @Test("absent values are written as null and keys are sorted")
    func nullsAndSortedKeys() throws {
        let export = try WrittenExport(style: .salesforce)
        let text = try String(contentsOf: export.folder.appendingPathComponent("answer-key.json"), encoding: .utf8)
        #expect(text.contains("\"labelColumn\" : null"))
        #expect(text.contains("\"reference\" : null"))
        #expect(text.contains("\"standard\" : null"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(
            object.keys.sorted() == [
                "about", "defects", "files", "polymorphic", "relations", "seed", "style", "writer",
            ])
        let top = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        #expect(top == top.sorted())
    }

    @Test("a file without ids is keyed by a unique natural key")
    func naturalKeysAreUnique() throws {
        let export = try WrittenExport(style: .british)
        let natural = export.key.files.filter { $0.keyKind == "natural" }
        #expect(Set(natural.map(\.path)) == ["staff.csv", "opportunities.csv"])
        for file in natural {
            let values = try export.table(file.path).records.map { $0[file.keyColumns[0]].lowercased() }
            #expect(Set(values).count == values.count, "\(file.path)")
        }
    }

    @Test("a relation is listed for every reference column and only those", arguments: ForeignStyle.allCases)
    func relationsMatchReferenceColumns(style: ForeignStyle) throws {
        let key = try WrittenExport(style: style).key
        let fromColumns = key.files.flatMap { file in
            file.columns.compactMap { column in
                column.reference.map { "\(file.path)|\(column.name)|\($0.file)|\($0.by)" }
            }
        }
        #expect(Set(fromColumns) == Set(key.relations.map { "\($0.file)|\($0.column)|\($0.targetFile)|\($0.by)" }))
        #expect(fromColumns.count == key.relations.count)
    }

    static func checkShape(of export: WrittenExport) throws {
        for file in export.key.files {
            let table = try export.table(file.path)
            let names = file.columns.map(\.name)
            if file.path.hasSuffix(".json") {
                #expect(Set(table.header) == Set(names), "\(file.path)")
            } else {
                #expect(table.header == names, "\(file.path)")
            }
            #expect(table.records.count == file.records, "\(file.path)")
            #expect(roles.contains(file.role), "\(file.path) role \(file.role)")
            #expect(["id", "natural", "line"].contains(file.keyKind))
            for key in file.keyColumns { #expect(names.contains(key), "\(file.path) key \(key)") }
            if let label = file.labelColumn { #expect(names.contains(label)) }
            for column in file.columns {
                #expect(kinds.contains(column.kind), "\(file.path) \(column.name) kind \(column.kind)")
                if let reference = column.reference {
                    #expect(export.key.file(reference.file) != nil, "\(file.path) \(column.name)")
                }
            }
        }
        for relation in export.key.relations {
            #expect(export.key.file(relation.file)?.column(relation.column) != nil)
            #expect(export.key.file(relation.targetFile) != nil)
        }
    }
}
