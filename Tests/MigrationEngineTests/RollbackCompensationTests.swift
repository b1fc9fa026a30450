import CanonicalJSON
import Foundation
import Ledger
import MigrationEngine
import Testing
import TwentyClient
import TwentyModel

/// The compensations no product step produces yet: nothing in the tool deletes or soft-deletes a record today
/// (`record.deleted` has no writer), so these tests append the delete's events themselves, exactly as a writer
/// must (intent with the before-image, the call, the outcome), and prove rollback undoes them. And the option
/// lists `prepare` extends, whose undo must not strip values people use.
@Suite("Rollback compensations")
struct RollbackCompensationTests {
    static let companyId = RollbackTests.preexistingId

    func rollback(_ rig: MigrationRig, _ ledger: Ledger, force: Bool = false) async throws -> RollbackSummary {
        let rollback = WorkspaceRollback(
            client: rig.client, ledger: ledger, workspace: try await rig.client.describeWorkspace())
        rollback.force = force
        return try await rollback.run(.everything)
    }

    /// Deletes the pre-existing company the way a writer would record it: intent with the whole record as read, the
    /// call (a hard destroy, or a soft delete), the outcome.
    func delete(_ rig: MigrationRig, _ ledger: Ledger, soft: Bool) async throws {
        let held = try #require(try await rig.client.get("rest/companies/\(Self.companyId)")["data"]?["company"])
        let item = WriteItem(sourceId: nil, twentyId: Self.companyId, values: nil, before: held)
        try ledger.append([
            .writeRequested(
                WriteRequested(
                    batchId: "delete-1", op: soft ? .softDelete : .destroy, object: "company", sourceObject: nil,
                    items: [item]))
        ])
        _ = try await rig.client.send(
            "DELETE", "rest/companies/\(Self.companyId)\(soft ? "?soft_delete=true" : "")")
        try ledger.append([
            .recordDeleted(
                RecordDeleted(
                    batchId: "delete-1", object: "company", sourceId: nil, twentyId: Self.companyId, soft: soft,
                    before: held))
        ])
    }

    @Test(
        "a record the tool destroyed is re-created by rollback with its id and every value it held (the delete's events appended by the test)"
    )
    func destroyedRecordIsRecreated() async throws {
        let rig = try await MigrationRig(contacts: 4, clean: true, preexisting: RollbackTests.preexisting)
        let ledger = try rig.ledger()
        try await delete(rig, ledger, soft: false)
        #expect(try await rig.ids("companies").contains(Self.companyId) == false)

        let summary = try await rollback(rig, ledger)

        #expect(summary.failed == 0 && summary.kept.isEmpty, "\(summary.failures) \(summary.kept)")
        let before = WorkspaceState.comparable(rig.stateBeforePrepare)
        let after = WorkspaceState.comparable(try await rig.client.get("_sandbox/state"))
        #expect(WorkspaceState.differences(before, after).isEmpty, "\(WorkspaceState.differences(before, after))")
        #expect(try ledger.inverseStream().isEmpty)
        #expect(try ledger.intentsInDoubt().isEmpty)
    }

    @Test(
        "a record the tool soft-deleted is restored by rollback, as it was (the delete's events appended by the test)")
    func softDeletedRecordIsRestored() async throws {
        let rig = try await MigrationRig(contacts: 4, clean: true, preexisting: RollbackTests.preexisting)
        let ledger = try rig.ledger()
        try await delete(rig, ledger, soft: true)
        #expect(try await rig.ids("companies").contains(Self.companyId) == false)

        let summary = try await rollback(rig, ledger)

        #expect(summary.failed == 0 && summary.kept.isEmpty, "\(summary.failures) \(summary.kept)")
        let before = WorkspaceState.comparable(rig.stateBeforePrepare)
        let after = WorkspaceState.comparable(try await rig.client.get("_sandbox/state"))
        #expect(WorkspaceState.differences(before, after).isEmpty, "\(WorkspaceState.differences(before, after))")
        let company = try await rig.client.get("rest/companies/\(Self.companyId)")["data"]?["company"]
        #expect(company?["deletedAt"] == .null && company?["name"] == "Halvorsen Shipping")
    }

