import CanonicalJSON
import FieldMap
import Foundation
import Ledger
import MigrationEngine
import Testing
import TwentyClient

/// Records already in the workspace that our records collide with on a unique value, planted in the sandbox before
/// the run, handled by the map's `onCollision` policy.
@Suite("Collisions with records already in the workspace")
struct CollisionPolicyTests {
    /// A company of the export with a domain and at least one person of its own, and one of those people.
    struct Victim {
        let company: PendingWrite
        let domain: String
        let person: PendingWrite
    }

    static func victim(_ ledger: Ledger) throws -> Victim {
        var people: [PendingWrite] = []
        try ledger.forEachPendingWrite(sourceObject: "contacts") { people.append($0) }
        var companies: [PendingWrite] = []
        try ledger.forEachPendingWrite(sourceObject: "companies") { companies.append($0) }
        for company in companies {
            guard let domain = company.values["domainName"]?["primaryLinkUrl"]?.stringValue,
                let person = people.first(where: { $0.values["companyId"]?.stringValue == company.twentyId })
            else { continue }
            return Victim(company: company, domain: domain, person: person)
        }
        throw MigrationError("the generated export has no company with a domain and a person")
    }

    /// Plants one company with the victim's domain, with values of its own, and returns it as Twenty holds it.
    static func plantCompany(_ rig: MigrationRig, domain: String, deletedAt: String? = nil) async throws -> JSONValue {
        var company: [String: JSONValue] = [
            "name": "Already There Ltd", "domainName": ["primaryLinkUrl": .string(domain)], "employees": 7,
            "idealCustomerProfile": true,
        ]
        if let deletedAt { company["deletedAt"] = .string(deletedAt) }
        _ = try await rig.client.send("POST", "_sandbox/seed", body: ["companies": [.object(company)]])
        return try #require(try await companies(rig, domain: domain).first)
    }

    /// The companies holding `domain`, soft-deleted ones included.
    static func companies(_ rig: MigrationRig, domain: String) async throws -> [JSONValue] {
        let filter = "domainName.primaryLinkUrl[eq]:\"\(domain)\",or(deletedAt[is]:NULL,deletedAt[is]:NOT_NULL)"
        let page = try await rig.client.get(TwentyPath.make("rest/companies", query: [(name: "filter", value: filter)]))
        return page["data"]?["companies"]?.items ?? []
    }

    static func record(_ rig: MigrationRig, _ plural: String, _ id: String) async throws -> JSONValue? {
        let filter = "id[eq]:\(id),or(deletedAt[is]:NULL,deletedAt[is]:NOT_NULL)"
        let page = try await rig.client.get(TwentyPath.make("rest/\(plural)", query: [(name: "filter", value: filter)]))
        return page["data"]?[plural]?.items.first
    }

    static func events<T>(_ ledger: Ledger, _ type: EventType, _ pick: (LedgerEvent) -> T?) throws -> [T] {
        var found: [T] = []
        try ledger.events(matching: EventFilter(type: type.rawValue)) { event in
            if let value = pick(try event.decoded()) { found.append(value) }
        }
        return found
    }

