import Testing

@testable import AllegoryExport

@Suite("CSV reader: the header row among title, blank and units rows")
struct HeaderRowTests {
    static let report = """
        Report: Accounts,,,
        Generated 2026-06-30,,,
        Region: EMEA,,,

        Account,Owner,Revenue,Share
        ,,(EUR),in %
        Acme,Ada,1200,12
        Globex,Grace,900,9

        """

    @Test("three title rows, a blank row and a units row are skipped, each a finding with its line")
    func titleBlankAndUnitsRows() throws {
        let (reader, _) = try CSVFixture(Self.report).read(chunkSize: 5)
        #expect(reader.header == ["Account", "Owner", "Revenue", "Share"])
        #expect(reader.dialect.headerLine == 5)
        #expect(reader.dialect.unitsRowLine == 6)
        #expect(reader.findings.map(\.kind) == Array(repeating: .bannerLine, count: 5))
        #expect(reader.findings.map(\.line) == [1, 2, 3, 4, 6])
        #expect(reader.findings.first?.detail.contains("Report: Accounts") == true)
        #expect(reader.findings[3].detail.contains("blank"))
    }

    @Test("data lines keep their physical line numbers, counting the skipped lines")
    func physicalLineNumbers() throws {
        let (_, rows) = try CSVFixture(Self.report).read()
        #expect(rows.map(\.values) == [["Acme", "Ada", "1200", "12"], ["Globex", "Grace", "900", "9"]])
        #expect(rows.map(\.line) == [7, 8])
    }

    @Test(
        "a units row written with brackets is told from data by its cells", arguments: ["(EUR)", "[kg]", "in %", "%"])
    func unitsCells(unit: String) {
        #expect(HeaderRow.isUnitsRow(["", unit]))
        #expect(!HeaderRow.isUnitsRow(["Acme", unit]))
    }

    @Test("a header of numbers is still found when no row looks like labels")
    func numericHeader() throws {
        let (reader, rows) = try CSVFixture("2024,2025,2026\n1,2,3\n4,5,6\n").read()
        #expect(reader.header == ["2024", "2025", "2026"])
        #expect(rows.count == 2)
    }

    @Test("a title row as wide as the table but mostly empty is not the header")
    func paddedTitle() {
        let choice = HeaderRow.locate(
            [["Accounts export", "", "", ""], ["Id", "Name", "City", "Owner"], ["1", "Acme", "Paris", "ada"]], width: 4)
        #expect(choice == HeaderRow.Choice(index: 1, hasUnitsRow: false))
    }
}
