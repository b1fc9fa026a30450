import CanonicalJSON
import Crypto
import Foundation
import Ledger
import MigrationEngine
import Testing
import TwentySandbox

@Suite("Migration run")
struct MigrationRunTests {
    static let objects = [
        ("companies", "companies"), ("contacts", "people"), ("deals", "opportunities"), ("projects", "projects"),
        ("tasks", "tasks"),
    ]

    @Test("every transformed record is written once, and per object written + rejected + excluded = extracted")
    func writesEverythingOnce() async throws {
        let rig = try await MigrationRig()
        let ledger = try rig.ledger()
        let summary = try await rig.migration(ledger).run()
        #expect(summary.settledIntents == 0)
        for row in try ledger.conservation() {
            #expect(row.balances, "\(row)")
        }
        for (source, plural) in Self.objects {
            let row = try #require(try ledger.conservation().first { $0.object == source })
            let held = try await rig.ids(plural)
            #expect(row.pending == 0 && row.written > 0, "\(source): \(row)")
            // Twenty holds exactly the records the ledger says were created from this source object.
            var created: [String] = []
            try ledger.events(matching: EventFilter(type: EventType.recordCreated.rawValue)) { event in
                if case .recordCreated(let payload) = try event.decoded(), payload.sourceObject == source {
                    created.append(payload.twentyId ?? "")
                }
            }
            #expect(created.count == row.written)
            #expect(Set(held) == Set(created), "\(source)")
        }
        // Every person's company link points at a company Twenty holds.
        let companies = Set(try await rig.ids("companies"))
        let people = try await rig.client.get("rest/people?limit=200")
        let links = (people["data"]?["people"]?.items ?? []).compactMap { $0["companyId"]?.stringValue }
        #expect(!links.isEmpty)
        #expect(links.allSatisfy(companies.contains))
        // Every person holds the link each of its transformed links named: company and owner (a workspace member,
        // which the map does not write) alike.
        var sent: [String: JSONValue] = [:]
        try ledger.forEachWrittenTransform(sourceObject: "contacts") { sent[$0.twentyId ?? ""] = $0.values }
        var owners = 0
        for person in people["data"]?["people"]?.items ?? [] {
            let values = try #require(sent[person["id"]?.stringValue ?? ""])
            for column in ["companyId", "ownerId"] where values[column] != nil {
                #expect(person[column] == values[column], "\(column) of \(person["id"] ?? .null)")
            }
            if values["ownerId"]?.stringValue != nil { owners += 1 }
        }
        #expect(owners > 0)
        #expect(try ledger.intentsInDoubt().isEmpty)
        #expect(try ledger.rebuildProjections(check: true).matches)

        // Parent companies are written before their children, each child created with the link its transform
        // named: no update per link.
        var parentOf: [String: String] = [:]
        try ledger.forEachWrittenTransform(sourceObject: "companies") { record in
            if let parent = record.values["parentCompanyId"]?.stringValue { parentOf[record.twentyId ?? ""] = parent }
        }
        #expect(!parentOf.isEmpty)
        let heldCompanies = try await rig.client.get("rest/companies?limit=200")["data"]?["companies"]?.items ?? []
        for company in heldCompanies {
            let id = company["id"]?.stringValue ?? ""
            #expect(company["parentCompanyId"]?.stringValue == parentOf[id], "\(id)")
        }
        var updates = 0
        try ledger.events(matching: EventFilter(type: EventType.recordUpdated.rawValue)) { _ in updates += 1 }
        #expect(updates == 0)

        // Tasks, notes and activities are linked to the records their type + id columns name.
        for source in ["notes", "activities"] {
            let object = try #require(summary.objects.first { $0.sourceObject == source })
            #expect(object.links.written > 0 && object.links.refused == 0, "\(source): \(object.links)")
        }
        let parents = Set(
            try await rig.ids("people") + rig.ids("companies") + rig.ids("opportunities") + rig.ids("projects"))
        let notes = Set(try await rig.ids("notes"))
        let targets = try await rig.client.get("rest/noteTargets?limit=200")["data"]?["noteTargets"]?.items ?? []
        let linksWritten = summary.objects.filter { ["notes", "activities"].contains($0.sourceObject) }
            .reduce(0) { $0 + $1.links.written }
        #expect(targets.count == min(200, linksWritten))
        for link in targets {
            #expect(notes.contains(link["noteId"]?.stringValue ?? ""))
            let parent = ["targetPersonId", "targetCompanyId", "targetOpportunityId", "targetProjectId"].compactMap {
                link[$0]?.stringValue
            }
            #expect(parent.count == 1 && parents.contains(parent[0]), "\(link)")
        }

        // A second run has nothing left to write.
        let again = try await rig.migration(ledger).run()
        #expect(again.objects.allSatisfy { $0.pending == 0 })
    }

