import AllegoryExport
import ExportGenerator
import Foundation
import Testing

@testable import ExportUnderstanding

/// A generated export in a temporary folder, understood.
final class UnderstoodExport {
    let root: URL
    let understanding: ExportUnderstanding

    init(contacts: Int = 300, seed: UInt64 = 3) throws {
        root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("understanding-\(UUID().uuidString)")
        _ = try ExportGenerator(contacts: contacts, seed: seed).write(to: root)
        understanding = try Understander(layout: try ExportLayout(root: root)).understand()
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func relation(_ object: String, _ column: String) -> Relation? {
        understanding.relation(object: object, column: column)
    }
}

@Suite("Understanding the generator's export")
struct GeneratedExportTests {
    @Test("every file of the default layout gets its role and its layout key")
    func rolesAndKeys() throws {
        let export = try UnderstoodExport()
        let expected: [String: (ObjectRole, [String])] = [
            "companies.csv": (.companies, ["Company ID"]), "contacts.csv": (.contacts, ["Contact ID"]),
            "deals.csv": (.deals, ["Deal ID"]), "users.csv": (.users, ["User ID"]), "tasks.csv": (.tasks, ["Task ID"]),
            "notes.csv": (.notes, ["Note ID"]), "activities.csv": (.activities, ["Activity ID"]),
            "attachments.csv": (.attachments, ["Attachment ID"]), "stages.csv": (.stages, ["Pipeline", "Stage"]),
            "workflows.json": (.workflows, ["id"]), "custom_objects/projects.csv": (.custom, ["Project ID"]),
            "relationships/projects__contacts.csv": (.junction, ["Project ID", "Contact ID"]),
        ]
        for (path, (role, keys)) in expected {
            let file = try #require(export.understanding.file(path: path), "\(path)")
            #expect(file.role == role, "\(path)")
            #expect(file.keyColumns == keys, "\(path)")
        }
    }

    @Test("the relations between the generator's files are found from their values, owners included")
    func relationsFound() throws {
        let export = try UnderstoodExport()
        let expected: [(String, String, String, MatchBy)] = [
            ("contacts", "Company ID", "companies", .id), ("deals", "Company ID", "companies", .id),
            ("deals", "Primary Contact ID", "contacts", .id), ("companies", "Parent Company ID", "companies", .id),
            ("companies", "Owner Email", "users", .email), ("contacts", "Owner Email", "users", .email),
            ("tasks", "Assignee Email", "users", .email), ("notes", "Author Email", "users", .email),
            ("projects", "Company ID", "companies", .id), ("projects__contacts", "Contact ID", "contacts", .id),
            ("projects__contacts", "Project ID", "projects", .id), ("deals", "Owner Email", "users", .email),
            ("activities", "Owner Email", "users", .email),
        ]
        for (object, column, target, matchBy) in expected {
            let relation = try #require(export.relation(object, column), "\(object).\(column)")
            #expect(relation.targetObject == target, "\(object).\(column)")
            #expect(relation.matchBy == matchBy, "\(object).\(column)")
            #expect(relation.headerAgrees, "\(object).\(column)")
        }
        let pairs = Set(export.understanding.polymorphic.map { "\($0.object).\($0.typeColumn)+\($0.idColumn)" })
        #expect(
            pairs == [
                "tasks.Related Type+Related ID", "notes.Related Type+Related ID", "activities.Related Type+Related ID",
                "attachments.Parent Type+Parent ID",
            ])
        // Nothing else is taken for a relation: no false links between unrelated columns.
        #expect(export.understanding.relations.count == expected.count)
    }

    @Test("an export's date comes from its manifest")
    func exportDate() throws {
        let export = try UnderstoodExport()
        #expect(export.understanding.exportDateSource == "manifest.json exportedAt")
        #expect(export.understanding.exportDate?.count == 10)
    }
}
