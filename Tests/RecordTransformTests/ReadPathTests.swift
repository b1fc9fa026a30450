import CanonicalJSON
import Foundation
import Ledger
import Testing

@testable import RecordTransform

/// The transform run reads records with `forEachCurrentRecord(object:columns:)` (range reads, values straight from
/// the stored bytes, the first pass reading only its columns): it must read exactly what the record-by-record
/// reader reads, and the run's events must hold exactly the bytes of transforming those records.
@Suite("Reading records for a transform run", .serialized)
struct ReadPathTests {
    struct Read: Equatable {
        let sourceId: String
        let file: String
        let line: Int
        let values: [String: String]
    }

    static func read(_ ledger: Ledger, _ object: String, columns: [String]?? = .none) throws -> [Read] {
        var result: [Read] = []
        let add = { (record: SourceRecord) in
            result.append(Read(sourceId: record.sourceId, file: record.file, line: record.line, values: record.values))
        }
        switch columns {
        case .none: try ledger.forEachCurrentRecord(object: object, add)
        case .some(let columns): try ledger.forEachCurrentRecord(object: object, columns: columns, add)
        }
        return result
    }

    @Test("the range reader gives every object's records in the same order with the same values")
    func sameRecords() throws {
        let project = try GeneratedProject(contacts: 300, seed: 21)
        for object in ["companies", "contacts", "deals", "tasks", "notes", "users"] {
            let expected = try Self.read(project.ledger, object)
            #expect(!expected.isEmpty, "\(object)")
            #expect(try Self.read(project.ledger, object, columns: .some(nil)) == expected, "\(object)")
        }
    }

    @Test("reading only some columns keeps exactly those columns' values")
    func someColumns() throws {
        let project = try GeneratedProject(contacts: 300, seed: 22)
        let columns = ["Email", "Other Emails", "No Such Column"]
        let expected = try Self.read(project.ledger, "contacts").map { record in
            Read(
                sourceId: record.sourceId, file: record.file, line: record.line,
                values: record.values.filter { columns.contains($0.key) })
        }
        #expect(try Self.read(project.ledger, "contacts", columns: .some(columns)) == expected)
    }

    @Test("string members are read as the JSON parser reads them, and anything else is left to the parser")
    func stringMembers() throws {
        func payload(_ values: String) -> CanonicalPayload {
            CanonicalPayload(bytes: Array("{\"file\":\"a.csv\",\"values\":\(values)}".utf8))
        }
        let texts = [
            #"{"A":"x","B":"","C":"caf\u00e9 \"q\" \\ \/ \n","D\u0041":"\ud83d\ude00","É":"ü"}"#,
            #"{ "A" : "x" , "A" : "y" }"#, "{}", #"{"A":"a\u0000b"}"#,
        ]
        for text in texts {
            guard case .object(let members) = try JSONParser.parse(Array(text.utf8)) else {
                Issue.record("not an object"); continue
            }
            let parsed = members.mapValues { $0.stringValue ?? "" }
            #expect(payload(text).stringMembers("values") == parsed, "\(text)")
            #expect(
                payload(text).stringMembers("values", only: ["DA", "É"])
                    == parsed.filter { ["DA", "É"].contains($0.key) }, "\(text)")
        }
        // Not an object of strings, or not valid JSON: nil, so the caller parses in full and fails as the parser does.
        for text in [
            #"{"A":1}"#, #"{"A":null}"#, #"{"A":"\x"}"#, #"{"A":"x",}"#, #"{"A" "x"}"#, "[]", "\"s\"",
            "{\"A\":\"a\u{01}b\"}",
        ] {
            #expect(payload(text).stringMembers("values") == nil, "\(text)")
        }
        #expect(payload(#"{"A":"x","B":"\q"}"#).stringMembers("values", only: ["A"]) == nil)
        #expect(payload("{}").stringMembers("other") == nil)
    }

    @Test("a run's events hold, byte for byte, the canonical payloads of transforming each record as read one by one")
    func runBytes() throws {
        let project = try GeneratedProject(contacts: 400, seed: 23)
        let map = GeneratedExportMap.map()
        let context = try project.context(map)
        let head = project.ledger.head.seq
        _ = try TransformRun(ledger: project.ledger, map: map, mapSha256: "sha-bytes", context: context).run()

        var stored: [String: [UInt8]] = [:]
        try project.ledger.events(matching: EventFilter(type: EventType.recordTransformed.rawValue)) { event in
            guard event.seq > head, event.object == "contacts", let sourceId = event.sourceId else { return }
            stored[sourceId] = Array(event.payload.utf8)
        }
        // The reference: the record-by-record reader, the generic encoder, and validation as the run applies it.
        var registry = ParentRegistry()
        try project.ledger.forEachRecordOutcome(object: "companies") { mark in
            registry.record(
                object: "companies", sourceId: mark.sourceId, mark.type == .recordTransformed ? .transformed : .rejected
            )
        }
        let transformer = RecordTransformer(objectMap: try #require(map.object(source: "contacts")), context: context)
        var validation = ObjectValidation(policies: context.policies)
        let records = try Self.read(project.ledger, "contacts")
        for record in records { validation.scan(transformer, sourceId: record.sourceId, values: record.values) }
        validation.finishScan()
        var compared = 0
        for record in records {
            let outcome = validation.validate(
                transformer.transform(
                    sourceId: record.sourceId, file: record.file, line: record.line, values: record.values),
                registry: registry
            ).0
            guard case .transformed(let transformed) = outcome else { continue }
            let expected = try CanonicalJSONEncoder(usesHandWrittenForms: false).encode(
                transformed.event(mapSha256: "sha-bytes", identity: context.identity))
            #expect(stored[record.sourceId] == expected, "\(record.sourceId)")
            compared += 1
        }
        #expect(compared == stored.count && compared > 350)
    }
}
