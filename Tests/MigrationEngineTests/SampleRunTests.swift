import AllegoryExport
import CanonicalJSON
import FieldMap
import Foundation
import Ledger
import Testing
import TwentyClient

@testable import MigrationEngine

@Suite("Sample migration")
struct SampleRunTests {
    static func sample(_ rig: MigrationRig, _ ledger: Ledger, perObject: Int = 10) async throws -> (
        SampleRun, SampleSummary
    ) {
        let run = SampleRun(
            client: rig.client, ledger: ledger, workspace: try await rig.client.describeWorkspace(),
            map: rig.confirmed.map, mapSha256: rig.confirmed.sha256, projectId: rig.project.settings.projectId,
            perObject: perObject, source: try ExportSource(url: rig.root.appendingPathComponent("export")))
        return (run, try await run.run())
    }

    @Test("the sample writes at most N records per object plus the parents their links need, and every link resolves")
    func sampleIsBoundedAndLinksResolve() async throws {
        let rig = try await MigrationRig()
        let ledger = try rig.ledger()
        let (_, summary) = try await Self.sample(rig, ledger, perObject: 10)
        #expect(!summary.objects.isEmpty)
        for object in summary.objects {
            #expect(object.sampled <= 10, "\(object)")
            #expect(object.written + object.refused == object.sampled + object.parents, "\(object)")
        }
        // Contacts pull in their companies: more companies are written than were sampled for their own sake.
        let companies = try #require(summary.objects.first { $0.sourceObject == "companies" })
        #expect(companies.parents > 0)
        let heldCompanies = Set(try await rig.ids("companies"))
        let people = try await rig.client.get("rest/people?limit=200")["data"]?["people"]?.items ?? []
        let companyLinks = people.compactMap { $0["companyId"]?.stringValue }
        #expect(!companyLinks.isEmpty && companyLinks.allSatisfy(heldCompanies.contains))
        // Every relation checked (join column held = the parent's id, parent in Twenty) agrees.
        let relations = summary.report.rows.filter { $0.check == .relation && !$0.sent.isEmpty }
        #expect(!relations.isEmpty)
        let broken = relations.filter { !$0.agrees }
        #expect(broken.isEmpty, "\(broken)")
        // The sampled notes' targets are written, each to a parent Twenty holds.
        let notes = summary.objects.filter { ["notes", "activities"].contains($0.sourceObject) }
        #expect(notes.reduce(0) { $0 + $1.links.written } > 0)
        #expect(notes.allSatisfy { $0.links.unwritten == 0 && $0.links.refused == 0 }, "\(notes)")
        // Attachments of sampled records are sampled too, each on a parent the sample wrote.
        let attachments = try #require(summary.objects.first { $0.sourceObject == "attachments" })
        #expect(attachments.sampled > 0 && attachments.parents == 0)
        #expect(summary.notes.isEmpty, "\(summary.notes)")
    }