    @Test(
        "merge: the existing company takes the fields we send, keeps the others, its before-image is in the intent, and our people link to it"
    )
    func merge() async throws {
        let rig = try await MigrationRig(onCollision: ["companies": .merge])
        let ledger = try rig.ledger()
        let victim = try Self.victim(ledger)
        let planted = try await Self.plantCompany(rig, domain: victim.domain)
        let existingId = try #require(planted["id"]?.stringValue)
        let rejectedBefore = try #require(try ledger.conservation().first { $0.object == "companies" }).rejected

        let summary = try await rig.migration(ledger).run()

        let companies = try #require(summary.objects.first { $0.sourceObject == "companies" })
        #expect(companies.counts.merged == 1 && companies.counts.refused == 0)
        // Twenty holds one company with that domain: the planted one, with our values where we sent them.
        let held = try await Self.companies(rig, domain: victim.domain)
        #expect(held.count == 1 && held.first?["id"]?.stringValue == existingId)
        let merged = try #require(held.first)
        #expect(merged["name"] == victim.company.values["name"])
        #expect(merged["allegoryId"]?.stringValue == victim.company.sourceId)
        for key in ["employees", "idealCustomerProfile"] where victim.company.values[key] == nil {
            #expect(merged[key] == planted[key], "\(key) was not sent, so it is kept")
        }
        #expect(try await Self.record(rig, "companies", victim.company.twentyId ?? "") == nil)

        // The intent, committed before the call, carries the before-image of exactly the fields sent.
        let intents = try Self.events(ledger, .writeRequested) { event -> WriteRequested? in
            if case .writeRequested(let request) = event, request.merge == true { return request }
            return nil
        }
        let item = try #require(intents.first?.items.first)
        #expect(intents.count == 1 && intents.first?.op == .update)
        #expect(item.twentyId == existingId && item.sourceId == victim.company.sourceId)
        let sent = try #require(item.values?.objectValue)
        let before = try #require(item.before?.objectValue)
        #expect(Set(before.keys) == Set(sent.keys) && sent["id"] == nil && sent["createdAt"] == nil)
        #expect(before["name"] == planted["name"] && before["domainName"] == planted["domainName"])
        // The outcome repeats that before-image: what rollback's inverse stream replays.
        let updates = try Self.events(ledger, .recordUpdated) { event -> RecordUpdated? in
            if case .recordUpdated(let updated) = event, updated.twentyId == existingId { return updated }
            return nil
        }
        #expect(updates.count == 1 && updates.first?.before == item.before)

        // The source company stands for the existing one: the ledger says so, and its person links to it.
        #expect(try ledger.twentyIds(object: "company").contains(existingId))
        #expect(try ledger.collisionStandIns()[victim.company.twentyId ?? ""] == existingId)
        let person = try #require(try await Self.record(rig, "people", victim.person.twentyId ?? ""))
        #expect(person["companyId"]?.stringValue == existingId)
        let row = try #require(try ledger.conservation().first { $0.object == "companies" })
        #expect(row.balances && row.pending == 0 && row.rejected == rejectedBefore)
        #expect(try ledger.conservation().allSatisfy(\.balances))
        #expect(try ledger.rebuildProjections(check: true).matches)
    }

    @Test(
        "a merge stopped between its call and its outcome is sent again on resume and recorded with the before-image read before the first call"
    )
    func mergeInDoubtResumes() async throws {
        let rig = try await MigrationRig(onCollision: ["companies": .merge])
        struct Stop: Error {}
        let ledger = try rig.ledger()
        let victim = try Self.victim(ledger)
        let planted = try await Self.plantCompany(rig, domain: victim.domain)
        let existingId = try #require(planted["id"]?.stringValue)
        let first = try await rig.migration(ledger)
        first.writer.afterMerge = { _ in throw Stop() }
        await #expect(throws: Stop.self) { _ = try await first.run() }
        #expect(try ledger.intentsInDoubt().count == 1)
        // Twenty already holds our values: a read now would give a before-image of our own write.
        #expect(try await Self.companies(rig, domain: victim.domain).first?["name"] == victim.company.values["name"])

        let resumed = try await rig.migration(ledger).run()

        #expect(resumed.settledIntents == 1 && resumed.settledRecords == 1)
        #expect(try ledger.intentsInDoubt().isEmpty)
        let updates = try Self.events(ledger, .recordUpdated) { event -> RecordUpdated? in
            if case .recordUpdated(let updated) = event, updated.twentyId == existingId { return updated }
            return nil
        }
        #expect(updates.count == 1)
        #expect(updates.first?.before["name"] == planted["name"])
        let person = try #require(try await Self.record(rig, "people", victim.person.twentyId ?? ""))
        #expect(person["companyId"]?.stringValue == existingId)
        #expect(try ledger.conservation().allSatisfy { $0.balances && $0.pending == 0 })
    }

    @Test(
        "skip: the existing company is left untouched, ours is excluded naming it and the domain, and our people link to it"
    )
    func skip() async throws {
        let rig = try await MigrationRig(onCollision: ["companies": .skip])
        let ledger = try rig.ledger()
        let victim = try Self.victim(ledger)
        let planted = try await Self.plantCompany(rig, domain: victim.domain)
        let existingId = try #require(planted["id"]?.stringValue)
        let excludedBefore = try #require(try ledger.conservation().first { $0.object == "companies" }).excluded

        let summary = try await rig.migration(ledger).run()

        #expect(summary.objects.first { $0.sourceObject == "companies" }?.counts.skipped == 1)
        #expect(try await Self.companies(rig, domain: victim.domain) == [planted])
        #expect(try await Self.record(rig, "companies", victim.company.twentyId ?? "") == nil)
        let excluded = try Self.events(ledger, .recordExcluded) { event -> RecordExcluded? in
            if case .recordExcluded(let excluded) = event, excluded.rule == RecordWriter.collisionSkipRule {
                return excluded
            }
            return nil
        }
        #expect(excluded.count == 1)
        #expect(excluded.first?.sourceId == victim.company.sourceId && excluded.first?.twentyId == existingId)
        #expect(excluded.first?.reason?.contains(existingId) == true)
        #expect(excluded.first?.reason?.contains(victim.domain) == true)
        let person = try #require(try await Self.record(rig, "people", victim.person.twentyId ?? ""))
        #expect(person["companyId"]?.stringValue == existingId)
        // Nothing was written to the existing record, so there is nothing to undo on it.
        #expect(try ledger.twentyIds(object: "company").contains(existingId) == false)
        let row = try #require(try ledger.conservation().first { $0.object == "companies" })
        #expect(row.balances && row.pending == 0 && row.excluded == excludedBefore + 1)
        #expect(try ledger.rebuildProjections(check: true).matches)
    }

