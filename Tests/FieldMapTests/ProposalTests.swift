import AllegoryExport
import ExportGenerator
import Foundation
import Testing
import TwentyModel

@testable import FieldMap

/// A generated export in a temporary folder.
final class GeneratedExport {
    let root: URL
    var export: URL { root.appendingPathComponent("export") }

    init(contacts: Int = 400, seed: UInt64 = 5) throws {
        root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
            "fieldmap-tests-\(UUID().uuidString)")
        _ = try ExportGenerator(contacts: contacts, seed: seed, clean: true).write(
            to: root.appendingPathComponent("export"))
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func propose(_ catalog: TargetCatalog = .builtIn(.v2)) throws -> MapProposer.Proposal {
        try MapProposer(layout: try ExportLayout(root: export), catalog: catalog).propose()
    }

    /// Rewrites a CSV file with renamed headers (old -> new) and its columns in `order` (a permutation of indices).
    func rewrite(_ file: String, renames: [String: String], shuffle: Bool) throws {
        let url = export.appendingPathComponent(file)
        let reader = try CSVReader(path: url.path)
        var rows: [[String]] = []
        try reader.read {
            rows.append($0.values); return true
        }
        let header = reader.header.map { renames[$0] ?? $0 }
        let order = shuffle ? Array((0..<header.count).reversed()) : Array(0..<header.count)
        func quote(_ cell: String) -> String {
            cell.contains(where: { ",\"\n\r".contains($0) })
                ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
        }
        let lines = ([header] + rows).map { row in
            order.map { $0 < row.count ? quote(row[$0]) : "" }.joined(separator: ",")
        }
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
    }
}

/// The expected target of every standard column of the generator's export (nil: deliberately not migrated).
enum ExpectedTargets {
    static let table = ProposalAnswerKey.targets

    /// The share of expected columns the map sends to their expected target; `renamed` gives, per object, the header
    /// a column has in a rewritten file (each file is renamed on its own: contacts' `Street` is not companies').
    static func accuracy(_ map: FieldMap, renamed: [String: [String: String]] = [:]) -> (Double, [String]) {
        var right = 0
        var total = 0
        var wrong: [String] = []
        for (object, columns) in table {
            for (column, expected) in columns {
                total += 1
                let header = renamed[object]?[column] ?? column
                let actual = map.object(source: object)?.fields.first { $0.column == header }
                if let actual, actual.target == expected {
                    right += 1
                } else {
                    wrong.append(
                        "\(object).\(header): expected \(expected ?? "nil"), got \(actual?.target ?? "no mapping")")
                }
            }
        }
        return (Double(right) / Double(total), wrong)
    }
}

@Suite("Proposal")
struct ProposalTests {
    @Test("every standard column of the generator's export reaches its expected target with high confidence")
    func standardColumns() throws {
        let export = try GeneratedExport()
        let map = try export.propose().map
        let (accuracy, wrong) = ExpectedTargets.accuracy(map)
        #expect(wrong == [])
        #expect(accuracy == 1)
        for object in ["contacts", "companies", "deals"] {
            for field in map.object(source: object)?.fields ?? [] where field.newField == nil && field.target != nil {
                #expect(field.confidence >= 0.8, "\(object).\(field.column) has confidence \(field.confidence)")
            }
        }
    }

    @Test("renamed and shuffled columns still reach their targets through synonyms and spelling")
    func renamedColumns() throws {
        let export = try GeneratedExport()
        let contacts = [
            "Email": "E-mail Address", "First Name": "Given Name", "Last Name": "Surname", "Job Title": "Position",
            "Postal Code": "ZIP Code", "Owner Email": "Record Owner", "Mobile": "Cell Phone", "Created": "Date Created",
        ]
        let companies = [
            "Company Name": "Organisation", "Website": "Web Site", "Employees": "Headcount", "Street": "Street Address",
        ]
        let deals = ["Amount": "Deal Value", "Stage": "Sales Stage", "Close Date": "Expected Close Date"]
        try export.rewrite("contacts.csv", renames: contacts, shuffle: true)
        try export.rewrite("companies.csv", renames: companies, shuffle: true)
        try export.rewrite("deals.csv", renames: deals, shuffle: true)
        let map = try export.propose().map
        let (accuracy, wrong) = ExpectedTargets.accuracy(
            map, renamed: ["contacts": contacts, "companies": companies, "deals": deals])
        #expect(wrong == [])
        #expect(accuracy == 1)
        let email = map.object(source: "contacts")?.fields.first { $0.column == "E-mail Address" }
        #expect(email?.reasons.first == "header \"E-mail Address\" is a synonym of Email")
    }

