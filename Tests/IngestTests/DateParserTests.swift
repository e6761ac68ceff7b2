@testable import Ingest
import XCTest

/// The first date forms of SPEC §3.4, `Z` and `±HH:MM` offsets (UTC seconds
/// checked against hand-computed values), calendar validity, and the calendar
/// date as written being kept even when the offset moves the instant across midnight.
/// The later built-in forms (fractions, `±HHMM`, zones after a space, `/` dates,
/// `HH:MM`) are in `DateParserFormsTests`; configured patterns in `DatePatternMatchTests`.
final class DateParserTests: XCTestCase {
    private func parse(_ text: String) -> SubmissionTime? {
        DateParser.parse(ArraySlice(Array(text.utf8)))
    }

    /// 2026-01-01T00:00:00Z: 20 454 days after 1970-01-01 (56 years, 14 leap days) × 86 400.
    private let newYear2026: Int64 = 1_767_225_600

    func testDateOnly() throws {
        let time = try XCTUnwrap(parse("2026-01-01"))
        XCTAssertEqual(time, SubmissionTime(year: 2026, month: 1, day: 1, utcSeconds: newYear2026))
        XCTAssertEqual(parse("1970-01-01")?.utcSeconds, 0)
        XCTAssertEqual(parse("1970-01-02")?.utcSeconds, 86_400)
        XCTAssertEqual(parse("  2026-01-01 ")?.utcSeconds, newYear2026)
    }

    func testDateTimeWithTAndSpaceAreUTC() {
        // 10:00:00 is 36 000 s into the day.
        XCTAssertEqual(parse("2026-01-01T10:00:00")?.utcSeconds, newYear2026 + 36_000)
        XCTAssertEqual(parse("2026-01-01 10:00:00")?.utcSeconds, newYear2026 + 36_000)
        XCTAssertEqual(parse("2026-01-01T23:59:59")?.utcSeconds, newYear2026 + 86_399)
        XCTAssertEqual(parse("2026-01-01 00:00:01")?.utcSeconds, newYear2026 + 1)
    }

    func testZuluSuffix() {
        XCTAssertEqual(parse("2026-01-01T00:00:00Z")?.utcSeconds, newYear2026)
        XCTAssertEqual(parse("2026-01-01T10:00:00Z")?.utcSeconds, newYear2026 + 36_000)
    }

    func testPositiveOffsetSubtracts() {
        // 10:00 at +02:00 is 08:00 UTC.
        XCTAssertEqual(parse("2026-01-01T10:00:00+02:00")?.utcSeconds, newYear2026 + 36_000 - 7_200)
        XCTAssertEqual(parse("2026-01-01T10:00:00+05:45")?.utcSeconds, newYear2026 + 36_000 - 20_700)
        XCTAssertEqual(parse("2026-01-01T10:00:00+00:00")?.utcSeconds, newYear2026 + 36_000)
    }

    func testNegativeOffsetAdds() {
        // 10:00 at -05:30 is 15:30 UTC.
        XCTAssertEqual(parse("2026-01-01T10:00:00-05:30")?.utcSeconds, newYear2026 + 36_000 + 19_800)
    }

    func testLeapDays() {
        // 2024-01-01 is day 19 723; Feb 29 is 31 + 28 days later.
        XCTAssertEqual(parse("2024-02-29"), SubmissionTime(year: 2024, month: 2, day: 29, utcSeconds: 1_709_164_800))
        XCTAssertNotNil(parse("2000-02-29"), "2000 is a leap year (divisible by 400)")
        XCTAssertNil(parse("1900-02-29"), "1900 is not a leap year")
        XCTAssertNil(parse("2026-02-29"))
        XCTAssertNil(parse("2025-02-29"))
        XCTAssertNotNil(parse("2026-02-28"))
    }

    func testEndsOfMonths() {
        XCTAssertNotNil(parse("2026-01-31"))
        XCTAssertNil(parse("2026-04-31"))
        XCTAssertNotNil(parse("2026-04-30"))
        XCTAssertNotNil(parse("2026-12-31"))
        XCTAssertNil(parse("2026-11-31"))
        XCTAssertNil(parse("2026-01-00"))
        XCTAssertNil(parse("2026-00-10"))
        // 2026-12-31 is 364 days after 2026-01-01.
        XCTAssertEqual(parse("2026-12-31T23:59:59Z")?.utcSeconds, newYear2026 + 364 * 86_400 + 86_399)
    }

    func testInvalidDates() {
        let invalid = [
            "2026-02-30", "2026-13-45", "2026-13-01", "31/12/2026", "12/31/2026", "yesterday", "", "2026",
            "2026-1-1", "20260101", "2026-01-01x",
            "2026-01-01T10:00", "2026-01-01T24:00:00", "2026-01-01T10:60:00", "2026-01-01T10:00:60",
            "2026-01-01T10:00:00+02", "2026-01-01T10:00:00 +02:00",
            "2026-01-01T10:00:00z0", "2026-01-01T10:00:00ZZ", "2026-01-01T1a:00:00",
        ]
        for text in invalid {
            XCTAssertNil(parse(text), "\(text.debugDescription) should be rejected")
        }
    }

    func testCalendarDateAsWrittenIsKeptWhenOffsetCrossesMidnight() throws {
        // 2026-03-31 is day 20 543 (20 454 + 31 + 28 + 30); 23:30 at -02:00 is 01:30 UTC on April 1st.
        let late = try XCTUnwrap(parse("2026-03-31T23:30:00-02:00"))
        XCTAssertEqual([late.year, late.month, late.day], [2026, 3, 31])
        XCTAssertEqual(late.utcSeconds, 20_543 * 86_400 + 84_600 + 7_200)
        // 00:30 at +01:00 on New Year's Day is 23:30 UTC the day before.
        let early = try XCTUnwrap(parse("2026-01-01T00:30:00+01:00"))
        XCTAssertEqual([early.year, early.month, early.day], [2026, 1, 1])
        XCTAssertEqual(early.utcSeconds, newYear2026 - 1_800)
    }
}
