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

@Suite("JSON parser")
struct JSONParserTests {
    private func randomValue(_ random: inout SplitMix64, depth: Int = 0) -> JSONValue {
        switch random.next() % (depth > 3 ? 5 : 7) {
        case 0: return .null
        case 1: return .bool(random.next() % 2 == 0)
        case 2: return .integer(Int64(bitPattern: random.next()) >> Int64(random.next() % 60))
        case 3: return .number(Double(Int64(bitPattern: random.next()) % 1_000_000) + 0.5)  // integral doubles are written as integers
        case 4:
            let alphabet = Array("aZ09 \"\\/\n\t\u{1}é€😀-_")
            return .string(String((0..<Int(random.next() % 12)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }))
        case 5: return .array((0..<Int(random.next() % 4)).map { _ in randomValue(&random, depth: depth + 1) })
        default:
            var members: [String: JSONValue] = [:]
            for index in 0..<Int(random.next() % 4) { members["k\(index)\(random.next() % 3)"] = randomValue(&random, depth: depth + 1) }
            return .object(members)
        }
    }

    @Test("random values written canonically parse back to the same value", arguments: 1...5)
    func roundTrip(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        for _ in 0..<300 {
            let value = randomValue(&random)
            #expect(try JSONParser.parse(Array(value.canonicalText.utf8)) == value)
        }
    }

    @Test("escapes, surrogate pairs and whitespace of non-canonical JSON are read")
    func nonCanonicalInput() throws {
        let text = #" { "a" : [ 1 , -2.5e1 , "\u00e9\ud83d\ude00\/\"" ] , "b":true,"c":null } "#
        #expect(try JSONParser.parse(Array(text.utf8)) == ["a": [1, .number(-25), "é😀/\""], "b": true, "c": .null])
    }

    @Test("invalid JSON is refused with the byte offset", arguments: [
        "", "{", "[1,]", "{\"a\" 1}", "\"abc", "tru", "01", "1.", "\"\\ud800\"", "[1] x", "\"a\u{1}\"",
    ])
    func invalid(text: String) {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(Array(text.utf8)) }
    }

    @Test("nesting deeper than 512 levels is refused instead of exhausting the stack")
    func deepNesting() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(Array(text.utf8)) }
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

    @Test("strings with escapes, integers and booleans are read back as values")
    func scalars() {
        let view = CanonicalPayload(bytes: Array(#"{"a":"x\"y\n","b":-42,"c":true,"d":{"a":"nested"},"e":"plain"}"#.utf8))
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
            .recordTransformed(RecordTransformed(object: "contacts", sourceId: "C1", targetObject: "person", mapSha256: "ab", values: ["name": ["firstName": "Å\"x"]])),
            .recordExcluded(RecordExcluded(object: "contacts", sourceId: "C1", rule: "stale-contacts")),
            .recordCreated(RecordCreated(batchId: nil, object: "person", sourceId: nil, twentyId: "t", values: [:])),
            .recordExtracted(RecordExtracted(snapshot: 3, object: "contacts", sourceId: "C\n1", file: "c.csv", line: 9, contentHash: "h", values: ["É": "1", "E": "\u{1}", "": ""])),
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
