import AllegoryExport
import Foundation
import Testing

@testable import RecordTransform

@Suite("Dates and datetimes")
struct TimestampTests {
    let newYork = Timestamps(timeZone: TimeZone(identifier: "America/New_York")!)
    let utc = Timestamps(timeZone: TimeZone(identifier: "UTC")!)

    @Test("a US datetime is read in the map's time zone and written in UTC")
    func usDateTime() throws {
        #expect(try newYork.dateTime("06/30/2026 09:15 AM", format: .usDateTime).get() == "2026-06-30T13:15:00.000Z")
        #expect(try newYork.dateTime("01/15/2026 12:00 AM", format: .usDateTime).get() == "2026-01-15T05:00:00.000Z")
    }

    @Test("a local time skipped by spring-forward moves forward by the gap")
    func dstGap() throws {
        #expect(try newYork.dateTime("03/08/2026 02:30 AM", format: .usDateTime).get() == "2026-03-08T07:30:00.000Z")
    }

    @Test("a local time repeated by fall-back is its first occurrence")
    func dstOverlap() throws {
        #expect(try newYork.dateTime("11/01/2026 01:30 AM", format: .usDateTime).get() == "2026-11-01T05:30:00.000Z")
    }

    @Test("an ISO instant with an offset keeps its instant")
    func isoWithOffset() throws {
        #expect(
            try newYork.dateTime("2026-06-30T09:15:00+02:00", format: .iso8601DateTime).get()
                == "2026-06-30T07:15:00.000Z")
        #expect(
            try newYork.dateTime("2026-06-30T09:15:00.25Z", format: .iso8601DateTime).get()
                == "2026-06-30T09:15:00.250Z")
    }

    @Test("a DATE is written YYYY-MM-DD, a stated instant as the day in the map's time zone")
    func dates() throws {
        #expect(try newYork.date("02/29/2024", format: .usDate).get() == "2024-02-29")
        #expect(try newYork.date("2026-07-01T02:00:00Z", format: .iso8601DateTime).get() == "2026-06-30")
    }

    @Test("impossible dates such as 02/30/2024 are refused as invalid-date")
    func impossibleDates() throws {
        #expect(newYork.date("02/30/2024", format: .usDate).failureCode == .invalidDate)
        #expect(newYork.date("2023-02-29", format: .isoDate).failureCode == .invalidDate)
        #expect(newYork.dateTime("13/01/2024 10:00 AM", format: .usDateTime).failureCode == .invalidDate)
    }

    @Test("Excel serial 60, the nonexistent 1900-02-29, is refused; 61 is 1900-03-01 and 59 is 1900-02-28")
    func excelLeapBug() throws {
        #expect(utc.date("60", format: .excelSerial).failureCode == .invalidDate)
        #expect(try utc.date("61", format: .excelSerial).get() == "1900-03-01")
        #expect(try utc.date("59", format: .excelSerial).get() == "1900-02-28")
        #expect(try utc.date("1", format: .excelSerial).get() == "1900-01-01")
    }

    @Test("an Excel serial's fraction is the time of day in the map's time zone")
    func excelTime() throws {
        #expect(try utc.dateTime("46203.385417", format: .excelSerial).get() == "2026-06-30T09:15:00.000Z")
        #expect(try newYork.dateTime("46203.5", format: .excelSerial).get() == "2026-06-30T16:00:00.000Z")
    }

    @Test("two-digit years are refused rather than guessed")
    func twoDigitYears() throws {
        #expect(newYork.date("03/04/24", format: .usDate).failureCode == .invalidDate)
    }

    @Test("without a format, a slashed date fitting both orders is ambiguous-date")
    func ambiguous() throws {
        #expect(newYork.date("03/04/2024", format: nil).failureCode == .ambiguousDate)
        #expect(try newYork.date("03/25/2024", format: nil).get() == "2024-03-25")
    }

    @Test("a value in another format than its column's is read when its own form is unambiguous")
    func mixedFormats() throws {
        #expect(try newYork.date("2024-03-25", format: .usDate).get() == "2024-03-25")
    }
}
