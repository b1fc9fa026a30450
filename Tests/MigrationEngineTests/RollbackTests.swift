import CanonicalJSON
import Foundation
import Ledger
import MigrationEngine
import SchemaPreparation
import Testing
import TwentyClient

@Suite("Rollback")
struct RollbackTests {
    /// A company the workspace held before the migration, which the tests have the migration update.
    static let preexistingId = "7d1f3c2a-5b6e-4c8d-9a0b-1c2d3e4f5a6b"
    static let preexisting: JSONValue = [
        "companies": [
            [
                "id": .string(preexistingId), "name": "Halvorsen Shipping",
                "domainName": ["primaryLinkUrl": "https://halvorsen-shipping.example"], "employees": 12,
            ]
        ]
    ]

    struct Crash: Error {}

    func rollback(_ rig: MigrationRig, _ ledger: Ledger, force: Bool = false) async throws -> WorkspaceRollback {
        let rollback = WorkspaceRollback(
            client: rig.client, ledger: ledger, workspace: try await rig.client.describeWorkspace())
        rollback.force = force
        return rollback
    }

    func comparableState(_ rig: MigrationRig) async throws -> JSONValue {
        WorkspaceState.comparable(try await rig.client.get("_sandbox/state"))
    }

    /// Updates a pre-existing record the way a merge does: the touched fields read back as the before-image in the
    /// intent, the PATCH, the outcome with its before-image (the update path the ledger has today).
    func mergeIntoPreexisting(_ rig: MigrationRig, _ ledger: Ledger, values: JSONValue) async throws {
        let held = try #require(try await rig.client.get("rest/companies/\(Self.preexistingId)")["data"]?["company"])
        var before: [String: JSONValue] = [:]
        for key in (values.objectValue ?? [:]).keys { before[key] = held[key] ?? .null }
        let item = WriteItem(sourceId: nil, twentyId: Self.preexistingId, values: values, before: .object(before))
        try ledger.append([
            .writeRequested(
                WriteRequested(
                    batchId: "merge-1", op: .update, object: "company", sourceObject: "companies", upsert: false,
                    items: [item]))
        ])
        _ = try await rig.client.send("PATCH", "rest/companies/\(Self.preexistingId)", body: values)
        try ledger.append([
            .recordUpdated(
                RecordUpdated(
                    batchId: "merge-1", object: "company", sourceObject: "companies", sourceId: nil,
                    twentyId: Self.preexistingId, values: values, before: .object(before)))
        ])
    }

