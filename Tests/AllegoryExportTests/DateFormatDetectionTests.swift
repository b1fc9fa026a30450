import Testing

@testable import AllegoryExport

@Suite("Date formats decided from all sampled values")
struct DateFormatDetectionTests {
    private func profile(_ name: String, _ values: [String], locale: String? = nil) -> ColumnProfile {
        var profiler = ColumnProfiler(name: name, locale: locale)
        for value in values { profiler.add(value) }
        return profiler.profile()
    }

    @Test(
        "each national date format is detected from a realistic column",
        arguments: [
            (
                "Created", ["2026-06-30T09:15:00Z", "2026-06-30 09:15", "2026-07-01T10:00:00.123+02:00"],
                "ISO 8601 date-time"
            ),
            ("Erstellt", ["30.06.2026", "1.7.2026", "15.08.2025"], "DD.MM.YYYY"),
            ("Geändert am", ["30.06.2026 14:30", "01.07.2026 09:05:12", "2.1.2026 23:59"], "DD.MM.YYYY HH:mm"),
            ("Date", ["30/06/2026 14:30", "01/07/2026 09:05"], "DD/MM/YYYY HH:mm"),
            ("Modified", ["06/30/2026 2:30 PM", "07/01/2026 9:05 AM"], "MM/DD/YYYY hh:mm AM"),
            ("Modified", ["06/30/2026 14:30", "07/01/2026 09:05"], "MM/DD/YYYY HH:mm"),
            ("Close Date", ["30-06-2026", "15-08-2025"], "DD-MM-YYYY"),
            ("Close Date", ["2026/06/30", "2025/12/01"], "YYYY/MM/DD"),
            ("Close Date", ["20260630", "20251201", "19991231"], "YYYYMMDD"),
            ("Start", ["30 Jun 2026", "1 Jul 2026", "15-Aug-2025"], "DD MMM YYYY"),
            ("Start", ["Jun 30, 2026", "July 1, 2026", "Sept 2 2025"], "MMM DD, YYYY"),
            ("Datum", ["30. Juni 2026", "1. März 2026", "5 déc. 2025"], "DD MMM YYYY"),
            ("Created", ["45678.5", "45679.25", "45680"], "Excel serial"),
            ("Created At", ["1782810900", "1782897300"], "Unix seconds"),
            ("updated_at", ["1782810900000", "1782897300123"], "Unix milliseconds"),
        ])
    func formats(header: String, values: [String], format: String) {
        let result = profile(header, values)
        #expect(result.timestamp?.format.rawValue == format)
        #expect(result.timestamp?.isAmbiguous == false)
        #expect(result.confidence == 1)
    }

    @Test("one day above 12 late in a column decides day-first for all of it")
    func dayFirstDecidedLate() {
        let values =
            (0..<300).map { "\(String(format2: $0 % 12 + 1))/\(String(format2: $0 % 11 + 1))/2026" } + ["25/03/2026"]
        let result = profile("Created", values)
        #expect(result.type == .date(.dayFirstDate))
        #expect(result.timestamp?.isAmbiguous == false)
        #expect(result.reason.contains("\"25/03/2026\" has a first part above 12: the day comes first"))
    }

    @Test("one second part above 12 late in a column decides month-first")
    func monthFirstDecidedLate() {
        let values =
            (0..<300).map { "\(String(format2: $0 % 12 + 1))-\(String(format2: $0 % 11 + 1))-2026" } + ["03-25-2026"]
        let result = profile("Created", values)
        #expect(result.timestamp?.format.rawValue == "MM-DD-YYYY")
        #expect(result.timestamp?.candidates.count == 1)
    }

    @Test("a column whose every value fits both orders is ambiguous, with both candidates and the reason")
    func ambiguousOrder() throws {
        let result = profile("Created", ["03/04/2026", "05/06/2025", "12/11/2024"])
        let decision = try #require(result.timestamp)
        #expect(decision.isAmbiguous)
        #expect(decision.candidates == [.usDate, .dayFirstDate])
        #expect(decision.reason.contains("fits both MM/DD/YYYY and DD/MM/YYYY"))
        #expect(result.confidence < 0.6)
        #expect(result.isAmbiguous)
    }