    @Test("a run stopped between a batch call and its outcome resumes by reading the batch back, writing nothing twice")
    func stoppedRunResumes() async throws {
        let rig = try await MigrationRig()
        struct Stop: Error {}
        let ledger = try rig.ledger()
        let first = try await rig.migration(ledger)
        first.writer.afterCall = { batch in if batch >= 2 { throw Stop() } }
        await #expect(throws: Stop.self) { _ = try await first.run() }
        #expect(try ledger.intentsInDoubt().count == 1)

        let resumed = try await rig.migration(ledger).run()
        #expect(resumed.settledIntents == 1)
        #expect(resumed.settledRecords > 0)
        #expect(try ledger.intentsInDoubt().isEmpty)
        for (source, plural) in Self.objects {
            let row = try #require(try ledger.conservation().first { $0.object == source })
            let held = try await rig.ids(plural)
            #expect(row.pending == 0 && row.balances, "\(source): \(row)")
            #expect(held.count == Set(held).count, "\(source) has duplicates")
        }
        // Every record.created names a distinct Twenty id: nothing was recorded twice either.
        var created: [String] = []
        try ledger.events(matching: EventFilter(type: EventType.recordCreated.rawValue)) {
            created.append($0.twentyId ?? "")
        }
        #expect(created.count == Set(created).count)
    }

    @Test(
        "a record that collides with one already in the workspace is refused alone, with Twenty's reason, and the rest of its batch is written"
    )
    func collisionIsolated() async throws {
        let rig = try await MigrationRig()
        let ledger = try rig.ledger()
        var pending: [PendingWrite] = []
        try ledger.forEachPendingWrite(sourceObject: "contacts") { pending.append($0) }
        let victim = try #require(pending.first { $0.values["emails"]?["primaryEmail"]?.stringValue != nil })
        let email = try #require(victim.values["emails"]?["primaryEmail"]?.stringValue)
        _ = try await rig.client.send(
            "POST", "_sandbox/seed",
            body: [
                "people": [
                    [
                        "name": ["firstName": "Already", "lastName": "There"],
                        "emails": ["primaryEmail": .string(email)],
                    ]
                ]
            ])

        let summary = try await rig.migration(ledger).run()
        let contacts = try #require(summary.objects.first { $0.sourceObject == "contacts" })
        #expect(contacts.counts.refused == 1)
        #expect(contacts.counts.written == pending.count - 1)
        #expect(contacts.counts.reasons.keys.contains { $0.contains(email) }, "\(contacts.counts.reasons)")
        let row = try #require(try ledger.conservation().first { $0.object == "contacts" })
        #expect(row.pending == 0 && row.balances)
        // The refusal is recorded against that record alone, not retryable.
        var refusals: [WriteFailed] = []
        try ledger.events(matching: EventFilter(type: EventType.writeFailed.rawValue)) { event in
            if case .writeFailed(let failed) = try event.decoded(), !failed.retryable { refusals.append(failed) }
        }
        #expect(refusals.map(\.sourceIds) == [[victim.sourceId]])
        // The notes and activities linked to it are written without that link, each link recorded with its reason.
        var unresolved: [LinkUnresolved] = []
        try ledger.events(matching: EventFilter(type: EventType.linkUnresolved.rawValue)) { event in
            if case .linkUnresolved(let link) = try event.decoded(), link.value == victim.sourceId {
                unresolved.append(link)
            }
        }
        let notLinked = summary.objects.reduce(0) { $0 + $1.links.unwritten }
        #expect(notLinked > 0 && unresolved.count == notLinked)
        #expect(unresolved.allSatisfy { $0.line > 0 && $0.column == "Related ID" && $0.message.contains("refused") })
    }