    @Test("a header that puts its own object's name before a column's name maps as that column")
    func objectNamePrefix() throws {
        let export = try GeneratedExport()
        try export.rewrite("deals.csv", renames: ["Owner Email": "Opportunity Owner"], shuffle: false)
        try export.rewrite("contacts.csv", renames: ["Email": "Contact Email"], shuffle: false)
        let map = try export.propose().map
        let owner = map.object(source: "deals")?.fields.first { $0.column == "Opportunity Owner" }
        #expect(owner?.target == "ownerId")
        #expect(
            owner?.reasons.first
                == "header \"Opportunity Owner\" is Owner with the object's name in front (Owner Email)")
        let email = map.object(source: "contacts")?.fields.first { $0.column == "Contact Email" }
        #expect(email?.target == "emails.primaryEmail")
        #expect((email?.confidence ?? 0) >= 0.8)
    }

    @Test(
        "columns with meaningless headers are proposed from their values alone, below 0.6, saying what would settle them"
    )
    func valueOnlyColumns() throws {
        let root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
            "fieldmap-values-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        var contacts = ["Field 1,Field 2,Field 3"]
        var deals = ["Field 1,Field 2,Field 3,Field 4"]
        for n in 1...300 {
            contacts.append("C\(n),person\(n)@example\(n % 7).com,+1 512 555 \(String(format: "%04d", n))")
            deals.append(
                "D\(n),\(n * 37 % 900 + 100).50,EUR,\(String(format: "%02d", n % 12 + 1))/\(String(format: "%02d", n % 28 + 1))/2026"
            )
        }
        try (contacts.joined(separator: "\n") + "\n").write(
            to: root.appendingPathComponent("contacts.csv"), atomically: true, encoding: .utf8)
        try (deals.joined(separator: "\n") + "\n").write(
            to: root.appendingPathComponent("deals.csv"), atomically: true, encoding: .utf8)
        let map = try MapProposer(layout: try ExportLayout(root: root), catalog: .builtIn()).propose().map
        let person = map.object(source: "contacts")
        #expect(person?.key == "Field 1")
        #expect(person?.fields.map(\.target) == ["allegoryId", "emails.primaryEmail", "phones.primaryPhoneNumber"])
        let deal = map.object(source: "deals")
        #expect(
            deal?.fields.map(\.target) == ["allegoryId", "amount.amountMicros", "amount.currencyCode", "closeDate"])
        #expect(deal?.fields[3].format == "MM/DD/YYYY")
        // Values alone are a guess: proposed, but below 0.6 and saying what would settle it, so a person checks them.
        for field in (person?.fields ?? []) + (deal?.fields ?? []) where field.target != "allegoryId" {
            #expect(field.confidence < 0.6, "\(field.column)")
            #expect(field.reasons.contains { $0.contains("would settle it") }, "\(field.column)")
        }
    }

    @Test("a headcount under an unfamiliar header or a count header is not taken for revenue at high confidence")
    func headcountIsNotRevenue() throws {
        let root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
            "fieldmap-headcount-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        var rows = ["Company ID,Company Name,Belegschaft,Staff Count"]
        for n in 1...200 { rows.append("CO\(n),Firma \(n),\(n * 37 % 5000 + 3),\(n * 53 % 900 + 1)") }
        try (rows.joined(separator: "\n") + "\n").write(
            to: root.appendingPathComponent("companies.csv"), atomically: true, encoding: .utf8)
        let map = try MapProposer(layout: try ExportLayout(root: root), catalog: .builtIn()).propose().map
        for column in ["Belegschaft", "Staff Count"] {
            let field = try #require(map.object(source: "companies")?.fields.first { $0.column == column })
            let revenue = field.target?.hasPrefix("annualRecurringRevenue") == true
            #expect(!revenue || field.confidence < 0.6, "\(column) -> \(field.target ?? "none") at \(field.confidence)")
        }
    }

    @Test("deal stages map value by value in stages.csv order, unmatched stages becoming new options in that order")
    func stageValues() throws {
        let map = try GeneratedExport().propose().map
        let stage = map.object(source: "deals")?.fields.first { $0.column == "Stage" }
        let pairs = stage?.values.map { "\($0.source)=\($0.target)\($0.isNew ? "+" : "")" }
        #expect(
            pairs == [
                "Lead=NEW", "Qualified=SCREENING", "Proposal=PROPOSAL", "Negotiation=NEGOTIATION+",
                "Closed Won=CUSTOMER",
                "Closed Lost=CLOSED_LOST+", "Renewal Due=RENEWAL_DUE+", "Renewal Quoted=RENEWAL_QUOTED+",
                "Renewed=CUSTOMER",
                "Churned=CHURNED+",
            ])
        #expect(
            stage?.reasons.contains {
                $0.hasPrefix("Closed Lost -> CLOSED_LOST (new option): Twenty has no lost stage")
            } == true)
    }

    @Test("owners map to workspace members by email and the rest fall back to the exporting administrator")
    func ownerMap() throws {
        let export = try GeneratedExport()
        var catalog = TargetCatalog.builtIn()
        catalog.memberEmails = ["Daniel@meridian.io", "sofia@meridian.io"]
        let owners = try export.propose(catalog).map.owners
        #expect(
            owners.members == [
                ValueMapping(source: "sofia@meridian.io", target: "sofia@meridian.io"),
                ValueMapping(source: "daniel@meridian.io", target: "Daniel@meridian.io"),
            ])
        #expect(owners.fallback == "sofia@meridian.io")
    }

    @Test("without a workspace, only active users of users.csv are mapped; other owner addresses go to the fallback")
    func ownersWithoutWorkspace() throws {
        let export = try GeneratedExport()
        let owners = try export.propose().map.owners
        let users = try String(contentsOf: export.export.appendingPathComponent("users.csv"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",").map(String.init) }
        let active = users.filter { $0.last == "true" }.map { $0[2] }
        #expect(owners.members.map(\.source) == active)
        #expect(owners.members.allSatisfy { $0.source == $0.target })
        #expect(owners.fallback == active.first)
    }

    @Test("custom objects become new objects and relationship files junction objects")
    func customAndJunctionObjects() throws {
        let map = try GeneratedExport().propose().map
        let projects = map.object(source: "projects")
        #expect(projects?.createdObject?.nameSingular == "project")
        #expect(projects?.fields.first { $0.column == "Company ID" }?.target == "clientId")
        #expect(projects?.fields.first { $0.column == "Status" }?.newField?.type == .select)
        let links = map.object(source: "projects__contacts")
        guard case .junction(let junction)? = links?.disposition else {
            Issue.record("projects__contacts is not a junction")
            return
        }
        #expect(junction.first.field == "project")
        #expect(junction.second.field == "person")
        #expect(MapValidator(catalog: .builtIn()).problems(in: map) == [])
    }
}
