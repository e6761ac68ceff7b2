@testable import Ingest
import SurveyModel
import XCTest

/// Configured `inputs.date_formats` patterns (SPEC §3.4): the platform examples, every
/// directive, each `%z` form with its UTC seconds computed by hand, the 12-hour clock,
/// spaces, literals, pattern order, and the built-in forms being tried first.
final class DatePatternMatchTests: XCTestCase {
    private func parse(_ text: String, _ patterns: [String]) throws -> SubmissionTime? {
        DateParser.parse(ArraySlice(Array(text.utf8)), patterns: try DatePatterns(compiling: patterns, path: "test"))
    }

    /// 2026-01-01T00:00:00Z: day 20 454 × 86 400.
    private let newYear2026: Int64 = 1_767_225_600
    /// 2021-03-04: day 18 628 (2021-01-01) + 62 = 18 690, × 86 400.
    private let march4th2021: Int64 = 1_614_816_000

    func testGoogleFormsTimestamp() throws {
        // 10:15:32 AM is 36 932 s; GMT+1 is an hour ahead of UTC.
        let time = try XCTUnwrap(parse("2021/03/04 10:15:32 AM GMT+1", ["%Y/%m/%d %I:%M:%S %p %z"]))
        XCTAssertEqual(time, SubmissionTime(year: 2021, month: 3, day: 4, utcSeconds: march4th2021 + 36_932 - 3_600))
        XCTAssertNil(try parse("2021/03/04 10:15:32 AM GMT+1", []), "not a built-in form")
    }

    func testMonthFirstWith24HourClock() throws {
        // 14:05:09 is 50 709 s.
        XCTAssertEqual(try parse("3/4/2021 14:05:09", ["%m/%d/%Y %H:%M:%S"]),
                       SubmissionTime(year: 2021, month: 3, day: 4, utcSeconds: march4th2021 + 50_709))
        XCTAssertNil(try parse("3/4/2021 14:05:09", []), "day-first and month-first dates are never guessed")
        XCTAssertEqual(try parse("3/4/2021", ["%d/%m/%Y"])?.month, 4)
    }

    func testSurveyMonkeyTwelveHourClock() throws {
        // 2025-11-30: day 20 089 + 304 (Jan–Oct) + 29 = 20 422; 9:05:00 PM is 21:05, 75 900 s.
        XCTAssertEqual(try parse("11/30/2025 9:05:00 PM", ["%m/%d/%Y %I:%M:%S %p"]),
                       SubmissionTime(year: 2025, month: 11, day: 30, utcSeconds: 20_422 * 86_400 + 75_900))
    }

    func testTwelveAMIsMidnightAndTwelvePMIsNoonInAnyCase() throws {
        let pattern = ["%m/%d/%Y %I:%M:%S %p"]
        XCTAssertEqual(try parse("1/1/2026 12:00:00 AM", pattern)?.utcSeconds, newYear2026)
        XCTAssertEqual(try parse("1/1/2026 12:30:00 am", pattern)?.utcSeconds, newYear2026 + 1_800)
        XCTAssertEqual(try parse("1/1/2026 12:00:00 PM", pattern)?.utcSeconds, newYear2026 + 43_200)
        XCTAssertEqual(try parse("1/1/2026 12:59:59 pM", pattern)?.utcSeconds, newYear2026 + 46_799)
        XCTAssertEqual(try parse("1/1/2026 1:00:00 Pm", pattern)?.utcSeconds, newYear2026 + 46_800)
        XCTAssertEqual(try parse("1/1/2026 11:59:59 PM", pattern)?.utcSeconds, newYear2026 + 86_399)
        XCTAssertEqual(try parse("1/1/2026 01:00:00 AM", pattern)?.utcSeconds, newYear2026 + 3_600)
        for text in ["1/1/2026 0:00:00 AM", "1/1/2026 13:00:00 PM", "1/1/2026 10:00:00 XM", "1/1/2026 10:00:00 A",
                     "1/1/2026 10:00:00 A.M."] {
            XCTAssertNil(try parse(text, pattern), text)
        }
    }

    func testEachNumericDirective() throws {
        let pattern = ["%d.%m.%Y %H:%M:%S"]
        XCTAssertEqual(try parse("01.01.2026 00:00:00", pattern)?.utcSeconds, newYear2026)
        XCTAssertEqual(try parse("1.1.2026 7:05:09", pattern)?.utcSeconds, newYear2026 + 25_509, "%d %m %H: one digit")
        XCTAssertEqual(try parse("31.12.2026 23:59:59", pattern)?.utcSeconds, newYear2026 + 364 * 86_400 + 86_399)
        let invalid = [
            "01.01.26 00:00:00",     // %Y takes 4 digits
            "001.01.2026 00:00:00",  // %d takes at most 2
            "01.01.2026 10:5:00",    // %M takes exactly 2
            "01.01.2026 10:05:9",    // %S takes exactly 2
            "01.01.2026 24:00:00", "01.01.2026 10:60:00", "01.01.2026 10:00:60",
            "32.01.2026 10:00:00", "29.02.2025 10:00:00", "30.02.2024 10:00:00", "01.13.2026 10:00:00",
            "00.01.2026 10:00:00", "01.00.2026 10:00:00",
        ]
        for text in invalid { XCTAssertNil(try parse(text, pattern), text) }
        XCTAssertNotNil(try parse("29.02.2024 10:00:00", pattern), "2024 is a leap year")
    }