    @Test(
        "the export's locale settles an order the values leave open",
        arguments: [
            ("de", "DD/MM/YYYY"), ("en-GB", "DD/MM/YYYY"), ("en-US", "MM/DD/YYYY"), ("fr_FR", "DD/MM/YYYY"),
        ])
    func localeSettlesOrder(locale: String, format: String) throws {
        let decision = try #require(profile("Created", ["03/04/2026", "05/06/2025"], locale: locale).timestamp)
        #expect(decision.format.rawValue == format)
        #expect(!decision.isAmbiguous)
        #expect(decision.candidates.count == 2)
        #expect(decision.reason.contains("locale \(locale)"))
    }

    @Test("serials with a fraction under a header naming nothing are dates on their range alone, below 0.6")
    func serialsOnValuesAlone() throws {
        let result = profile("Field 7", ["45678.5", "45679.25", "45690.75"])
        #expect(result.type == .dateTime(.excelSerial))
        let decision = try #require(result.timestamp)
        #expect(decision.restsOnValuesAlone)
        #expect(decision.confidence < 0.6)
        #expect(result.confidence < 0.6)
        #expect(decision.reason.contains("no header word names a date"))
    }

    @Test("whole numbers in a serial's range, or under a header naming a number, stay numbers")
    func numbersStayNumbers() {
        #expect(profile("Field 7", ["45678", "45679", "45690"]).type == .integer)
        #expect(profile("Score", ["45678.5", "45679.25"]).type == .decimal)
        #expect(profile("Response Time", ["12", "45", "30"]).type == .integer)
        #expect(profile("Created By", ["12", "45", "30"]).type == .integer)
    }

    @Test("ten-digit epochs are dates under a time header and numbers under an identifier header")
    func epochsNeedAHeader() {
        #expect(profile("Created", ["1782810900", "1782897300"]).type == .dateTime(.unixSeconds))
        #expect(profile("Account Number", ["1782810900", "1782897300"]).type == .integer)
        #expect(profile("Account Number", ["1782810900", "1782897300"]).meaning == .identifier)
    }

    @Test("eight digits are YYYYMMDD only when every one is a real day from 1900 to 2100")
    func compactDatesMustExist() {
        #expect(
            profile("Close Date", ["20260630", "20261345"]).type
                != .date(TimestampFormat(layout: .compact, clock: nil)!))
        #expect(profile("Close Date", ["18991231", "20260630"]).timestamp == nil)
    }

    @Test("a DD.MM.YYYY column is never a phone, even when some of its values are not real days")
    func dottedDatesAreNotPhones() {
        let good = (1...18).map { "\($0).06.2026" }
        #expect(profile("Geburtstag", good).type == .date(.dottedDate))
        let withBadDays = good + ["31.02.2026", "30.02.2026"]
        #expect(profile("Field 4", withBadDays).type != .phone)
        #expect(profile("Field 4", good).type == .date(.dottedDate))
    }

    @Test("a column mixing dates with and without a time of day is a date-time column")
    func mixedTimes() {
        #expect(
            profile("Created", ["30.06.2026", "01.07.2026 09:05"]).type
                == .dateTime(TimestampFormat(rawValue: "DD.MM.YYYY HH:mm")!))
    }

    @Test("every format's name reads back as the same format, and map names in any case are accepted")
    func formatNames() {
        for format in TimestampFormat.allCases { #expect(TimestampFormat(rawValue: format.rawValue) == format) }
        #expect(TimestampFormat(mapName: "dd.mm.yyyy hh:mm") == TimestampFormat(rawValue: "DD.MM.YYYY HH:mm"))
        #expect(TimestampFormat(mapName: "epoch-ms") == .unixMilliseconds)
        #expect(TimestampFormat(mapName: "iso8601") == .iso8601DateTime)
        #expect(TimestampFormat(mapName: "DD.MM.YY") == nil)
    }
}

extension String {
    /// `7` as `07`.
    fileprivate init(format2 value: Int) { self = value < 10 ? "0\(value)" : String(value) }
}
