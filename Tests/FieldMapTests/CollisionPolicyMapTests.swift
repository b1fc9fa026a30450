import Foundation
import Testing
import TwentyModel

@testable import FieldMap

@Suite("onCollision in the map")
struct CollisionPolicyMapTests {
    static let oldMap = """
        formatVersion: 1
        twenty: {version: v2}
        policies:
          duplicates: skip
        objects:
          - source: contacts
            file: contacts.csv
            key: Contact ID
            target: person
            confidence: 1
            fields: []
          - source: companies
            file: companies.csv
            key: Company ID
            target: company
            onCollision: merge
            confidence: 1
            fields: []
        """

    @Test("the proposal sets fail for objects with a unique field and says why, naming the unique values")
    func proposedWithReason() throws {
        let map = try GeneratedExport().propose().map
        let people = try #require(map.object(source: "contacts"))
        let companies = try #require(map.object(source: "companies"))
        #expect(people.onCollision == .fail && companies.onCollision == .fail)
        #expect(people.reasons.contains { $0.hasPrefix("onCollision fail") && $0.contains("emails.primaryEmail") })
        #expect(
            companies.reasons.contains { $0.hasPrefix("onCollision fail") && $0.contains("domainName.primaryLinkUrl") })
        let yaml = try MapYAMLWriter.yaml(map)
        #expect(yaml.contains("onCollision: fail"))
    }

    @Test(
        "a map without onCollision loads, each object taking the map-wide duplicates policy; one that names it keeps it"
    )
    func oldMapLoads() {
        let read = MapYAMLReader.read(Self.oldMap)
        #expect(read.problems == [])
        #expect(read.map.object(source: "contacts")?.onCollision == .skip)
        #expect(read.map.object(source: "companies")?.onCollision == .merge)
        #expect(
            MapYAMLReader.read(Self.oldMap.replacingOccurrences(of: "duplicates: skip\n", with: "invalidPhone: drop\n"))
                .map.object(source: "contacts")?.onCollision == .fail)
    }

    @Test("an onCollision value that is not a policy is reported at its line")
    func invalidValue() {
        let read = MapYAMLReader.read(
            Self.oldMap.replacingOccurrences(of: "onCollision: merge", with: "onCollision: mrege"))
        let problems = read.problems.map(\.description)
        #expect(problems.count == 1)
        #expect(
            problems.first?.hasPrefix("map.yaml:16: companies.onCollision: \"mrege\" is not one of merge, skip, fail")
                == true)
    }

    @Test("each object's policy is written and read back, and shown in the review")
    func roundTripAndReview() throws {
        var map = try GeneratedExport().propose().map
        let index = try #require(map.objects.firstIndex { $0.source == "companies" })
        map.objects[index].onCollision = .merge
        let read = MapYAMLReader.read(try MapYAMLWriter.yaml(map))
        #expect(read.map == map)
        let review = MapReview(map: map, samples: [:], transformNote: "", transformer: MapReview.untransformed)
        #expect(
            review.text.contains("companies onCollision merge: a record colliding with one in the workspace is merged"))
        #expect(review.text.contains("contacts onCollision fail"))
        #expect(review.html(projectName: "p", mapSha256: "x").contains("companies onCollision merge"))
    }

    @Test("changing an object's policy changes the map's hash, so a confirmation (and a sample approval) is per policy")
    func policyChangeNeedsConfirmation() throws {
        let (directory, export) = try ConfirmationTests.project()
        _ = export
        try MapConfirmation.confirm(projectDirectory: directory, by: "Ada")
        let before = try MapConfirmation.requireConfirmed(projectDirectory: directory).sha256
        let url = MapFile.url(in: directory)
        let text = try String(contentsOf: url, encoding: .utf8)
        let edited = try #require(text.range(of: "onCollision: fail")).lowerBound
        try text.replacingCharacters(in: edited..<text.index(edited, offsetBy: 17), with: "onCollision: skip")
            .write(to: url, atomically: true, encoding: .utf8)
        #expect(throws: (any Error).self) { try MapConfirmation.requireConfirmed(projectDirectory: directory) }
        try MapConfirmation.confirm(projectDirectory: directory, by: "Ada")
        let confirmed = try MapConfirmation.requireConfirmed(projectDirectory: directory)
        #expect(confirmed.sha256 != before)
        #expect(confirmed.map.objects.contains { $0.onCollision == .skip })
    }
}
