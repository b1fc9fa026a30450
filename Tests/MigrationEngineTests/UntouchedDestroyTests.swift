import CanonicalJSON
import Foundation
import Ledger
import MigrationEngine
import Testing
import TwentyClient

/// Issue 12's request target: records nobody touched since the tool created them are destroyed by one conditional
/// call per batch, without reading them back; the edited, the gone and the doubtful are still read back and judged.
@Suite("Untouched destroy")
struct UntouchedDestroyTests {
    struct Crash: Error {}

    /// People written by `RecordWriter` in batches of `writeBatch` into the rig's workspace, recorded in a ledger of
    /// their own (no schema changes in it, so a rollback of everything is a rollback of these records only). Each
    /// carries the source's `updatedAt` from `dated`, as a migration sends it, or none (Twenty dates it).
    struct Written {
        let ledger: Ledger
        let ids: [String]
    }

    func write(
        _ rig: MigrationRig, people count: Int, writeBatch: Int,
        dated: (Int) -> String? = { String(format: "2021-06-01T09:%02d:00.000Z", $0 % 60) }
    ) async throws -> Written {
        let ledger = try Ledger.create(at: rig.root.appendingPathComponent("untouched-\(UUID()).sqlite").path)
        let workspace = try await rig.client.describeWorkspace()
        let target = try #require(WriteTarget(sourceObject: "contacts", object: "person", in: workspace))
        let ids = (0..<count).map { String(format: "0000a11c-0000-4000-8000-%012x", $0) }
        let people = ids.enumerated().map { index, id in
            var values: [String: JSONValue] = [
                "id": .string(id), "name": ["firstName": .string("Ada \(index)"), "lastName": "Lovelace"],
                "jobTitle": "Analyst",
            ]
            if let at = dated(index) { values["updatedAt"] = .string(at) }
            return PendingWrite(
                sourceObject: "contacts", sourceId: "C\(index)", targetObject: "person", values: .object(values),
                transformedSeq: 0)
        }
        let counts = try await RecordWriter(client: rig.client, ledger: ledger, batchMaximum: writeBatch).write(
            people, to: target)
        #expect(counts.written == count)
        return Written(ledger: ledger, ids: ids)
    }

    func rollback(_ rig: MigrationRig, _ ledger: Ledger) async throws -> WorkspaceRollback {
        WorkspaceRollback(client: rig.client, ledger: ledger, workspace: try await rig.client.describeWorkspace())
    }

    func events(_ ledger: Ledger, _ type: EventType) throws -> [LedgerEvent] {
        var found: [LedgerEvent] = []
        try ledger.events(matching: EventFilter(type: type.rawValue)) { found.append(try $0.decoded()) }
        return found
    }

    @Test(
        "records untouched since three write batches created them go in one conditional destroy; only the edited and the gone are read back, in one request"
    )
    func oneCallForTheUntouched() async throws {
        let rig = try await MigrationRig(contacts: 4, clean: true)
        let written = try await write(rig, people: 12, writeBatch: 5)
        let edited = written.ids[3]
        let gone = written.ids[7]
        _ = try await rig.client.send("PATCH", "rest/people/\(edited)", body: ["jobTitle": "Edited in Twenty"])
        _ = try await rig.client.send("DELETE", "rest/people/\(gone)")

        let summary = try await rollback(rig, written.ledger).run(.everything)

        // One DELETE for the ten untouched, one GET for the two it spared.
        #expect(summary.requests == 2, "\(summary.requests) requests")
        #expect(summary.compensated == 11 && summary.failed == 0, "\(summary)")
        #expect(summary.kept.map(\.twentyId) == [edited] && summary.kept.first?.fields == ["jobTitle"])
        #expect(try await rig.ids("people") == [edited])
        let requested = try events(written.ledger, .rollbackRequested).compactMap {
            if case .rollbackRequested(let intent) = $0 { intent } else { nil }
        }
        #expect(requested.count == 1 && requested.first?.items.count == 12)
        // Three write batches, one condition each.
        #expect(requested.first?.filter?.hasPrefix("or(and(id[in]:[") == true)
        #expect(requested.first?.filter?.components(separatedBy: "updatedAt[lt]:").count == 4)
        let resolved = try events(written.ledger, .intentResolved).compactMap {
            if case .intentResolved(let resolution) = $0 { resolution } else { nil }
        }
        #expect(resolved.map { Set($0.absent) } == [[edited, gone]])
        #expect(try written.ledger.intentsInDoubt().isEmpty)
        #expect(try written.ledger.inverseStream().map(\.compensation.twentyId) == [edited])
        #expect(try written.ledger.rebuildProjections(check: true).matches)
    }