    func testFractionDirectiveTakesOneToNineDigits() throws {
        let pattern = ["%d.%m.%Y %H:%M:%S.%f"]
        XCTAssertEqual(try parse("01.01.2026 10:00:00.5", pattern),
                       SubmissionTime(year: 2026, month: 1, day: 1, utcSeconds: newYear2026 + 36_000,
                                      nanoseconds: 500_000_000))
        XCTAssertEqual(try parse("01.01.2026 10:00:00.123456789", pattern)?.nanoseconds, 123_456_789)
        XCTAssertNil(try parse("01.01.2026 10:00:00.1234567890", pattern))
        XCTAssertNil(try parse("01.01.2026 10:00:00.", pattern))
    }

    func testEachZoneFormWithItsUTCSeconds() throws {
        let pattern = ["%d.%m.%Y %H:%M %z"]
        let tenLocal = newYear2026 + 36_000
        let expected: [(String, Int64)] = [
            ("Z", tenLocal), ("+02:00", tenLocal - 7_200), ("+2:00", tenLocal - 7_200), ("+0200", tenLocal - 7_200),
            ("+02", tenLocal - 7_200), ("+2", tenLocal - 7_200), ("-05:30", tenLocal + 19_800),
            ("-5:30", tenLocal + 19_800), ("-0530", tenLocal + 19_800), ("+05:45", tenLocal - 20_700),
            ("GMT+1", tenLocal - 3_600), ("GMT+5:30", tenLocal - 19_800), ("GMT-03", tenLocal + 10_800),
            ("UTC+0100", tenLocal - 3_600), ("UTC-3", tenLocal + 10_800), ("gmt+1", tenLocal - 3_600),
            ("GMT", tenLocal), ("UTC", tenLocal), ("+14:00", tenLocal - 50_400),
        ]
        for (zone, seconds) in expected {
            XCTAssertEqual(try parse("01.01.2026 10:00 " + zone, pattern)?.utcSeconds, seconds, zone)
        }
        for zone in ["+19", "+2:5", "+02:60", "+123", "GMT+", "EST", "+", "z", "GMTZ", "UT+1", "+02:00Z"] {
            XCTAssertNil(try parse("01.01.2026 10:00 " + zone, pattern), zone)
        }
        XCTAssertEqual(try parse("01.01.2026 10:00+0200", ["%d.%m.%Y %H:%M%z"])?.utcSeconds, tenLocal - 7_200)
        XCTAssertEqual(try parse("01.01.2026 -01:00", ["%d.%m.%Y %z"])?.utcSeconds, newYear2026 + 3_600)
    }

    func testZoneMovesTheInstantButNotTheWaveDate() throws {
        // 2021-03-31 23:30 at GMT-2 is 01:30 UTC on April 1st (day 18 718): the date as written stays.
        let time = try XCTUnwrap(parse("2021/03/31 11:30:00 PM GMT-2", ["%Y/%m/%d %I:%M:%S %p %z"]))
        XCTAssertEqual([time.year, time.month, time.day], [2021, 3, 31])
        XCTAssertEqual(time.utcSeconds, 18_718 * 86_400 + 5_400)
    }

    func testOneSpaceMatchesOneOrMoreSpaces() throws {
        let pattern = ["%m/%d/%Y %H:%M:%S"]
        XCTAssertEqual(try parse("3/4/2021    14:05:09", pattern)?.utcSeconds, march4th2021 + 50_709)
        XCTAssertNil(try parse("3/4/202114:05:09", pattern), "a space needs at least one")
        XCTAssertNil(try parse("3/4/2021\t14:05:09", pattern), "a tab is not a space")
        XCTAssertNil(try parse("3/4/2021 14:05:09", ["%m/%d/%Y  %H:%M:%S"]), "two spaces need two")
        XCTAssertEqual(try parse("  3/4/2021 14:05:09 ", pattern)?.utcSeconds, march4th2021 + 50_709, "the cell is trimmed")
    }

    func testLiteralsMustMatchExactly() throws {
        XCTAssertNil(try parse("3-4-2021 14:05:09", ["%m/%d/%Y %H:%M:%S"]))
        XCTAssertNil(try parse("3/4/2021 14.05.09", ["%m/%d/%Y %H:%M:%S"]))
        XCTAssertNil(try parse("3/4/2021 14:05:09x", ["%m/%d/%Y %H:%M:%S"]), "the whole cell is used")
        XCTAssertEqual(try parse("D4M3Y2021", ["D%dM%mY%Y"])?.utcSeconds, march4th2021)
        XCTAssertNil(try parse("d4M3Y2021", ["D%dM%mY%Y"]), "literals are case-sensitive")
        XCTAssertEqual(try parse("2021%03%04", ["%Y%%%m%%%d"])?.utcSeconds, march4th2021)
        XCTAssertEqual(try parse("2021年3月4日", ["%Y年%m月%d日"])?.utcSeconds, march4th2021, "multi-byte literals")
    }

    func testPatternsAreTriedInOrderAfterTheBuiltInForms() throws {
        let both = ["%d/%m/%Y", "%m/%d/%Y"]
        XCTAssertEqual(try parse("3/4/2021", both)?.month, 4, "the first pattern that matches wins")
        XCTAssertEqual(try parse("4/13/2021", both).map { [$0.month, $0.day] }, [4, 13], "the second when the first fails")
        // A pattern that would read 2026-02-01 as January 2nd never sees it: the built-in form reads it first.
        XCTAssertEqual(try parse("2026-02-01", ["%Y-%d-%m"]).map { [$0.month, $0.day] }, [2, 1])
        XCTAssertEqual(try parse("2026-13-01", ["%Y-%d-%m"]).map { [$0.month, $0.day] }, [1, 13])
    }
}
