import CanonicalJSON
import Foundation
import Testing

@testable import Ledger

@Suite("Event payload encoding")
struct EventEncodingTests {
    @Test("every event type decodes back to the value that was encoded")
    func eventsRoundTrip() throws {
        var generator = EventGenerator(seed: 7)
        var seen = Set<EventType>()
        var samples: [LedgerEvent] = (0..<400).map { _ in generator.next() }
        samples += [
            .projectCreated(ProjectCreated(projectId: "p", name: "n", toolVersion: "0")),
            .snapshotTaken(
                SnapshotTaken(
                    snapshot: 1, exportPath: "/x",
                    files: [SnapshotFile(path: "a.csv", object: "a", sha256: "00", bytes: 9)])),
            .recordMissing(RecordMissing(snapshot: 2, object: "contacts", sourceId: "C1")),
            .snapshotCompleted(
                SnapshotCompleted(
                    snapshot: 1, extracted: 1, unchanged: 0, missing: 0,
                    files: [
                        SnapshotFileCounts(
                            path: "a.csv", records: 1, extracted: 1, unchanged: 0, missing: 0, findings: 2)
                    ])),
            .sourceFinding(
                SourceFinding(
                    snapshot: 1, object: "contacts", file: "contacts.csv", line: 7, kind: "ragged-row",
                    detail: "3 cells")),
            .exportUnderstood(
                ExportUnderstood(snapshot: 1, understanding: ["files": [["path": "a.csv", "keyColumns": ["Id"]]]])),
            .linkUnresolved(
                LinkUnresolved(
                    object: "contacts", sourceId: "C1", file: "contacts.csv", line: 4, column: "Company ID",
                    value: "CO9",
                    targetObject: "companies", code: "missing-parent", message: "no company has the id CO9",
                    outcome: "written-without-link", mapSha256: "ab")),
            .mapProposed(MapProposed(mapSha256: "ab", path: "map.yaml", fields: 3)),
            .mapConfirmed(MapConfirmed(mapSha256: "ab", confirmedBy: "ana")),
            .recordTransformed(
                RecordTransformed(
                    object: "contacts", sourceId: "C1", targetObject: "person", mapSha256: "ab",
                    values: ["name": ["firstName": "A"]])),
            .recordRejected(
                RecordRejected(
                    object: "contacts", sourceId: "C1", file: "contacts.csv", line: 3,
                    reasons: [RejectionReason(field: "Email", code: "invalid-email", message: "no @")])),
            .recordExcluded(RecordExcluded(object: "contacts", sourceId: "C1", rule: "stale-contacts")),
            .schemaChangeRequested(
                SchemaChangeRequested(
                    changeId: "c", change: SchemaChange(op: .createField, object: "person", field: "allegoryId"),
                    inverse: SchemaChange(op: .deleteField, object: "person", field: "allegoryId"))),
            .schemaChangeRefused(
                SchemaChangeRefused(
                    changeId: "c", change: SchemaChange(op: .createField, object: "person", field: "type"),
                    status: 400, error: "The name is not available")),
            .writeRequested(
                WriteRequested(
                    batchId: "b", op: .update, object: "person", sourceObject: "contacts", upsert: false,
                    items: [
                        WriteItem(sourceId: "C1", twentyId: "t", values: ["city": "Oslo"], before: ["city": "Bergen"])
                    ])),
            .intentResolved(
                IntentResolved(kind: .write, intentId: "b", intentSeq: 9, object: "person", held: ["t"], absent: [])),
            .workspaceBound(
                WorkspaceBound(
                    url: "http://127.0.0.1:3000", workspaceId: nil, fingerprint: "f", version: "v2",
                    serverVersion: nil, batchMaximum: 200)),
            .compensationFailed(
                CompensationFailed(
                    compensates: 12, compensation: Compensation(action: .destroy, object: "person", twentyId: "t"),
                    status: 503, error: "unavailable", retryable: true)),
            .writeFailed(
                WriteFailed(
                    batchId: "b", object: "person", sourceIds: ["C1"], status: 400, error: "bad", retryable: false)),
            .runCompleted(RunCompleted(command: "migrate", counts: ["written": 3])),
            .runFailed(RunFailed(command: "migrate", error: "x")),
            .rollbackStarted(RollbackStarted(scopeRunId: nil, scopeObject: "person", pending: 2)),
            .rollbackCompleted(RollbackCompleted(compensated: 2, failed: 0, kept: 1)),
            .rollbackRequested(
                RollbackRequested(
                    batchId: "rb-1", action: .destroy, object: "person",
                    items: [
                        CompensationItem(
                            compensates: 12,
                            compensation: Compensation(action: .destroy, object: "person", twentyId: "t"))
                    ])),
            .rollbackKept(
                RollbackKept(
                    compensates: 12, compensation: Compensation(action: .destroy, object: "person", twentyId: "t"),
                    fields: ["jobTitle"], reason: "changed in Twenty after it was written")),
            .reconciliationComputed(ReconciliationComputed(summary: ["ok": true], reportPath: nil)),
            .workflowReferenceWritten(
                WorkflowReferenceWritten(
                    workflows: 7, active: 6, inactive: 1, direct: 2, withGaps: 4, unrecognised: 1, steps: 30,
                    mapState: "confirmed", reportPath: "reports/workflows.html")),
            .sampleApproved(SampleApproved(mapSha256: "ab", by: "ana", sampleRunId: "run-1")),
            .fileUploadRequested(
                FileUploadRequested(
                    uploadId: "u", sourceObject: "attachments", sourceId: "A1", file: "files/a.pdf", size: 3,
                    sha256: "ab")),
            .fileUploaded(
                FileUploaded(
                    uploadId: "u", sourceObject: "attachments", sourceId: "A1", fileId: "f", flow: "directUpload",
                    size: 3, sha256: "ab", values: ["file": [["fileId": "f", "label": "a.pdf"]]])),
            .fileUploadFailed(
                FileUploadFailed(uploadId: "u", sourceObject: "attachments", sourceId: "A1", sent: true, error: "413")),
            .deltaSettled(
                DeltaSettled(
                    object: "person", sourceObject: "contacts", sourceId: "C1", twentyId: "t", sent: ["city"],
                    conflicts: [
                        FieldConflict(
                            field: "jobTitle", ours: "CEO", source: "CTO", twenty: "Founder", resolution: .twenty)
                    ])),
        ]
        for event in samples {
            let bytes = try CanonicalJSONEncoder().encode(event.payload)
            #expect(
                try LedgerEvent.decode(type: event.type, payload: Data(bytes)) == event,
                "\(String(decoding: bytes, as: UTF8.self))")
            seen.insert(event.type)
        }
        #expect(seen == Set(EventType.allCases))
    }

}

