import AllegoryExport
import Foundation
import Testing

@testable import RecordTransform

/// The profile decides a column's format and the map records its name; the transform must read every value of the
/// column in that format to the instant a person means.
@Suite("Formats detected by the profile, read by the transform")
struct DetectedFormatTests {
    let berlin = Timestamps(timeZone: TimeZone(identifier: "Europe/Berlin")!)

    /// The format the profile records in the map for `values`, read back by its name as the transform does.
    private func recordedFormat(_ header: String, _ values: [String], locale: String? = nil) throws -> TimestampFormat {
        var profiler = ColumnProfiler(name: header, locale: locale)
        for value in values { profiler.add(value) }
        let name = try #require(profiler.profile().timestamp?.format.rawValue)
        return try #require(TimestampFormat(mapName: name))
    }

    @Test(
        "a column's detected format reads each of its values to the right instant in the map's time zone",
        arguments: [
            (
                "Erstellt", ["30.06.2026 14:30", "1.7.2026 09:05"],
                ["2026-06-30T12:30:00.000Z", "2026-07-01T07:05:00.000Z"]
            ),
            (
                "Created", ["01/02/2026 10:00", "25/12/2026 18:00"],
                ["2026-02-01T09:00:00.000Z", "2026-12-25T17:00:00.000Z"]
            ),
            (
                "Created", ["02/01/2026 10:00 AM", "12/25/2026 6:00 PM"],
                ["2026-02-01T09:00:00.000Z", "2026-12-25T17:00:00.000Z"]
            ),
            ("Created", ["45678.5", "45679.75"], ["2025-01-21T11:00:00.000Z", "2025-01-22T17:00:00.000Z"]),
            ("Created At", ["1782810900", "1782897300"], ["2026-06-30T09:15:00.000Z", "2026-07-01T09:15:00.000Z"]),
            (
                "Modified", ["1782810900000", "1782810900250"],
                ["2026-06-30T09:15:00.000Z", "2026-06-30T09:15:00.250Z"]
            ),
            (
                "Last Update", ["2026-06-30 09:15", "2026-07-01T10:00:00Z"],
                ["2026-06-30T07:15:00.000Z", "2026-07-01T10:00:00.000Z"]
            ),
        ])
    func detectedThenRead(header: String, values: [String], instants: [String]) throws {
        let format = try recordedFormat(header, values)
        #expect(try values.map { try berlin.dateTime($0, format: format).get() } == instants)
    }

    @Test("dates of a YYYYMMDD and a month-name column read to their days")
    func detectedDates() throws {
        let compact = try recordedFormat("Close Date", ["20260630", "20251231"])
        #expect(try berlin.date("20251231", format: compact).get() == "2025-12-31")
        let named = try recordedFormat("Datum", ["30. Juni 2026", "1. März 2026"])
        #expect(try berlin.date("1. März 2026", format: named).get() == "2026-03-01")
    }

    @Test("an ambiguous column read with the locale's order gives the day the locale means")
    func ambiguousWithLocale() throws {
        let format = try recordedFormat("Created", ["03/04/2026", "05/06/2026"], locale: "en-GB")
        #expect(try berlin.date("03/04/2026", format: format).get() == "2026-04-03")
    }

    @Test(
        "a column's decided decimal convention reads its amounts to exact micros",
        arguments: [
            ("Umsatz", ["1.234,56", "12,5"], [Int64(1_234_560_000), 12_500_000]),
            ("Amount", ["1,234.56", "(12.00)"], [1_234_560_000, -12_000_000]),
            ("Betrag", ["1 234,56 €", "1.234"], [1_234_560_000, 1_234_000_000]),
        ])
    func detectedConvention(header: String, values: [String], micros: [Int64]) throws {
        var profiler = ColumnProfiler(name: header)
        for value in values { profiler.add(value) }
        let mark = try #require(profiler.profile().number?.convention?.decimalSeparator)
        let convention = DecimalConvention(decimalSeparator: mark)
        #expect(try values.map { try Money.micros($0, convention: convention).get() } == micros)
    }
}