    @Test(
        "rollback of everything after prepare and run returns the workspace to its state before prepare, a pre-existing record the run updated included"
    )
    func fullRollbackRestoresThePreMigrationState() async throws {
        let rig = try await MigrationRig(preexisting: Self.preexisting)
        let ledger = try rig.ledger()
        _ = try await rig.migration(ledger).run()
        try await mergeIntoPreexisting(rig, ledger, values: ["name": "Halvorsen Shipping AS", "employees": 40])
        let migrated = try await comparableState(rig)
        #expect(!WorkspaceState.differences(WorkspaceState.comparable(rig.stateBeforePrepare), migrated).isEmpty)

        let summary = try await rollback(rig, ledger).run(.everything)

        #expect(summary.kept.isEmpty, "\(summary.kept.prefix(3))")
        #expect(summary.failed == 0, "\(summary.failures)")
        let after = try await comparableState(rig)
        let before = WorkspaceState.comparable(rig.stateBeforePrepare)
        #expect(WorkspaceState.differences(before, after).isEmpty, "\(WorkspaceState.differences(before, after))")
        let company = try await rig.client.get("rest/companies/\(Self.preexistingId)")["data"]?["company"]
        #expect(company?["name"] == "Halvorsen Shipping" && company?["employees"] == 12)
        #expect(try ledger.inverseStream().isEmpty)
        #expect(try ledger.intentsInDoubt().isEmpty)
        #expect(try ledger.rebuildProjections(check: true).matches)
        // Every record the run wrote is pending again, for a run to write again.
        for row in try ledger.conservation() { #expect(row.written == 0 && row.balances, "\(row)") }
    }

    @Test("a rollback interrupted between a call and its outcome, twice, and resumed ends at the same state")
    func interruptedRollbackResumes() async throws {
        let rig = try await MigrationRig()
        do {
            let ledger = try rig.ledger()
            _ = try await rig.migration(ledger).run()
        }
        for crashAt in [2, 5] {
            let ledger = try rig.ledger()
            let rollback = try await rollback(rig, ledger)
            rollback.afterCall = { if $0 == crashAt { throw Crash() } }
            await #expect(throws: Crash.self) { _ = try await rollback.run(.everything) }
            #expect(try ledger.intentsInDoubt().filter { $0.kind == .compensation }.count == 1)
        }
        let ledger = try rig.ledger()
        let summary = try await rollback(rig, ledger).run(.everything)
        #expect(summary.settledIntents == 1)
        #expect(summary.kept.isEmpty && summary.failed == 0, "\(summary.kept.prefix(3)) \(summary.failures)")
        let before = WorkspaceState.comparable(rig.stateBeforePrepare)
        let after = try await comparableState(rig)
        #expect(WorkspaceState.differences(before, after).isEmpty, "\(WorkspaceState.differences(before, after))")
        #expect(try ledger.inverseStream().isEmpty)
        #expect(try ledger.intentsInDoubt().isEmpty)
        #expect(try ledger.rebuildProjections(check: true).matches)
    }

    @Test(
        "rolling back one object leaves the others in place, and rolling back one run leaves the earlier run's records")
    func scopedRollbacks() async throws {
        let rig = try await MigrationRig()
        let companies: Set<String>
        let people: Set<String>
        do {
            let first = try rig.ledger()
            _ = try await rig.migration(first).run()
            companies = Set(try await rig.ids("companies"))
            let opportunities = Set(try await rig.ids("opportunities"))
            people = try first.twentyIds(object: "person")
            #expect(!people.isEmpty)

            // One object: every person the run created is destroyed and the fields prepare added to person are
            // removed; nothing else is touched.
            let planned = try first.inverseStream(object: "person").count
            let byObject = try await rollback(rig, first).run(RollbackScope(object: "person"))
            #expect(
                byObject.compensated == planned && byObject.failed == 0 && planned > people.count,
                "\(byObject.compensated) of \(planned): \(byObject.failures) \(byObject.kept.prefix(3))")
            #expect(try await rig.ids("people").isEmpty)
            #expect(Set(try await rig.ids("companies")) == companies)
            #expect(Set(try await rig.ids("opportunities")) == opportunities)
            #expect(try first.inverseStream(object: "person").isEmpty)
            #expect(!(try first.inverseStream(object: "company")).isEmpty)
        }

        // A second run writes the people again; rolling back that run removes them and only them.
        let second = try rig.ledger()
        // The person fields `prepare` added went with the object's rollback: prepare puts them back first.
        let prepared = try await SchemaPreparer(client: rig.client, ledger: second).prepare(
            map: rig.confirmed.map, mapSha256: rig.confirmed.sha256)
        #expect(prepared.problems.isEmpty && prepared.refused.isEmpty && !prepared.applied.isEmpty)
        _ = try await rig.migration(second).run()
        let rewritten = Set(try await rig.ids("people"))
        #expect(rewritten == people, "\(rewritten.count) people after the second run, \(people.count) after the first")
        let byRun = try await rollback(rig, second).run(RollbackScope(runId: second.runId))
        #expect(byRun.failed == 0 && byRun.kept.isEmpty, "\(byRun.failures) \(byRun.kept.prefix(3))")
        #expect(try await rig.ids("people").isEmpty)
        #expect(Set(try await rig.ids("companies")) == companies)
        #expect(try second.inverseStream(runId: second.runId).isEmpty)
        #expect(!(try second.inverseStream(object: "company")).isEmpty)
    }

