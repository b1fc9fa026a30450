import Foundation
import Testing

@testable import AllegoryExport

@Suite("Column profiles")
struct ColumnProfileTests {
    private func profile(_ name: String, _ values: [String]) -> ColumnProfile {
        var profiler = ColumnProfiler(name: name)
        for value in values { profiler.add(value) }
        return profiler.profile()
    }

    @Test("emails are recognised by their values even under a meaningless header")
    func emailsByValue() {
        let result = profile("Field 7", ["ada@x.com", "grace.hopper@navy.mil", "", "l.rossi1@cedarridge141.co.uk"])
        #expect(result.type == .email)
        #expect(result.confidence == 1)
        #expect(result.empty == 1)
        #expect(result.reason.contains("are email addresses"))
    }

    @Test("a few invalid values below the threshold do not change the type, and lower the confidence")
    func toleratesAFewBadValues() {
        let values = (1...99).map { "user\($0)@example.com" } + ["john.doe@"]
        let result = profile("Email", values)
        #expect(result.type == .email)
        #expect(result.confidence == 0.99)
        #expect(profile("Email", (1...9).map { "u\($0)@x.io" } + ["x", "y"]).type == .text)
    }

    @Test(
        "each timestamp format of the exports is detected",
        arguments: [
            (["2023-05-16T17:24:15Z", "2024-01-02T03:04:05.123+02:00"], ColumnType.dateTime(.iso8601DateTime)),
            (["2023-05-16", "2024-12-31"], .date(.isoDate)),
            (["05/16/2023", "12/31/2024", "01/02/2024"], .date(.usDate)),
            (["16/05/2023", "31/12/2024", "01/02/2024"], .date(.dayFirstDate)),
            (["05/16/2023 09:15 AM", "12/31/2024 11:59 PM"], .dateTime(.usDateTime)),
        ])
    func timestamps(values: [String], expected: ColumnType) {
        #expect(profile("Created", values).type == expected)
    }

    @Test("day counts are read as Excel dates only when the header names a date")
    func excelSerials() {
        let values = ["46203.385417", "45123.5", "44000"]
        #expect(profile("Uploaded At", values).type == .dateTime(.excelSerial))
        #expect(profile("Score", values).type == .decimal)
    }

    @Test(
        "numbers, amounts and currencies",
        arguments: [
            ("Employees", ["12", "5000", "250"], ColumnType.integer),
            ("Probability", ["0.25", "0.5", "1,234.75"], .decimal),
            ("Annual Revenue", ["1200000.00", "350000.50"], .currency),
            ("Price", ["$19.99", "€ 5", "1200 EUR"], .currency),
        ])
    func numbers(name: String, values: [String], expected: ColumnType) {
        #expect(profile(name, values).type == expected)
    }

    @Test("phones, with digits alone only under a phone header")
    func phones() {
        #expect(profile("Mobile", ["+1 415 555 0101", "(020) 7946 0958", "+33 6 12 34 56 78"]).type == .phone)
        #expect(profile("Phone", ["4155550101", "2079460958"]).type == .phone)
        #expect(profile("Account Number", ["4155550101", "2079460958"]).type == .integer)
    }

    @Test("websites, booleans, pick-lists and text")
    func others() {
        #expect(profile("Website", ["acme.com", "https://globex.co.uk/about", "www.initech.io"]).type == .url)
        #expect(profile("Newsletter", ["Yes", "No", "yes", "NO"]).type == .boolean)
        #expect(
            profile("Lead Source", ["Web", "Referral", "Web", "Event", "Web", "Referral"]).type
                == .picklist(["Web", "Referral", "Event"]))
        #expect(profile("Notes", ["Called about pricing", "Left a voicemail", "Sent the deck"]).type == .text)
        #expect(profile("Anything", ["", " ", ""]).type == .empty)
    }

    @Test("0/1 columns are numbers unless the header asks a yes/no question")
    func zeroOne() {
        #expect(profile("Count", ["0", "1", "1"]).type == .integer)
        #expect(profile("Is Won", ["0", "1", "1"]).type == .boolean)
    }
}
