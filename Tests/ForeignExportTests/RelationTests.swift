import ForeignExport
import Foundation
import Testing

@Suite("Relations")
struct RelationTests {
    @Test(
        "every reference outside a planted defect names exactly one record of its target",
        arguments: ForeignStyle.allCases)
    func everyRelationHolds(style: ForeignStyle) throws {
        try Self.checkRelations(of: WrittenExport(style: style))
    }

    @Test(
        "every polymorphic reference outside a planted defect names a record of the type it gives",
        arguments: ForeignStyle.allCases)
    func everyPolymorphicReferenceHolds(style: ForeignStyle) throws {
        try Self.checkPolymorphic(of: WrittenExport(style: style))
    }

    @Test("each style relates records its own way")
    func stylesRelateDifferently() throws {
        let byStyle = try Dictionary(
            uniqueKeysWithValues: ForeignStyle.allCases.map { style in
                (style, Set(try WrittenExport(style: style).key.relations.map(\.by)))
            })
        #expect(byStyle[.salesforce] == ["name", "email"])
        #expect(byStyle[.german] == ["id"])
        #expect(byStyle[.british] == ["id", "name", "email"])
        #expect(byStyle[.snake] == ["id", "email"])
    }

    @Test("a parent company refers to its own file in every style")
    func parentsAreSelfReferences() throws {
        for style in ForeignStyle.allCases {
            let key = try WrittenExport(style: style).key
            let companies = try #require(key.files.first { $0.role == "companies" })
            #expect(key.relations.contains { $0.file == companies.path && $0.targetFile == companies.path })
        }
    }

    static func checkRelations(of export: WrittenExport) throws {
        let spots = export.defectSpots
        #expect(!export.key.relations.isEmpty)
        for relation in export.key.relations {
            let targets = try export.lookupValues(of: relation.targetFile, by: relation.by)
            for record in try export.table(relation.file).records where !record[relation.column].isEmpty {
                guard !spots.contains("\(relation.file):\(record.line):\(relation.column)") else { continue }
                let found = targets[WrittenExport.folded(record[relation.column], by: relation.by)] ?? 0
                // A repeated id is its own defect (duplicate-id); a name or email must name one record only.
                #expect(
                    relation.by == "id" ? found >= 1 : found == 1,
                    "\(relation.file):\(record.line) \(relation.column) \"\(record[relation.column])\" matches \(found) records of \(relation.targetFile)"
                )
            }
        }
    }

    static func checkPolymorphic(of export: WrittenExport) throws {
        let spots = export.defectSpots
        for pair in export.key.polymorphic {
            for record in try export.table(pair.file).records where !record[pair.typeColumn].isEmpty {
                guard !spots.contains("\(pair.file):\(record.line):\(pair.idColumn)") else { continue }
                let target = try #require(
                    pair.targets[record[pair.typeColumn]], "unknown type \(record[pair.typeColumn])")
                #expect(
                    try export.lookupValues(of: target, by: "id")[record[pair.idColumn]] != nil,
                    "\(pair.file):\(record.line)")
            }
        }
    }
}
