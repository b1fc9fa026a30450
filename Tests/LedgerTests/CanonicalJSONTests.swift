import Foundation
import Testing

@testable import Ledger

@Suite("Canonical JSON")
struct CanonicalJSONTests {
    @Test("object keys are sorted by their UTF-8 bytes and no whitespace is written")
    func sortedKeysNoWhitespace() {
        let value: JSONValue = ["b": 1, "a": ["z": true, "é": .null, "Z": "x"], "A": [1, 2]]
        #expect(value.canonicalText == #"{"A":[1,2],"a":{"Z":"x","z":true,"é":null},"b":1}"#)
    }

    @Test("strings escape only quotes, backslashes and control characters")
    func stringEscapes() {
        let value: JSONValue = .string("a\"b\\c/d\ne\u{1}f\té")
        #expect(value.canonicalText == #""a\"b\\c/d\ne\u0001f\té""#)
    }

    @Test("integral doubles are written as integers and others in shortest form")
    func numbers() {
        #expect(JSONValue.array([.number(1.0), .number(0.1), .number(-2.5), .integer(-7), .number(1e-7)]).canonicalText
            == "[1,0.1,-2.5,-7,1e-07]")
    }

    @Test("the encoder writes the same bytes as the value written by hand, whatever the declaration order")
    func encoderMatchesValue() throws {
        struct Sample: Encodable {
            var zeta = "last"
            var alpha = 3
            var nested = ["b": [1, 2], "a": [3]]
            var missing: String? = nil
            var flag = false
        }
        let bytes = try CanonicalJSONEncoder().encode(Sample())
        #expect(String(decoding: bytes, as: UTF8.self) == #"{"alpha":3,"flag":false,"nested":{"a":[3],"b":[1,2]},"zeta":"last"}"#)
    }

    @Test("a non-finite number is refused with the path where it occurred")
    func nonFiniteRefused() {
        struct Sample: Encodable { var amounts = ["x": Double.nan] }
        #expect {
            try CanonicalJSONEncoder().encode(Sample())
        } throws: { error in
            "\(error)".contains("amounts.x")
        }
    }

    @Test("every event type decodes back to the value that was encoded")
    func eventsRoundTrip() throws {
        var generator = EventGenerator(seed: 7)
        var seen = Set<EventType>()
        var samples: [LedgerEvent] = (0..<400).map { _ in generator.next() }
        samples += [
            .projectCreated(ProjectCreated(projectId: "p", name: "n", toolVersion: "0")),
            .snapshotTaken(SnapshotTaken(snapshot: 1, exportPath: "/x", files: [SnapshotFile(path: "a.csv", sha256: "00", bytes: 9, records: 1)])),
            .recordMissing(RecordMissing(snapshot: 2, object: "contacts", sourceId: "C1")),
            .snapshotCompleted(SnapshotCompleted(snapshot: 1, extracted: 1, unchanged: 0, missing: 0)),
            .mapProposed(MapProposed(mapSha256: "ab", path: "map.yaml", fields: 3)),
            .mapConfirmed(MapConfirmed(mapSha256: "ab", confirmedBy: "ana")),
            .recordTransformed(RecordTransformed(object: "contacts", sourceId: "C1", targetObject: "person", mapSha256: "ab", values: ["name": ["firstName": "A"]])),
            .recordRejected(RecordRejected(object: "contacts", sourceId: "C1", file: "contacts.csv", line: 3, reasons: [RejectionReason(field: "Email", code: "invalid-email", message: "no @")])),
            .recordExcluded(RecordExcluded(object: "contacts", sourceId: "C1", rule: "stale-contacts")),
            .schemaChangeRequested(SchemaChangeRequested(changeId: "c", change: SchemaChange(op: .createField, object: "person", field: "allegoryId"))),
            .writeFailed(WriteFailed(batchId: "b", object: "person", sourceIds: ["C1"], status: 400, error: "bad", retryable: false)),
            .runCompleted(RunCompleted(command: "migrate", counts: ["written": 3])),
            .runFailed(RunFailed(command: "migrate", error: "x")),
            .rollbackStarted(RollbackStarted(scopeRunId: nil, scopeObject: "person", pending: 2)),
            .rollbackCompleted(RollbackCompleted(compensated: 2, failed: 0)),
            .reconciliationComputed(ReconciliationComputed(summary: ["ok": true], reportPath: nil)),
        ]
        for event in samples {
            let bytes = try CanonicalJSONEncoder().encode(event.payload)
            #expect(try LedgerEvent.decode(type: event.type, payload: Data(bytes)) == event, "\(String(decoding: bytes, as: UTF8.self))")
            seen.insert(event.type)
        }
        #expect(seen == Set(EventType.allCases))
    }
}
