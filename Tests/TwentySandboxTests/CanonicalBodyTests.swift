import CanonicalJSON
import Testing

@testable import TwentySandbox

/// The write path's shortcuts must give exactly the bytes of the generic code they replace.
@Suite struct CanonicalBodyTests {
    @Test func aRecordBodyIsWrittenWithTheBytesOfTheGenericCanonicalWriter() async throws {
        let sandbox = try Sandbox()
        let (status, body) = try await sandbox.send(
            "POST", "/rest/batch/people",
            json:
                #"[{"name":{"firstName":"Ada","lastName":"L\u00e9"},"emails":{"primaryEmail":"Ada@Example.com"},"phones":{"primaryPhoneNumber":"+33 6 12 34 56 78"}}]"#
        )
        #expect(status == 201)
        guard case .array(let people)? = body["data", "createPeople"], let id = people.first?["id"]?.stringValue else {
            Issue.record("no person created: \(body)")
            return
        }
        let response = try await sandbox.exchange("GET", "/rest/people/\(id)")
        let stored = try #require(JSONParser.parse(response.body)["data"]?["person"])
        #expect(
            Array(response.body) == Array(#"{"data":{"person":"#.utf8) + CanonicalJSON.bytes(stored) + Array("}}".utf8))
    }

    @Test func aBodyWithUnexpectedMembersFallsBackToTheGenericWriter() {
        let layout = CanonicalMembers(names: ["b", "a"], nested: [:])
        let values: [String: JSONValue] = ["a": 1, "c": ["y": 2, "x": 3]]
        #expect(layout.bytes(values) == CanonicalJSON.bytes(.object(values)))
        #expect(layout.bytes(["b": "é", "a": .null]) == Array(#"{"a":null,"b":"é"}"#.utf8))
    }

    @Test func generatedIdsAreLowerCaseVersion4UUIDs() {
        let ids = (0..<100).map { _ in Identifier.random() }
        #expect(Set(ids).count == 100)
        for id in ids {
            #expect(Identifier.isUUID(id) && id == id.lowercased())
            #expect(Array(id.utf8)[14] == UInt8(ascii: "4"))
            #expect("89ab".utf8.contains(Array(id.utf8)[19]))
        }
    }
}
