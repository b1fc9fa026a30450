import Foundation
import Testing

@Suite("A clean export")
struct CleanExportTests {
    @Test("plants no defects and says so in planted-defects.json")
    func noDefects() throws {
        let export = try GeneratedExport(contacts: 1000, seed: 5, clean: true)
        #expect(export.summary.defects.isEmpty)
        let key = try JSONSerialization.jsonObject(with: Data(contentsOf: export.file("planted-defects.json")))
        let defects = (key as? [String: Any])?["defects"] as? [Any]
        #expect(defects?.isEmpty == true)
    }

    @Test("resolves every Company ID, Primary Contact ID, Related ID and Parent ID")
    func everyReferenceResolves() throws {
        let export = try GeneratedExport(contacts: 1000, seed: 5, clean: true)
        let companies = Set(try export.table("companies.csv").rows.map { $0.cells[0] })
        let contacts = try export.table("contacts.csv")
        let contactIDs = Set(contacts.rows.map { $0.cells[0] })
        let emails = Set(contacts.rows.compactMap { contacts.value($0, "Email") })
        let deals = try export.table("deals.csv")
        let dealIDs = Set(deals.rows.map { $0.cells[0] })
        let projects = try export.table("custom_objects/projects.csv")
        let projectIDs = Set(projects.rows.map { $0.cells[0] })
        func resolves(_ type: String?, _ id: String?) -> Bool {
            guard let type, let id else { return false }
            switch type {
            case "Contact": return contactIDs.contains(id)
            case "Company": return companies.contains(id)
            case "Deal": return dealIDs.contains(id)
            case "projects": return projectIDs.contains(id)
            default: return false
            }
        }

        let companyTable = try export.table("companies.csv")
        for row in companyTable.rows {
            let parent = companyTable.value(row, "Parent Company ID") ?? ""
            #expect(parent.isEmpty || companies.contains(parent), "companies.csv:\(row.line) parent \(parent)")
        }
        for row in contacts.rows {
            let company = contacts.value(row, "Company ID") ?? ""
            #expect(company.isEmpty || companies.contains(company), "contacts.csv:\(row.line) company \(company)")
        }
        for row in deals.rows {
            #expect(companies.contains(deals.value(row, "Company ID") ?? ""), "deals.csv:\(row.line)")
            #expect(contactIDs.contains(deals.value(row, "Primary Contact ID") ?? ""), "deals.csv:\(row.line)")
        }
        for file in ["tasks.csv", "notes.csv", "activities.csv"] {
            let table = try export.table(file)
            for row in table.rows {
                #expect(
                    resolves(table.value(row, "Related Type"), table.value(row, "Related ID")), "\(file):\(row.line)")
            }
        }
        let activities = try export.table("activities.csv")
        for row in activities.rows {
            for email in (activities.value(row, "Participants") ?? "").split(separator: ";") {
                #expect(emails.contains(String(email)), "activities.csv:\(row.line) participant \(email)")
            }
        }
        let attachments = try export.table("attachments.csv")
        for row in attachments.rows {
            #expect(resolves(attachments.value(row, "Parent Type"), attachments.value(row, "Parent ID")))
        }
        for row in projects.rows { #expect(companies.contains(projects.value(row, "Company ID") ?? "")) }
        let links = try export.table("relationships/projects__contacts.csv")
        #expect(!links.rows.isEmpty)
        for row in links.rows {
            #expect(projectIDs.contains(row.cells[0]) && contactIDs.contains(row.cells[1]))
        }
    }

    @Test("holds none of the defects an audit looks for")
    func auditFindsNothing() throws {
        let export = try GeneratedExport(contacts: 2000, seed: 11, clean: true)
        let audit = try TestAudit(export)
        #expect(audit.findings.isEmpty, "\(audit.findings.sorted { $0.description < $1.description })")
    }

    @Test("has the documented proportions")
    func proportions() throws {
        let export = try GeneratedExport(contacts: 1000, seed: 5, clean: true)
        let counts = export.summary.recordCounts
        #expect(counts["contacts.csv"] == 1000)
        #expect(counts["companies.csv"] == 100)
        #expect(counts["deals.csv"] == 200)
        #expect(counts["tasks.csv"] == 500)
        #expect(counts["notes.csv"] == 500)
        #expect(counts["activities.csv"] == 1000)
        #expect(counts["attachments.csv"] == 20)
        #expect(counts["custom_objects/projects.csv"] == 10)
        #expect((10...20).contains(counts["users.csv"] ?? 0))
        #expect((5...10).contains(counts["workflows.json"] ?? 0))
        let links = counts["relationships/projects__contacts.csv"] ?? 0
        #expect((10...30).contains(links))
    }
}