    @Test(
        "attachments are uploaded with bytes matching the export's hash, linked to their parents, and listed in the manifest; a file that differs from its hash is rejected with the reason"
    )
    func attachmentsUploadedAndListed() async throws {
        let rig = try await MigrationRig()
        let export = rig.root.appendingPathComponent("export")
        let rows = try String(contentsOf: export.appendingPathComponent("attachments.csv"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",").map(String.init) }
        // The first attachment's file no longer matches the hash the export lists for it.
        let tampered = try #require(rows.first)
        try Data("not the original bytes".utf8).write(to: export.appendingPathComponent("files/\(tampered[2])"))

        let ledger = try rig.ledger()
        let run = try await rig.migration(ledger)
        let summary = try await run.run()
        let attachments = try #require(summary.objects.first { $0.sourceObject == "attachments" })
        let entries = run.manifest.entries
        #expect(entries.count == attachments.pending)
        let rejected = try #require(entries.first { $0.attachment == tampered[0] })
        #expect(rejected.outcome == "hash-mismatch" || rejected.outcome == "size-mismatch")
        #expect(entries.filter { $0.outcome == "uploaded" }.count == attachments.counts.written)
        // The generator plants files that differ from their listed size or hash too: none of them is uploaded.
        #expect(attachments.counts.written + attachments.counts.refused == entries.count)
        #expect(entries.allSatisfy { $0.outcome == "uploaded" || !$0.detail.isEmpty })
        let row = try #require(try ledger.conservation().first { $0.object == "attachments" })
        #expect(row.pending == 0 && row.balances, "\(row)")

        // Each uploaded file reads back byte for byte as the export's hash says, and its record points at a parent.
        let records = try await rig.client.get("rest/attachments?limit=200")["data"]?["attachments"]?.items ?? []
        #expect(records.count == attachments.counts.written)
        let hashes = Dictionary(uniqueKeysWithValues: rows.map { ($0[0], $0[5]) })
        for record in records {
            let fileId = try #require(record["file"]?.items.first?["fileId"]?.stringValue)
            let bytes = await rig.engine.handle(SandboxRequest(method: "GET", path: "/file/files-field/\(fileId)")).body
            let source = try #require(record["allegoryId"]?.stringValue)
            #expect(SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined() == hashes[source])
            let parents = ["targetPersonId", "targetCompanyId", "targetOpportunityId", "targetProjectId"]
            #expect(parents.contains { record[$0]?.stringValue != nil }, "\(record)")
        }
    }

    @Test(
        "on a Twenty 1.x workspace, note targets and attachments are written under that version's names (personId, fullPath)"
    )
    func olderVersionNames() async throws {
        let rig = try await MigrationRig(version: .v1)
        let ledger = try rig.ledger()
        let run = try await rig.migration(ledger)
        let summary = try await run.run()
        for row in try ledger.conservation() { #expect(row.balances && row.pending == 0, "\(row)") }
        let notes = try #require(summary.objects.first { $0.sourceObject == "notes" })
        #expect(notes.links.written > 0 && notes.links.refused == 0, "\(notes.links)")
        let targets = try await rig.client.get("rest/noteTargets?limit=200")["data"]?["noteTargets"]?.items ?? []
        #expect(!targets.isEmpty)
        #expect(
            targets.allSatisfy { link in
                ["personId", "companyId", "opportunityId", "projectId"].contains { link[$0]?.stringValue != nil }
            })
        let attachments = try await rig.client.get("rest/attachments?limit=200")["data"]?["attachments"]?.items ?? []
        #expect(!attachments.isEmpty)
        #expect(
            attachments.allSatisfy { $0["fullPath"]?.stringValue?.isEmpty == false }, "\(attachments.first ?? .null)")
        #expect(run.manifest.entries.contains { $0.flow == "legacyMultipart" })
    }
}