    @Test("a record edited in Twenty between run and rollback is kept and reported, and undone with force")
    func editedRecordIsKept() async throws {
        let rig = try await MigrationRig()
        let ledger = try rig.ledger()
        _ = try await rig.migration(ledger).run()
        let edited = try #require(try ledger.twentyIds(object: "person").sorted().first)
        _ = try await rig.client.send("PATCH", "rest/people/\(edited)", body: ["jobTitle": "Edited by hand in Twenty"])

        let summary = try await rollback(rig, ledger).run(.everything)
        let keptRecords = summary.kept.filter { $0.compensation.schema == nil }
        #expect(keptRecords.map(\.twentyId) == [edited])
        #expect(keptRecords.first?.fields == ["jobTitle"])
        let person = try await rig.client.get("rest/people/\(edited)")["data"]?["person"]
        #expect(person?["jobTitle"] == "Edited by hand in Twenty")
        // The fields prepare added to person in which the kept record holds a value stay, with it: allegoryId among
        // them, so the kept record still names its source record.
        let keptFields = summary.kept.filter { $0.compensation.schema != nil }
        #expect(
            keptFields.allSatisfy { $0.compensation.schema?.op == .deleteField && $0.compensation.object == "person" })
        #expect(keptFields.flatMap(\.fields).contains("person.allegoryId"), "\(keptFields.flatMap(\.fields))")
        #expect(person?["allegoryId"] != nil && person?["allegoryId"] != .null)
        #expect(try ledger.inverseStream().count == 1 + keptFields.count)
        var keptEvents = 0
        try ledger.events(matching: EventFilter(type: EventType.rollbackKept.rawValue)) { _ in keptEvents += 1 }
        #expect(keptEvents == summary.kept.count)

        let forced = try await rollback(rig, ledger, force: true).run(.everything)
        #expect(forced.compensated == 1 + keptFields.count && forced.kept.isEmpty)
        let before = WorkspaceState.comparable(rig.stateBeforePrepare)
        let after = try await comparableState(rig)
        #expect(WorkspaceState.differences(before, after).isEmpty, "\(WorkspaceState.differences(before, after))")
    }

    @Test("after rolling back everything, prepare and run again succeed and end at the state of the first run")
    func migrationRunsAgainAfterRollback() async throws {
        let rig = try await MigrationRig()
        let ledger = try rig.ledger()
        let firstRun = try await rig.migration(ledger).run()
        let migrated = try await comparableState(rig)
        _ = try await rollback(rig, ledger).run(.everything)

        let report = try await SchemaPreparer(client: rig.client, ledger: ledger).prepare(
            map: rig.confirmed.map, mapSha256: rig.confirmed.sha256)
        #expect(report.problems.isEmpty && report.refused.isEmpty)
        let secondRun = try await rig.migration(ledger).run()
        #expect(
            secondRun.objects.map(\.counts.written) == firstRun.objects.map(\.counts.written),
            "\(secondRun.objects.map(\.counts)) vs \(firstRun.objects.map(\.counts))")
        let again = WorkspaceState.records(try await comparableState(rig))
        let first = WorkspaceState.records(migrated)
        #expect(WorkspaceState.differences(first, again).isEmpty, "\(WorkspaceState.differences(first, again))")
        for row in try ledger.conservation() { #expect(row.pending == 0 && row.balances, "\(row)") }
    }
}

extension RollbackTests {
    @Test(
        "a workspace record the run merged into is restored exactly by rollback, and the merged source record is pending again"
    )
    func mergedRecordRestored() async throws {
        let rig = try await MigrationRig(onCollision: ["companies": .merge])
        let ledger = try rig.ledger()
        let victim = try CollisionPolicyTests.victim(ledger)
        let planted = try await CollisionPolicyTests.plantCompany(rig, domain: victim.domain)
        let existingId = try #require(planted["id"]?.stringValue)
        let summary = try await rig.migration(ledger).run()
        #expect(summary.objects.first { $0.sourceObject == "companies" }?.counts.merged == 1)
        let merged = try #require(try await CollisionPolicyTests.record(rig, "companies", existingId))
        #expect(merged["name"] != planted["name"])

        let rolledBack = try await rollback(rig, ledger).run(.everything)
        #expect(rolledBack.failed == 0 && rolledBack.kept.isEmpty, "\(rolledBack.failures) \(rolledBack.kept)")
        var restored = try #require(try await CollisionPolicyTests.record(rig, "companies", existingId)?.objectValue)
        var expected = try #require(planted.objectValue)
        // Twenty dates every write, the restoring one too; the fields `prepare` added went with its rollback.
        restored["updatedAt"] = nil
        expected["updatedAt"] = nil
        #expect(Set(restored.keys).isSubset(of: Set(expected.keys)) && restored.count > 10)
        #expect(restored == expected.filter { restored[$0.key] != nil })
        // Our people of that company were destroyed with the rest; the company itself stays, as it was.
        #expect(try await rig.ids("people").isEmpty)
        #expect(try await rig.ids("companies") == [existingId])
        let row = try #require(try ledger.conservation().first { $0.object == "companies" })
        #expect(row.written == 0 && row.balances, "\(row)")
    }
}