    @Test(
        "a conditional destroy whose answer was lost is settled by reading back on resume, and the record edited before it is still kept"
    )
    func lostAnswerSettledOnResume() async throws {
        let rig = try await MigrationRig(contacts: 4, clean: true)
        let written = try await write(rig, people: 9, writeBatch: 4)
        let edited = written.ids[5]
        _ = try await rig.client.send("PATCH", "rest/people/\(edited)", body: ["jobTitle": "Edited in Twenty"])
        let interrupted = try await rollback(rig, written.ledger)
        interrupted.afterCall = { _ in throw Crash() }
        await #expect(throws: Crash.self) { _ = try await interrupted.run(.everything) }
        #expect(try written.ledger.intentsInDoubt().count == 1)

        let summary = try await rollback(rig, written.ledger).run(.everything)

        #expect(summary.settledIntents == 1)
        #expect(summary.kept.map(\.twentyId) == [edited], "\(summary.kept)")
        #expect(try await rig.ids("people") == [edited])
        #expect(try written.ledger.intentsInDoubt().isEmpty)
        #expect(try written.ledger.inverseStream().map(\.compensation.twentyId) == [edited])
    }

    @Test(
        "a record the export dated after its own write is left to the read-back, so an edit made since is kept and not destroyed by the condition"
    )
    func futureSourceDateIsReadBack() async throws {
        let rig = try await MigrationRig(contacts: 4, clean: true)
        // Person 1 carries a source date far in the future; the others are dated by Twenty at the write.
        let written = try await write(rig, people: 4, writeBatch: 4) { $0 == 1 ? "2999-01-01T00:00:00.000Z" : nil }
        let future = written.ids[1]
        _ = try await rig.client.send("PATCH", "rest/people/\(future)", body: ["jobTitle": "Edited in Twenty"])

        let summary = try await rollback(rig, written.ledger).run(.everything)

        #expect(summary.kept.map(\.twentyId) == [future], "\(summary.kept)")
        #expect(try await rig.ids("people") == [future])
        let requested = try events(written.ledger, .rollbackRequested).compactMap {
            if case .rollbackRequested(let intent) = $0 { intent } else { nil }
        }
        #expect(requested.first?.items.map(\.compensation.twentyId).contains(future) == false)
    }

    @Test(
        "the conditional destroy of a full batch of 200 from two write batches fits well under Node's 16 KB header limit"
    )
    func filterLength() async throws {
        let rig = try await MigrationRig(contacts: 4, clean: true)
        let written = try await write(rig, people: 200, writeBatch: 150)
        _ = try await rollback(rig, written.ledger).run(.everything)
        let requested = try events(written.ledger, .rollbackRequested).compactMap {
            if case .rollbackRequested(let intent) = $0 { intent } else { nil }
        }
        let filter = try #require(requested.first?.filter)
        let path = TwentyPath.make("rest/people", query: [(name: "filter", value: filter)])
        // 200 quoted ids percent-encoded are about 9 KB; the header block also carries the key and the host.
        #expect(path.utf8.count < 10_000, "\(path.utf8.count) bytes")
        #expect(try await rig.ids("people").isEmpty)
    }
}
