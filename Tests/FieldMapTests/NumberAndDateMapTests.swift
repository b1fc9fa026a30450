import AllegoryExport
import Testing

@testable import FieldMap

@Suite("map.yaml: date formats and decimal separators")
struct NumberAndDateMapTests {
    static let map = """
        formatVersion: 1
        twenty: {version: v2}
        objects:
          - source: companies
            file: companies.csv
            key: Company ID
            target: company
            confidence: 1
            fields:
              - column: Mitarbeiter
                target: employees
                transform: number
                confidence: 0.9
                decimalSeparator: ","
              - column: Umsatz
                target: annualRecurringRevenue.amountMicros
                transform: currencyAmount
                confidence: 0.9
                decimalSeparator: ","
              - column: Erstellt
                target: createdAt
                transform: dateTime
                confidence: 0.9
                format: DD.MM.YYYY HH:mm
        """

    @Test("a map recording a decimal comma and a national date format reads, validates and writes back the same")
    func roundTrip() throws {
        let read = MapYAMLReader.read(Self.map)
        #expect(read.problems == [])
        #expect(read.map.objects[0].fields.map(\.decimalSeparator) == [",", ",", nil])
        #expect(MapValidator(catalog: .builtIn()).problems(in: read.map, lines: read.lines).map(\.description) == [])
        let written = try MapYAMLWriter.yaml(read.map, header: ["test"])
        #expect(written.contains("decimalSeparator: ','"))
        #expect(MapYAMLReader.read(written).map == read.map)
    }

    @Test("a map without decimalSeparator, as older maps are, still reads and validates")
    func olderMaps() {
        let yaml = Self.map.replacingOccurrences(of: "        decimalSeparator: \",\"\n", with: "")
        let read = MapYAMLReader.read(yaml)
        #expect(read.problems == [])
        #expect(read.map.objects[0].fields.allSatisfy { $0.decimalSeparator == nil })
        #expect(MapValidator(catalog: .builtIn()).problems(in: read.map, lines: read.lines).isEmpty)
    }

    @Test("an unknown decimal separator, one on a date, and an unknown date format are reported at their lines")
    func problems() {
        let yaml = Self.map
            .replacingOccurrences(
                of: "decimalSeparator: \",\"\n      - column: Umsatz",
                with: "decimalSeparator: \";\"\n      - column: Umsatz"
            )
            .replacingOccurrences(
                of: "format: DD.MM.YYYY HH:mm", with: "format: DD.MM.YY\n        decimalSeparator: \".\"")
        let read = MapYAMLReader.read(yaml)
        #expect(read.problems == [])
        #expect(
            MapValidator(catalog: .builtIn()).problems(in: read.map, lines: read.lines).map(\.description) == [
                "map.yaml:14: companies.Mitarbeiter -> employees: decimalSeparator \";\" must be \".\" (1,234.56) or \",\" (1.234,56)",
                "map.yaml:24: companies.Erstellt -> createdAt: \"DD.MM.YY\" is not a known date format: \(TimestampFormat.allCases.map(\.rawValue).joined(separator: ", "))",
                "map.yaml:25: companies.Erstellt -> createdAt: decimalSeparator applies to number and currencyAmount transforms, not dateTime",
            ])
    }
}