@Suite("Canonical payload view")
struct CanonicalPayloadTests {
    @Test("every top-level member's bytes are the canonical text of that member, for every generated event")
    func membersAreCanonicalSlices() throws {
        var generator = EventGenerator(seed: 21)
        for _ in 0..<300 {
            let event = generator.next()
            let bytes = try CanonicalJSONEncoder().encode(event.payload)
            let view = CanonicalPayload(bytes: bytes)
            let parsed = try JSONParser.parse(bytes).objectValue ?? [:]
            for (key, member) in parsed {
                #expect(view.raw(key).map { Array($0) } == Array(member.canonicalText.utf8))
            }
            #expect(view.raw("noSuchMember") == nil)
        }
    }

    @Test(
        "a member is found, or found absent, exactly as parsing the whole payload finds it, wherever its key sorts",
        arguments: [7, 8, 9] as [UInt64])
    func lookupsEqualFullParse(seed: UInt64) throws {
        var generator = EventGenerator(seed: seed)
        for _ in 0..<400 {
            let bytes = try CanonicalJSONEncoder().encode(generator.next().payload)
            let view = CanonicalPayload(bytes: bytes)
            let parsed = try JSONParser.parse(bytes).objectValue ?? [:]
            // Every key, and keys that sort just before, between and after each of them (prefixes, extensions).
            var probes: Set<String> = ["", "~", "A", "sourceObject", "snapshot", "batchId", "values", "zzz"]
            for key in parsed.keys {
                probes.formUnion([key, key + "0", key + "~", String(key.dropLast()), "\(key.prefix(1))~"])
            }
            for probe in probes {
                #expect(view.raw(probe).map { Array($0) } == parsed[probe].map { Array($0.canonicalText.utf8) })
            }
        }
    }

    @Test("strings with escapes, integers and booleans are read back as values")
    func scalars() {
        let view = CanonicalPayload(
            bytes: Array(#"{"a":"x\"y\n","b":-42,"c":true,"d":{"a":"nested"},"e":"plain"}"#.utf8))
        #expect(view.string("a") == "x\"y\n")
        #expect(view.int("b") == -42)
        #expect(view.bool("c") == true)
        #expect(view.string("e") == "plain")
        #expect(view.value("d") == ["a": "nested"])
        #expect(view.string("b") == nil)
    }
}

@Suite("Hand-written payload forms")
struct HandWrittenPayloadTests {
    @Test("payloads that write themselves produce exactly the generic encoder's bytes")
    func sameBytesAsGenericEncoder() throws {
        var generator = EventGenerator(seed: 33)
        var samples: [LedgerEvent] = (0..<500).map { _ in generator.next() }
        samples += [
            .recordTransformed(
                RecordTransformed(
                    object: "contacts", sourceId: "C1", targetObject: "person", mapSha256: "ab",
                    values: ["name": ["firstName": "Å\"x"]])),
            .recordExcluded(RecordExcluded(object: "contacts", sourceId: "C1", rule: "stale-contacts")),
            .recordCreated(RecordCreated(batchId: nil, object: "person", sourceId: nil, twentyId: "t", values: [:])),
            .recordExtracted(
                RecordExtracted(
                    snapshot: 3, object: "contacts", sourceId: "C\n1", file: "c.csv", line: 9, contentHash: "h",
                    values: ["É": "1", "E": "\u{1}", "": ""])),
            // With the canonical values handed in by the reader, as a snapshot does.
            .recordExtracted(
                RecordExtracted(
                    snapshot: 3, object: "contacts", sourceId: "C2", file: "c.csv", line: 10, contentHash: "h",
                    values: ["b": "2", "a": "x\"y"], canonicalValues: Array(#"{"a":"x\"y","b":"2"}"#.utf8))),
        ]
        var handWritten = 0
        for event in samples {
            let fast = try CanonicalJSONEncoder().encode(event.payload)
            let generic = try CanonicalJSONEncoder(usesHandWrittenForms: false).encode(event.payload)
            #expect(String(decoding: fast, as: UTF8.self) == String(decoding: generic, as: UTF8.self))
            if event.payload is CanonicalJSONWritable { handWritten += 1 }
        }
        #expect(handWritten > 200)
    }
}
