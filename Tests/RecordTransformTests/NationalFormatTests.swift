import AllegoryExport
import Foundation
import Testing

@testable import RecordTransform

@Suite("Dates and numbers in national conventions")
struct NationalFormatTests {
    let berlin = Timestamps(timeZone: TimeZone(identifier: "Europe/Berlin")!)
    let utc = Timestamps(timeZone: TimeZone(identifier: "UTC")!)

    private func format(_ name: String) -> TimestampFormat { TimestampFormat(mapName: name)! }

    @Test(
        "each date-time format is read in the map's time zone to the right instant",
        arguments: [
            ("30.06.2026 14:30", "DD.MM.YYYY HH:mm", "2026-06-30T12:30:00.000Z"),
            ("1.7.2026 9:05:30", "DD.MM.YYYY HH:mm", "2026-07-01T07:05:30.000Z"),
            ("30/06/2026 2:30 PM", "DD/MM/YYYY hh:mm AM", "2026-06-30T12:30:00.000Z"),
            ("06/30/2026 14:30", "MM/DD/YYYY HH:mm", "2026-06-30T12:30:00.000Z"),
            ("30-06-2026 14:30", "DD-MM-YYYY HH:mm", "2026-06-30T12:30:00.000Z"),
            ("2026/06/30 08:00", "YYYY/MM/DD HH:mm", "2026-06-30T06:00:00.000Z"),
            ("2026-06-30 09:15", "ISO 8601 date-time", "2026-06-30T07:15:00.000Z"),
            ("2026-06-30T09:15:00,5+05:30", "ISO 8601 date-time", "2026-06-30T03:45:00.500Z"),
            ("30 Jun 2026 14:30", "DD MMM YYYY HH:mm", "2026-06-30T12:30:00.000Z"),
            ("15.01.2026 10:00", "DD.MM.YYYY HH:mm", "2026-01-15T09:00:00.000Z"),
            ("1782810900", "Unix seconds", "2026-06-30T09:15:00.000Z"),
            ("1782810900123", "Unix milliseconds", "2026-06-30T09:15:00.123Z"),
        ])
    func dateTimes(value: String, name: String, expected: String) throws {
        #expect(try berlin.dateTime(value, format: format(name)).get() == expected)
    }

    @Test(
        "each date format is read to its calendar day",
        arguments: [
            ("30.06.2026", "DD.MM.YYYY", "2026-06-30"),
            ("1.7.2026", "DD.MM.YYYY", "2026-07-01"),
            ("30-06-2026", "DD-MM-YYYY", "2026-06-30"),
            ("06-30-2026", "MM-DD-YYYY", "2026-06-30"),
            ("2026/6/30", "YYYY/MM/DD", "2026-06-30"),
            ("20260630", "YYYYMMDD", "2026-06-30"),
            ("30 Jun 2026", "DD MMM YYYY", "2026-06-30"),
            ("30-JUN-2026", "DD MMM YYYY", "2026-06-30"),
            ("30. Juni 2026", "DD MMM YYYY", "2026-06-30"),
            ("1 juil. 2026", "DD MMM YYYY", "2026-07-01"),
            ("Jun 30, 2026", "MMM DD, YYYY", "2026-06-30"),
            ("September 1 2026", "MMM DD, YYYY", "2026-09-01"),
        ])
    func dates(value: String, name: String, expected: String) throws {
        #expect(try berlin.date(value, format: format(name)).get() == expected)
    }

    @Test("an Excel serial's fraction is its time of day, and a Unix time's day is the map's")
    func serialsAndEpochs() throws {
        #expect(try utc.dateTime("45678.5", format: .excelSerial).get() == "2025-01-21T12:00:00.000Z")
        #expect(try utc.dateTime("45678,25", format: .excelSerial).get() == "2025-01-21T06:00:00.000Z")
        #expect(try berlin.dateTime("45678.5", format: .excelSerial).get() == "2025-01-21T11:00:00.000Z")
        // 23:30 UTC on 30 June is already 1 July in Berlin.
        #expect(try berlin.date("1782862200", format: .unixSeconds).get() == "2026-07-01")
    }

