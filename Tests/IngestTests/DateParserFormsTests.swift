@testable import Ingest
import XCTest

/// The built-in date forms of SPEC §3.4 beyond the first three: fractions (1–9 digits, kept as
/// nanoseconds, truncated out of `utcSeconds`), `Z`, `±HH:MM` and `±HHMM` after `T` or a space,
/// `YYYY-MM-DD HH:MM`, and `/` in place of `-`. Expected seconds are computed by hand from
/// day counts since 1970-01-01 (each comment shows the sum).
final class DateParserFormsTests: XCTestCase {
    private func parse(_ text: String) -> SubmissionTime? {
        DateParser.parse(ArraySlice(Array(text.utf8)))
    }

    /// 2026-01-01T00:00:00Z: day 20 454 × 86 400.
    private let newYear2026: Int64 = 1_767_225_600
    /// 2025-10-01: day 20 089 (2025-01-01) + 273 (Jan–Sep) = 20 362, × 86 400.
    private let october2025: Int64 = 1_759_276_800

    func testFractionOfOneToNineDigitsIsKeptAsNanosecondsAndTruncatedFromSeconds() throws {
        let one = try XCTUnwrap(parse("2026-01-01T10:00:00.5"))
        XCTAssertEqual(one, SubmissionTime(year: 2026, month: 1, day: 1, utcSeconds: newYear2026 + 36_000,
                                           nanoseconds: 500_000_000))
        let nine = try XCTUnwrap(parse("2026-01-01 10:00:00.999999999"))
        XCTAssertEqual(nine.utcSeconds, newYear2026 + 36_000, "truncated, not rounded up to 10:00:01")
        XCTAssertEqual(nine.nanoseconds, 999_999_999)
        XCTAssertEqual(parse("2026-01-01T10:00:00.000001")?.nanoseconds, 1_000)
        XCTAssertEqual(parse("2026-01-01T10:00:00")?.nanoseconds, 0)
    }

    func testTenFractionDigitsOrNoneAreRejected() {
        XCTAssertNil(parse("2026-01-01T10:00:00.1234567890"))
        XCTAssertNil(parse("2026-01-01T10:00:00.1234567890Z"))
        XCTAssertNil(parse("2026-01-01T10:00:00."))
        XCTAssertNil(parse("2026-01-01T10:00:00.Z"))
        XCTAssertNil(parse("2026-01-01T10:00:00,5"))
        XCTAssertNil(parse("2026-01-01T10:00:00.5x"))
    }

    func testMillisecondsWithZuluAsGoogleAndJavaScriptWriteThem() throws {
        // 2017-05-23: day 17 167 (2017-01-01) + 142 = 17 309; × 86 400 + 14:21:14 (51 674 s).
        let time = try XCTUnwrap(parse("2017-05-23T14:21:14.000Z"))
        XCTAssertEqual(time, SubmissionTime(year: 2017, month: 5, day: 23, utcSeconds: 1_495_549_274))
        XCTAssertEqual(parse("2017-05-23T14:21:14.250+02:00"),
                       SubmissionTime(year: 2017, month: 5, day: 23, utcSeconds: 1_495_549_274 - 7_200,
                                      nanoseconds: 250_000_000))
    }

    func testEachZoneFormAfterTAndAfterASpace() {
        let tenUTC = newYear2026 + 36_000
        for separator in ["T", " "] {
            let stem = "2026-01-01\(separator)10:00:00"
            XCTAssertEqual(parse(stem + "Z")?.utcSeconds, tenUTC, stem)
            XCTAssertEqual(parse(stem + "+02:00")?.utcSeconds, tenUTC - 7_200, stem)
            XCTAssertEqual(parse(stem + "+0200")?.utcSeconds, tenUTC - 7_200, stem)
            XCTAssertEqual(parse(stem + "-05:30")?.utcSeconds, tenUTC + 19_800, stem)
            XCTAssertEqual(parse(stem + "-0530")?.utcSeconds, tenUTC + 19_800, stem)
            XCTAssertEqual(parse(stem + "+18:00")?.utcSeconds, tenUTC - 64_800, stem)
            XCTAssertEqual(parse(stem + ".5-0100")?.utcSeconds, tenUTC + 3_600, stem)
        }
    }

    func testMalformedZonesAreRejected() {
        for zone in ["+02", "+2:00", "+020", "+02:0", "+02:000", "+19:00", "+02:60", "+0260", "z", " Z", "02:00",
                     "+02-00", "UTC", "GMT+1"] {
            XCTAssertNil(parse("2026-01-01T10:00:00" + zone), zone)
        }
    }

    func testHoursAndMinutesWithoutSecondsAfterASpace() throws {
        // 08:30 is 30 600 s into the day.
        let time = try XCTUnwrap(parse("2025-10-01 08:30"))
        XCTAssertEqual(time, SubmissionTime(year: 2025, month: 10, day: 1, utcSeconds: october2025 + 30_600))
        XCTAssertEqual(parse("2025-10-01 23:59")?.utcSeconds, october2025 + 86_340)
        for text in ["2025-10-01T08:30", "2025-10-01 08:30Z", "2025-10-01 08:30+02:00", "2025-10-01 8:30",
                     "2025-10-01 08:3", "2025-10-01 24:00", "2025-10-01 08:60", "2025-10-01 08:30:"] {
            XCTAssertNil(parse(text), text)
        }
    }

    func testSlashInPlaceOfDashInEveryForm() {
        XCTAssertEqual(parse("2025/10/01"), SubmissionTime(year: 2025, month: 10, day: 1, utcSeconds: october2025))
        XCTAssertEqual(parse("2025/10/01 08:30")?.utcSeconds, october2025 + 30_600)
        XCTAssertEqual(parse("2025/10/01T08:30:15")?.utcSeconds, october2025 + 30_615)
        XCTAssertEqual(parse("2025/10/01 08:30:15.25Z")?.nanoseconds, 250_000_000)
        // 2024-02-29 (day 19 782) 23:59:59 at -01:00 is 00:59:59 UTC on March 1st.
        XCTAssertEqual(parse("2024/02/29 23:59:59.999999999-01:00"),
                       SubmissionTime(year: 2024, month: 2, day: 29, utcSeconds: 1_709_254_799,
                                      nanoseconds: 999_999_999))
        XCTAssertNil(parse("2025/10-01"), "one separator per date")
        XCTAssertNil(parse("2025-10/01"), "one separator per date")
        XCTAssertNil(parse("2025.10.01"))
        XCTAssertNil(parse("01/10/2025"), "day-first and month-first dates are never guessed")
    }

    func testImpossibleCalendarDatesAndClockTimesInEveryForm() {
        let invalid = [
            "2025-02-29", "2025/02/29", "2025-02-29 10:00", "2025-02-29T10:00:00.5Z",
            "2024-02-30", "2024/02/30 10:00:00", "2026-13-01", "2026/13/01", "2026-00-01", "2026-04-31 10:00",
            "2026-01-01 24:00:00", "2026-01-01T24:00:00Z", "2026/01/01 24:00", "2026-01-01T23:60:00.1",
            "2026-01-01T23:59:60+00:00",
        ]
        for text in invalid { XCTAssertNil(parse(text), text) }
        XCTAssertNotNil(parse("2024-02-29 10:00"), "2024 is a leap year")
    }
}
