import Foundation
import Testing

@testable import FieldMap

@Suite("onConflict in the map")
struct ConflictRuleMapTests {
    static let map = """
        formatVersion: 1
        twenty: {version: v2}
        objects:
          - source: contacts
            file: contacts.csv
            key: Contact ID
            target: person
            confidence: 1
            fields:
              - column: Job Title
                target: jobTitle
                transform: text
                confidence: 1
              - column: City
                target: city
                transform: text
                confidence: 1
        """

    @Test("a map without onConflict loads with no rule on any field")
    func oldMapLoads() throws {
        let read = MapYAMLReader.read(Self.map)
        #expect(read.problems == [])
        let fields = try #require(read.map.object(source: "contacts")?.fields)
        #expect(fields.count == 2 && fields.allSatisfy { $0.onConflict == nil })
    }

    @Test("a field's rule is read, written and read back; a field without one stays without")
    func roundTrip() throws {
        let yaml = Self.map.replacingOccurrences(
            of: "target: jobTitle\n", with: "target: jobTitle\n        onConflict: source\n")
        let read = MapYAMLReader.read(yaml)
        #expect(read.problems == [])
        let fields = try #require(read.map.object(source: "contacts")?.fields)
        #expect(fields.map(\.onConflict) == [.source, nil])
        let written = try MapYAMLWriter.yaml(read.map)
        #expect(written.contains("onConflict: source"))
        #expect(MapYAMLReader.read(written).map == read.map)
    }

    @Test("a rule that is neither source nor twenty is reported at its line")
    func invalidRule() {
        let yaml = Self.map.replacingOccurrences(
            of: "target: city\n", with: "target: city\n        onConflict: allegory\n")
        let problems = MapYAMLReader.read(yaml).problems.map(\.description)
        #expect(problems.count == 1)
        #expect(problems.first?.contains("contacts.City.onConflict: \"allegory\" is not one of source, twenty") == true)
    }
}