    @Test("the diff has a row for every field written, and a clean sample agrees everywhere")
    func diffCoversEveryWrittenField() async throws {
        let rig = try await MigrationRig()
        let ledger = try rig.ledger()
        let (_, summary) = try await Self.sample(rig, ledger)
        var rowsByRecord: [String: Set<String>] = [:]
        for row in summary.report.rows {
            rowsByRecord["\(row.object)/\(row.sourceId)", default: []].insert(
                String(row.field.split(separator: ".")[0]))
        }
        var records = 0
        try ledger.events(matching: EventFilter(type: EventType.recordCreated.rawValue, runId: ledger.runId)) { event in
            guard case .recordCreated(let created) = try event.decoded(), !(created.sourceObject ?? "").contains("#")
            else {
                return
            }
            records += 1
            let fields = Set((created.values.objectValue ?? [:]).keys).subtracting(["id"])
            let rows = rowsByRecord["\(created.sourceObject ?? "")/\(created.sourceId ?? "")", default: []]
            #expect(
                fields.isSubset(of: rows),
                "\(created.sourceObject ?? "") \(created.sourceId ?? ""): \(fields.subtracting(rows))")
        }
        #expect(records > 0)
        // Pick-lists, owners and relations get their own checks.
        let checks = Set(summary.report.rows.map(\.check))
        #expect(checks == [.value, .option, .owner, .relation, .selfLink, .target, .attachment])
        // A clean sample agrees everywhere, `updatedAt` included: parent companies are set in the create, not by an
        // update Twenty would date anew.
        let disagreeing = summary.report.rows.filter { !$0.agrees }
        #expect(disagreeing.isEmpty, "\(disagreeing.prefix(5))")
        #expect(
            summary.report.csv.hasPrefix("object,source_id,column,field,check,source_value,sent,held,agrees,note\n"))
    }

    @Test("values Twenty normalises on write (an email's case, a URL's scheme and origin case, a phone's format) agree")
    func normalisedValuesAgree() {
        #expect(SampleValue.agrees("Ann.Lee@Example.COM", "ann.lee@example.com", path: "emails.primaryEmail"))
        #expect(
            SampleValue.agrees("Example.com/About/", "https://example.com/About", path: "domainName.primaryLinkUrl"))
        #expect(
            !SampleValue.agrees("example.com/about", "https://example.com/About", path: "domainName.primaryLinkUrl"))
        #expect(SampleValue.agrees(.integer(19_990_000), .number(19_990_000), path: "amount.amountMicros"))
        #expect(SampleValue.agrees("2024-03-01T10:00:00Z", "2024-03-01T10:00:00.000+00:00", path: "createdAt"))
        #expect(SampleValue.agrees(.null, "", path: "jobTitle"))
        #expect(SampleValue.agrees(["primaryLinkUrl": "", "secondaryLinks": []], .null, path: "linkedinLink"))
        let sent: JSONValue = ["phones": ["primaryPhoneNumber": "+1 415 555 0100", "primaryPhoneCallingCode": "+1"]]
        let held: JSONValue = ["phones": ["primaryPhoneNumber": "4155550100", "primaryPhoneCallingCode": "+1"]]
        #expect(FieldComparison.phoneAgrees("phones.primaryPhoneNumber", sent, held) == true)
        #expect(!SampleValue.agrees("Ann", "Anne", path: "name.firstName"))
    }

    @Test(
        "a value changed in Twenty after the sample wrote it shows as a disagreement on that field (and on updatedAt, which Twenty dates anew)"
    )
    func changedValueDisagrees() async throws {
        let rig = try await MigrationRig()
        let ledger = try rig.ledger()
        let (run, _) = try await Self.sample(rig, ledger, perObject: 5)
        let people = try await rig.client.get("rest/people?limit=1")["data"]?["people"]?.items ?? []
        let person = try #require(people.first?["id"]?.stringValue)
        _ = try await rig.client.send("PATCH", "rest/people/\(person)", body: ["jobTitle": "Changed after writing"])
        let contacts = try #require(rig.confirmed.map.object(source: "contacts"))
        let rows = try await run.compareWritten(contacts)
        // Twenty dates the change too: updatedAt no longer holds the source's time.
        let disagreeing = rows.filter { !$0.agrees }
        #expect(disagreeing.map(\.field).sorted() == ["jobTitle", "updatedAt"])
        let changed = try #require(disagreeing.first { $0.field == "jobTitle" })
        #expect(changed.held == "Changed after writing" && changed.sent != changed.held)
        #expect(!changed.column.isEmpty && changed.object == "contacts")
        let report = SampleDiffReport(rows: rows)
        #expect(report.summary.prefix(2).map(\.disagreements) == [1, 1])
        #expect(report.html.contains("Changed after writing"))
    }

    @Test("the full run after a sample writes the rest, and no sampled record twice")
    func fullRunSkipsSampled() async throws {
        let rig = try await MigrationRig()
        let ledger = try rig.ledger()
        let (_, summary) = try await Self.sample(rig, ledger)
        let sampled = summary.objects.reduce(0) { $0 + $1.written }
        let run = try await rig.migration(ledger).run()
        #expect(run.objects.reduce(0) { $0 + $1.counts.written } > 0)
        var created: [String] = []
        try ledger.events(matching: EventFilter(type: EventType.recordCreated.rawValue)) {
            created.append($0.twentyId ?? "")
        }
        #expect(created.count == Set(created).count)
        #expect(created.count >= sampled)
        for row in try ledger.conservation() { #expect(row.pending == 0 && row.balances, "\(row)") }
        for plural in ["companies", "people", "opportunities", "noteTargets"] {
            let held = try await rig.ids(plural)
            #expect(held.count == Set(held).count, "\(plural) has duplicates")
        }
    }

    @Test("approval is refused before a sample of the map has run, then recorded and found by the map's hash")
    func approvalRecorded() async throws {
        let rig = try await MigrationRig()
        let ledger = try rig.ledger()
        let hash = rig.confirmed.sha256
        #expect(throws: SampleNotRun.self) { try ledger.approveSample(mapSha256: hash, by: "ana") }
        #expect(try !ledger.sampleApproved(mapSha256: hash))
        let (_, summary) = try await Self.sample(rig, ledger, perObject: 3)
        let approval = try ledger.approveSample(mapSha256: hash, by: "ana")
        #expect(approval.sampleRunId == summary.runId)
        #expect(try ledger.sampleApproved(mapSha256: hash))
        #expect(try !ledger.sampleApproved(mapSha256: String(repeating: "0", count: 64)))
        var runs: [String] = []
        try ledger.events(matching: EventFilter(runId: summary.runId)) { event in
            if case .runStarted(let started) = try event.decoded() { runs.append("\(started.command)/\(started.mode)") }
        }
        #expect(runs == ["sample/sample"])
    }

    @Test(
        "the sample creates parent companies before their children and each child with its link, every self link checked in the diff"
    )
    func selfLinksInTheCreate() async throws {
        let rig = try await MigrationRig()
        let ledger = try rig.ledger()
        let (_, summary) = try await Self.sample(rig, ledger, perObject: 10)
        var createdAt: [String: Int64] = [:]
        var parentOf: [String: String] = [:]
        try ledger.events(matching: EventFilter(type: EventType.recordCreated.rawValue, runId: summary.runId)) {
            event in
            guard case .recordCreated(let record) = try event.decoded(), record.sourceObject == "companies",
                let id = record.twentyId
            else { return }
            createdAt[id] = event.seq
            if let parent = record.values["parentCompanyId"]?.stringValue { parentOf[id] = parent }
        }
        #expect(!createdAt.isEmpty && !parentOf.isEmpty)
        // Each parent was created (its outcome recorded) before the child naming it.
        for (child, parent) in parentOf {
            let parentSeq = try #require(createdAt[parent], "parent \(parent) of \(child) not created by the sample")
            #expect(parentSeq < createdAt[child]!, "\(child) created before its parent \(parent)")
        }
        var updated = 0
        try ledger.events(matching: EventFilter(type: EventType.recordUpdated.rawValue, runId: summary.runId)) { _ in
            updated += 1
        }
        #expect(updated == 0)
        let selfLinks = summary.report.rows.filter { $0.check == .selfLink && !$0.sent.isEmpty }
        #expect(selfLinks.count == parentOf.count)
        #expect(selfLinks.allSatisfy { $0.agrees }, "\(selfLinks.filter { !$0.agrees })")
    }

    @Test(
        "each sampled note's targets are read back and compared with its source links; a target removed in Twenty disagrees"
    )
    func targetsReadBackAndCompared() async throws {
        let rig = try await MigrationRig()
        let ledger = try rig.ledger()
        let (_, summary) = try await Self.sample(rig, ledger, perObject: 10)
        let targets = summary.report.rows.filter { $0.check == .target }
        #expect(!targets.isEmpty)
        #expect(targets.allSatisfy { $0.agrees && !$0.held.isEmpty }, "\(targets.filter { !$0.agrees })")
        // Remove one note's first target in Twenty: that note's row now disagrees, naming what is missing.
        let notes = try #require(rig.confirmed.map.object(source: "notes"))
        var sampled: [PendingWrite] = []
        try ledger.forEachWrittenTransform(sourceObject: "notes") { sampled.append($0) }
        let note = try #require(sampled.first { !$0.targets.isEmpty })
        let links = try await rig.client.get("rest/noteTargets?limit=200")["data"]?["noteTargets"]?.items ?? []
        let link = try #require(links.first { $0["noteId"]?.stringValue == note.twentyId })
        _ = try await rig.client.send("DELETE", "rest/noteTargets/\(link["id"]?.stringValue ?? "")")
        let workspace = try await rig.client.describeWorkspace()
        let rows = try await TargetComparison(
            client: rig.client, ledger: ledger, workspace: workspace, map: rig.confirmed.map
        ).rows(sampled, object: notes, name: "note")
        let disagreeing = rows.filter { !$0.agrees }
        #expect(disagreeing.map(\.sourceId) == [note.sourceId])
        #expect(disagreeing.first?.sent.contains(link.targetId) == true)
        #expect(disagreeing.first?.held.contains(link.targetId) == false)
    }

    @Test(
        "each sampled attachment's file is read back with the export's size and hash; bytes that differ from the export's hash disagree"
    )
    func attachmentsReadBackAndCompared() async throws {
        let rig = try await MigrationRig()
        let ledger = try rig.ledger()
        let (run, summary) = try await Self.sample(rig, ledger, perObject: 10)
        let attachments = try #require(summary.objects.first { $0.sourceObject == "attachments" })
        let files = summary.report.rows.filter { $0.check == .attachment }
        #expect(files.count == attachments.written && !files.isEmpty)
        #expect(files.allSatisfy { $0.agrees && $0.held.contains("sha256 ") }, "\(files.filter { !$0.agrees })")
        // The same records, checked against an export that lists other bytes for the first: only that one disagrees.
        let object = try #require(rig.confirmed.map.object(source: "attachments"))
        var written: [PendingWrite] = []
        try ledger.forEachWrittenTransform(sourceObject: "attachments") { written.append($0) }
        var manifest = run.manifest.entries
        let changed = try #require(manifest.firstIndex { $0.outcome == "uploaded" })
        manifest[changed].sha256 = String(repeating: "0", count: 64)
        let workspace = try await rig.client.describeWorkspace()
        let rows = try await AttachmentComparison(client: rig.client, ledger: ledger, workspace: workspace).rows(
            written, object: object, target: try WriteTarget(object, in: workspace), manifest: manifest)
        #expect(rows.filter { !$0.agrees }.map(\.sourceId) == [manifest[changed].attachment])
    }
}

