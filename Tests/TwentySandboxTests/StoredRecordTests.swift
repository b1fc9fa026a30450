import CanonicalJSON
import Testing

@testable import TwentySandbox

/// Records held in slots must read and write exactly as the dictionaries they replaced.
@Suite struct StoredRecordTests {
    /// Two plain members and a composite, declared out of canonical order.
    static let layout = RecordLayout(
        defaults: ["name": "", "id": .null, "address": ["city": "", "lat": .null]],
        composites: ["address": CanonicalMembers(names: ["lat", "city"], nested: [:])])

    @Test("a new record holds every member of its layout at its default")
    func aNewRecordHoldsTheDefaults() {
        let record = StoredRecord(layout: Self.layout)
        #expect(record.values == ["name": "", "id": .null, "address": ["city": "", "lat": .null]])
        #expect(record["name"] == "")
        #expect(record["unknown"] == nil)
    }

    @Test("a record filled slot by slot is written with the bytes of the generic canonical writer")
    func slotsWriteTheCanonicalBytes() {
        var record = StoredRecord(layout: Self.layout)
        record["id"] = "3f2c"
        record["name"] = "Zoë \"Z\""
        record["address"] = ["lat": 45.76, "city": "Lyon"]
        #expect(record.canonicalBytes == CanonicalJSON.bytes(.object(record.values)))
        #expect(
            record.canonicalBytes
                == Array(#"{"address":{"city":"Lyon","lat":45.76},"id":"3f2c","name":"Zoë \"Z\""}"#.utf8))
    }

    @Test("members outside the layout and members missing from it survive, and are written canonically")
    func extraAndMissingMembersSurvive() {
        // A body stored before a field was removed (legacy) and before one was added (name).
        let stored: [String: JSONValue] = ["id": "3f2c", "legacy": [1, 2], "address": ["city": "Graz"]]
        let record = StoredRecord(values: stored, layout: Self.layout)
        #expect(record.values == stored)
        #expect(record["legacy"] == [1, 2])
        #expect(record["name"] == nil)
        #expect(record.canonicalBytes == CanonicalJSON.bytes(.object(stored)))
    }

    @Test("a record read from its stored bytes hands them back until a member changes")
    func storedBytesAreKeptUntilAChange() throws {
        let bytes = Array(#"{"address":{"city":"Leeds","lat":null},"id":"a1","name":"Old"}"#.utf8)
        var record = try StoredRecord(bytes: bytes, layout: Self.layout)
        #expect(record.canonicalBytes == bytes)
        record["name"] = "New"
        #expect(
            record.canonicalBytes == Array(#"{"address":{"city":"Leeds","lat":null},"id":"a1","name":"New"}"#.utf8))
    }
}
