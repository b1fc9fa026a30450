import Foundation
import Testing
import TwentyModel

@testable import FieldMap

@Suite("map.yaml")
struct MapYAMLTests {
    @Test("a proposed map written to YAML and read back is the same map")
    func roundTrip() throws {
        let map = try GeneratedExport().propose().map
        let yaml = try MapYAMLWriter.yaml(map, header: ["test"])
        let read = MapYAMLReader.read(yaml)
        #expect(read.problems == [])
        #expect(read.map == map)
    }

    static let edited = """
        formatVersion: 1
        twenty: {version: v2}
        defaults: {timeZone: Mars/Olympus, country: US, currency: USD}
        policies:
          duplicates: maybe
          invalidPhone: drop
        owners: {fallback: sofia@meridian.io, members: []}
        objects:
          - source: contacts
            file: contacts.csv
            key: Contact ID
            target: person
            confidence: 1
            fields:
              - column: Email
                target: emails.primaryEmial
                transform: email
                confidence: 0.99
              - column: Job Title
                target: jobTitle
                transform: boolean
                confidence: 0.9
              - column: Work Email
                target: emails.primaryEmail
                transform: email
                confidence: 0.5
              - column: Lead Source
                target: type
                transform: text
                confidence: 0.9
                newField: {name: type, label: Type, type: TEXT}
          - source: deals
            file: deals.csv
            key: Deal ID
            target: opportunity
            confidence: 1
            fields:
              - column: Stage
                target: stage
                transform: select
                confidence: 0.9
                values:
                  - {source: Lead, target: NEW}
                  - {source: Won, target: WON}
                  - {source: Lost, target: CLOSED_LOST, isNew: true}
          - source: tickets
            file: tickets.csv
            key: Ticket ID
            target: tiket
            confidence: 1
            fields: []
        """

    @Test("a map with an unknown policy value is refused at its line before anything else is checked")
    func structuralProblems() {
        let read = MapYAMLReader.read(Self.edited)
        #expect(
            read.problems.map(\.description) == [
                "map.yaml:5: policies.duplicates: \"maybe\" is not one of merge, skip, fail"
            ])
    }

    @Test("every problem of a hand-edited map is reported with its line")
    func validationProblems() {
        let yaml = Self.edited.replacingOccurrences(of: "duplicates: maybe", with: "duplicates: merge")
        let read = MapYAMLReader.read(yaml)
        #expect(read.problems == [])
        let problems = MapValidator(catalog: .builtIn()).problems(in: read.map, lines: read.lines).map(\.description)
        #expect(
            problems == [
                "map.yaml:3: defaults.timeZone: \"Mars/Olympus\" is not an IANA time zone (e.g. Europe/Berlin)",
                "map.yaml:16: contacts.Email -> emails.primaryEmial: person has no subfield \"primaryEmial\" of emails (did you mean primaryEmail?)",
                "map.yaml:21: contacts.Job Title -> jobTitle: transform boolean cannot write jobTitle, a TEXT field",
                "map.yaml:31: contacts.Lead Source: new field name \"type\": The name is not available",
                "map.yaml:44: deals.Stage -> stage: \"Won\" -> WON: WON is not an option of stage; add isNew: true to create it",
                "map.yaml:49: tickets -> tiket: the workspace has no object \"tiket\"",
            ])
    }

    @Test("a second column writing the same target is reported with the line of the first")
    func duplicateTargets() {
        let yaml = """
            formatVersion: 1
            twenty: {version: v2}
            objects:
              - source: contacts
                file: contacts.csv
                key: Contact ID
                target: person
                confidence: 1
                fields:
                  - column: Email
                    target: emails.primaryEmail
                    transform: email
                    confidence: 0.99
                  - column: Work Email
                    target: emails.primaryEmail
                    transform: email
                    confidence: 0.5
            """
        let read = MapYAMLReader.read(yaml)
        #expect(read.problems == [])
        #expect(
            MapValidator(catalog: .builtIn()).problems(in: read.map, lines: read.lines).map(\.description) == [
                "map.yaml:15: contacts.Work Email -> emails.primaryEmail: emails.primaryEmail is already written by another column (line 11)"
            ])
    }
}