extension JSONValue {
    /// The parent id a note or task target points at, whichever join column holds it.
    fileprivate var targetId: String {
        ["targetPersonId", "targetCompanyId", "targetOpportunityId", "targetProjectId"].lazy.compactMap {
            self[$0]?.stringValue
        }.first ?? ""
    }
}

@Suite("Sample selection")
struct SampleSelectionTests {
    static func record(_ index: Int, _ values: JSONValue) -> PendingWrite {
        PendingWrite(
            sourceObject: "contacts", sourceId: "C\(index)", targetObject: "person", values: values,
            transformedSeq: Int64(index))
    }

    @Test("the selection takes a record for every field only it has before the richest of the rest, in export order")
    func rareFieldsAreChosen() {
        var pending = (0..<50).map {
            Self.record($0, ["name": ["firstName": .string("P\($0)"), "lastName": "X"], "city": "Oslo"])
        }
        pending[37].values = ["name": ["firstName": "Only"], "jobTitle": "the one with a job title"]
        pending[41].values = ["name": ["firstName": "Also"], "emails": ["primaryEmail": "a@b.c"]]
        let chosen = SampleSelection.choose(pending, limit: 3).map(\.sourceId)
        // The first rich record, then the two that alone bring jobTitle and emails, in the export's order.
        #expect(chosen == ["C0", "C37", "C41"])
        #expect(SampleSelection.choose(pending, limit: 60).count == 50)
    }

    @Test("features beyond 64 kinds are kept apart, so a rare one still gets its record chosen")
    func manyFeatures() {
        var pending: [PendingWrite] = []
        for index in 0..<100 {
            var values: [String: JSONValue] = [:]
            for field in 0..<70 { values["f\(field)"] = .string("v") }
            pending.append(Self.record(index, .object(values)))
        }
        pending[90].values = ["rare": "yes"]
        #expect(SampleSelection.choose(pending, limit: 2).map(\.sourceId) == ["C0", "C90"])
    }
}
