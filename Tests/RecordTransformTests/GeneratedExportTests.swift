import ExportGenerator
import FieldMap
import Ledger
import Testing

@testable import RecordTransform

@Suite("Transforming a generated export", .serialized)
struct GeneratedExportTests {
    static func rejections(_ ledger: Ledger) throws -> [RecordRejected] {
        var result: [RecordRejected] = []
        try ledger.events(matching: EventFilter(type: EventType.recordRejected.rawValue)) { event in
            if case .recordRejected(let rejected) = try event.decoded() { result.append(rejected) }
        }
        return result
    }

    @Test("per object, source records = transformed + rejected + excluded, and the ledger holds one outcome each")
    func conservation() throws {
        let project = try GeneratedProject(contacts: 2000, seed: 11)
        let map = GeneratedExportMap.map()
        let summary = try TransformRun(
            ledger: project.ledger, map: map, mapSha256: "sha-a", context: try project.context(map)
        ).run()
        #expect(summary.balances)
        // Parents first, as the map's references imply; notes and activities (both Twenty notes) do not depend on
        // each other, so the map's own order decides between them.
        let order = summary.objects.map(\.object)
        #expect(Array(order.prefix(4)) == ["companies", "contacts", "deals", "tasks"])
        #expect(Set(order[4...5]) == ["notes", "activities"] && order.last == "attachments")
        for counts in summary.objects {
            #expect(counts.source == (try project.ledger.currentExtractionSeqs(object: counts.object)).count)
            var outcomes = 0
            try project.ledger.forEachRecordOutcome(object: counts.object) { _ in outcomes += 1 }
            #expect(outcomes == counts.source, "\(counts.object)")
        }
        let contacts = try #require(summary.objects.first { $0.object == "contacts" })
        #expect(contacts.transformed > 1900 && contacts.rejected > 0)
    }

    @Test("every planted defect that Twenty would refuse is rejected at its file and line with its code")
    func plantedDefects() throws {
        let project = try GeneratedProject(contacts: 2000, seed: 12)
        let map = GeneratedExportMap.map(policies: MapPolicies(invalidPhone: .reject, missingParent: .reject))
        _ = try TransformRun(ledger: project.ledger, map: map, mapSha256: "sha-b", context: try project.context(map))
            .run()
        let found = Set(
            try Self.rejections(project.ledger).flatMap { rejected in
                rejected.reasons.map { "\($0.code) \(rejected.file):\(rejected.line)" }
            })
        let expected: [DefectKind: RejectionCode] = [
            .invalidEmail: .invalidEmail, .invalidPhone: .invalidPhone, .missingRequired: .missingRequired,
            .duplicateID: .duplicateId, .duplicateEmail: .duplicateEmail, .duplicateDomain: .duplicateDomain,
            .orphanCompany: .missingParent, .orphanContact: .missingParent, .parentSelf: .parentCycle,
            .parentCycle: .parentCycle,
        ]
        for (kind, code) in expected {
            let planted = project.planted(kind).filter { $0.file != "tasks.csv" && $0.file != "notes.csv" }
            #expect(!planted.isEmpty, "\(kind) planted")
            for defect in planted {
                if kind == .duplicateID, let id = defect.recordId {
                    // Records sharing an id are told apart by content, not line: one of them keeps the id and the
                    // other is refused as its duplicate, whichever line it is on.
                    let refused = try Self.rejections(project.ledger).filter { rejected in
                        rejected.file == defect.file && (rejected.sourceId ?? "").hasPrefix(id + "#")
                            && rejected.reasons.contains { $0.code == code.rawValue }
                    }
                    #expect(refused.count == 1, "\(kind.rawValue) of \(id) in \(defect.file)")
                    continue
                }
                #expect(
                    found.contains("\(code.rawValue) \(defect.file):\(defect.line)"),
                    "\(kind.rawValue) at \(defect.file):\(defect.line)")
            }
        }
    }

    @Test("a second run under the same map appends no record events and reports the same counts")
    func idempotent() throws {
        let project = try GeneratedProject(contacts: 500, seed: 13)
        let map = GeneratedExportMap.map()
        let first = try TransformRun(
            ledger: project.ledger, map: map, mapSha256: "sha-c", context: try project.context(map)
        ).run()
        let again = try TransformRun(
            ledger: project.ledger, map: map, mapSha256: "sha-c", context: try project.context(map)
        ).run()
        #expect(again.newEvents == 2)
        #expect(
            again.objects.map { [$0.source, $0.transformed, $0.rejected, $0.excluded] }
                == first.objects.map { [$0.source, $0.transformed, $0.rejected, $0.excluded] })
        #expect(again.objects.allSatisfy { $0.alreadySettled == $0.source })
    }

    @Test("a run under another map transforms every record again")
    func otherMap() throws {
        let project = try GeneratedProject(contacts: 500, seed: 14)
        let map = GeneratedExportMap.map()
        _ = try TransformRun(ledger: project.ledger, map: map, mapSha256: "sha-d", context: try project.context(map))
            .run()
        let other = try TransformRun(
            ledger: project.ledger, map: map, mapSha256: "sha-e", context: try project.context(map)
        ).run()
        let contacts = try #require(other.objects.first { $0.object == "contacts" })
        #expect(contacts.alreadySettled == 0 && contacts.balances)
    }
}