    @Test("fail: the record is refused naming the domain and the existing company, which is left untouched")
    func fail() async throws {
        let rig = try await MigrationRig(onCollision: ["companies": .fail])
        let ledger = try rig.ledger()
        let victim = try Self.victim(ledger)
        let planted = try await Self.plantCompany(rig, domain: victim.domain)
        let existingId = try #require(planted["id"]?.stringValue)

        let summary = try await rig.migration(ledger).run()

        let companies = try #require(summary.objects.first { $0.sourceObject == "companies" })
        #expect(companies.counts.refused == 1 && companies.counts.merged == 0 && companies.counts.skipped == 0)
        let reason = try #require(companies.counts.reasons.keys.first)
        #expect(reason.contains(victim.domain) && reason.contains(existingId) && reason.contains("onCollision fail"))
        #expect(try await Self.companies(rig, domain: victim.domain) == [planted])
        let refusals = try Self.events(ledger, .writeFailed) { event -> WriteFailed? in
            if case .writeFailed(let failed) = event, !failed.retryable, failed.sourceObject == "companies" {
                return failed
            }
            return nil
        }
        #expect(refusals.map(\.sourceIds) == [[victim.company.sourceId]])
        let row = try #require(try ledger.conservation().first { $0.object == "companies" })
        #expect(row.balances && row.pending == 0 && row.rejected >= 1)

        // Its people are written without the link, not refused with it: each link is recorded as not written.
        let victimId = try #require(victim.company.twentyId)
        let unlinked = try Self.events(ledger, .linkUnresolved) { event -> String? in
            if case .linkUnresolved(let link) = event, link.object == "contacts", link.column == "companyId",
                link.value == victimId, link.code == "missing-parent"
            {
                return link.sourceId
            }
            return nil
        }
        #expect(unlinked.contains(victim.person.sourceId))
        let writtenPeople = try ledger.twentyIds(object: "person")
        #expect(writtenPeople.contains(try #require(victim.person.twentyId)))
        let peopleRefusals = try Self.events(ledger, .writeFailed) { event -> [String]? in
            if case .writeFailed(let failed) = event, !failed.retryable, failed.sourceObject == "contacts" {
                return failed.sourceIds
            }
            return nil
        }
        #expect(Set(peopleRefusals.flatMap { $0 }).isDisjoint(with: unlinked))
    }

    @Test(
        "a soft-deleted record with our value is never restored: the record is refused, saying what to do, whatever the policy"
    )
    func softDeleted() async throws {
        let rig = try await MigrationRig(onCollision: ["companies": .merge])
        let ledger = try rig.ledger()
        let victim = try Self.victim(ledger)
        let planted = try await Self.plantCompany(rig, domain: victim.domain, deletedAt: "2024-05-01T10:00:00Z")
        let existingId = try #require(planted["id"]?.stringValue)
        #expect(planted["deletedAt"] != nil && planted["deletedAt"] != .null)

        let summary = try await rig.migration(ledger).run()

        let companies = try #require(summary.objects.first { $0.sourceObject == "companies" })
        #expect(companies.counts.refused == 1 && companies.counts.merged == 0)
        let reason = try #require(companies.counts.reasons.keys.first)
        #expect(reason.contains("soft-deleted") && reason.contains(existingId) && reason.contains(victim.domain))
        #expect(reason.contains("restore it in Twenty") && reason.contains("destroy it"))
        // Still soft-deleted, and exactly as planted.
        #expect(try await Self.companies(rig, domain: victim.domain) == [planted])
        #expect(try ledger.collisionStandIns().isEmpty)
        let row = try #require(try ledger.conservation().first { $0.object == "companies" })
        #expect(row.balances && row.pending == 0)
    }
}