    @Test("a day-first column reads 03/04/2026 as the 3rd of April")
    func dayFirstColumn() throws {
        #expect(try berlin.date("03/04/2026", format: .dayFirstDate).get() == "2026-04-03")
        #expect(try berlin.date("03/04/2026", format: .usDate).get() == "2026-03-04")
    }

    @Test("impossible days and times in the new formats are refused as invalid-date")
    func impossible() {
        #expect(berlin.date("31.02.2026", format: .dottedDate).failureCode == .invalidDate)
        #expect(berlin.dateTime("30.06.2026 24:10", format: format("DD.MM.YYYY HH:mm")).failureCode == .invalidDate)
        #expect(berlin.date("20261345", format: format("YYYYMMDD")).failureCode == .invalidDate)
        #expect(berlin.date("31 Feb 2026", format: format("DD MMM YYYY")).failureCode == .invalidDate)
        #expect(berlin.date("03.04.26", format: .dottedDate).failureCode == .invalidDate)
    }

    @Test("a bare number in a column of written dates is not taken for a serial")
    func bareNumberInWrittenColumn() {
        #expect(berlin.date("45678", format: .dottedDate).failureCode == .invalidDate)
    }

    @Test("a value in another national format than its column's is read when its own form is unambiguous")
    func otherFormat() throws {
        #expect(try berlin.date("30.06.2026", format: .usDate).get() == "2026-06-30")
        #expect(berlin.date("03/04/2026", format: .dottedDate).failureCode == .ambiguousDate)
    }

    @Test(
        "amounts in the decided convention become exact micros",
        arguments: [
            ("1.234,56", DecimalConvention.comma, Int64(1_234_560_000)),
            ("1 234,56", .comma, 1_234_560_000),
            ("1\u{00A0}234,56 €", .comma, 1_234_560_000),
            ("1\u{202F}234,56", .comma, 1_234_560_000),
            ("12,5", .comma, 12_500_000),
            ("-3,10 EUR", .comma, -3_100_000),
            ("1.234", .comma, 1_234_000_000),
            ("1,234.56", .point, 1_234_560_000),
            ("1'234.56", .point, 1_234_560_000),
            ("CHF 1'234.50", .point, 1_234_500_000),
            ("12.00-", .point, -12_000_000),
            ("\u{2212}5", .point, -5_000_000),
            ("(1.234,00)", .comma, -1_234_000_000),
        ])
    func amounts(value: String, convention: DecimalConvention, micros: Int64) throws {
        #expect(try Money.micros(value, convention: convention).get() == micros)
    }

    @Test("an amount in the other convention than the column's is refused, never misread")
    func wrongConvention() {
        #expect(Money.micros("1.234,56").failureCode == .invalidAmount)
        #expect(Money.micros("1,234.56", convention: .comma).failureCode == .invalidAmount)
        #expect(Money.micros("12%").failureCode == .invalidAmount)
    }

    @Test("numbers in the decided convention, with percentages kept as written")
    func numbers() throws {
        #expect(try Scalars.number("1.234,5", convention: .comma).get() == .double(1234.5))
        #expect(try Scalars.number("1.234", convention: .comma).get() == .integer(1234))
        #expect(try Scalars.number("1 200").get() == .integer(1200))
        #expect(try Scalars.number("12 %").get() == .integer(12))
        #expect(try Scalars.number("7,5 %", convention: .comma).get() == .double(7.5))
        #expect(try Scalars.number("-0.25").get() == .double(-0.25))
        #expect(try Scalars.number("1e3").get() == .integer(1000))
        #expect(Scalars.number("1,5").failureCode == .invalidNumber)
    }
}