    @Test(
        "an option prepare added that a record created in Twenty now uses is kept and reported by rollback, and removed with force"
    )
    func optionInUseIsKept() async throws {
        let rig = try await MigrationRig()
        let ledger = try rig.ledger()
        let extended = try #require(
            try ledger.inverseStream().first { $0.compensation.schema?.op == .updateField },
            "prepare extended no option list in this export")
        let inverse = try #require(extended.compensation.schema)
        let field = try #require(inverse.field)
        let workspace = try await rig.client.describeWorkspace()
        let object = try #require(workspace.object(inverse.object))
        let earlier = Set(inverse.definition?["options"]?.arrayValue?.compactMap { $0["value"]?.stringValue } ?? [])
        let added = try #require(
            object.fields.first { $0.name == field }?.options?.map(\.value).first { !earlier.contains($0) })
        // Someone creates a record in Twenty with the option the migration added; no run, so it is the only record.
        let created = try await rig.client.send(
            "POST", "rest/\(object.namePlural)", body: .object([field: .string(added)]))
        let id = try #require(created.json["data"]?.objectValue?.values.first?["id"]?.stringValue)

        let summary = try await rollback(rig, ledger)

        let kept = summary.kept.filter { $0.compensates == extended.seq }
        #expect(kept.count == 1 && kept.first?.reason.contains(added) == true, "\(summary.kept)")
        #expect(summary.failed == 0, "\(summary.failures)")
        let record = try await rig.client.get("rest/\(object.namePlural)/\(id)")["data"]?.objectValue?.values.first
        #expect(record?[field]?.stringValue == added)
        #expect(try ledger.inverseStream().map(\.seq) == [extended.seq])

        let forced = try await rollback(rig, ledger, force: true)
        #expect(forced.kept.isEmpty && forced.failed == 0 && forced.compensated == 1, "\(forced)")
        let options =
            try await rig.client.describeWorkspace().object(inverse.object)?.fields
            .first { $0.name == field }?.options?.map(\.value) ?? []
        #expect(Set(options) == earlier)
    }
}

extension RollbackCompensationTests {
    @Test(
        "a field and an object prepare added that records created in Twenty now hold values in are kept and reported by rollback, and removed with force"
    )
    func fieldAndObjectInUseAreKept() async throws {
        let rig = try await MigrationRig()
        let ledger = try rig.ledger()
        let inverse = try ledger.inverseStream()
        let allegoryId = try #require(
            inverse.first {
                $0.compensation.schema?.op == .deleteField && $0.compensation.schema?.object == "person"
                    && $0.compensation.schema?.field == "allegoryId"
            })
        let customObject = try #require(
            inverse.first { $0.compensation.schema?.op == .deleteObject }?.compensation.schema?.object,
            "prepare created no custom object for this export")
        let workspace = try await rig.client.describeWorkspace()
        let plural = try #require(workspace.object(customObject)?.namePlural)
        // Someone creates a person with a value in a field the migration added, and a record in its custom object;
        // no run, so they are the only records that hold anything there.
        _ = try await rig.client.send(
            "POST", "rest/people", body: ["name": ["firstName": "Hand", "lastName": "Made"], "allegoryId": "by hand"])
        _ = try await rig.client.send("POST", "rest/\(plural)", body: .object([:]))

        let summary = try await rollback(rig, ledger)

        let keptFields = summary.kept.flatMap(\.fields)
        #expect(keptFields.contains("person.allegoryId"), "\(summary.kept)")
        #expect(keptFields.contains(customObject), "\(summary.kept)")
        #expect(!keptFields.contains { $0.hasPrefix("person.") && $0 != "person.allegoryId" }, "\(keptFields)")
        #expect(summary.failed == 0, "\(summary.failures)")
        let after = try await rig.client.describeWorkspace()
        #expect(after.object("person")?.fields.contains { $0.name == "allegoryId" } == true)
        #expect(after.object(customObject) != nil)
        #expect(try ledger.inverseStream().contains { $0.seq == allegoryId.seq })

        let forced = try await rollback(rig, ledger, force: true)
        #expect(forced.kept.isEmpty && forced.failed == 0, "\(forced)")
        let forcedAfter = try await rig.client.describeWorkspace()
        #expect(forcedAfter.object("person")?.fields.contains { $0.name == "allegoryId" } == false)
        #expect(forcedAfter.object(customObject) == nil)
        #expect(try ledger.inverseStream().isEmpty)
    }
}
