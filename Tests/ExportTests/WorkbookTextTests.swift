@testable import Export
@testable import Score
import SurveyModel
import XLSXWriter
import XCTest

/// The plain-language parts of the workbook: verdict lines, the three things, derived "hidden" figures.
final class WorkbookTextTests: XCTestCase {
    private let report = WorkbookFixture.report
    private let config = WorkbookFixture.config

    private func figures(_ name: String) throws -> AreaFigures {
        AreaFigures(area: try XCTUnwrap(report.areas.first { $0.area == name }), weights: config.scoring.weights)
    }

    func testFadingNamesTheFadedWinsOnly() throws {
        XCTAssertEqual(PlainLanguage.fading("Sales", evaporation: report.evaporation),
                       "Wins fading for employees since 2026-Q1")
        XCTAssertNil(PlainLanguage.fading("Operations", evaporation: report.evaporation))
        let overall = Evaporation(area: "Operations", metric: "readiness", peakWave: "2025-Q4", peak: 80, latest: 67,
                                  drop: 13)
        let customers = Evaporation(area: "Operations", metric: "customer_life", peakWave: "2026-Q1", peak: 80,
                                    latest: 68, drop: 12)
        XCTAssertEqual(PlainLanguage.fading("Operations", evaporation: [customers, overall]),
                       "Wins fading overall since 2025-Q4, for customers since 2026-Q1")
    }

    func testThreeThingsAreActionsInPlainWords() throws {
        let operations = try XCTUnwrap(report.areas.first { $0.area == "Operations" })
        let text = try XCTUnwrap(PlainLanguage.threeThings(operations, instrument: config.instrument))
        XCTAssertEqual(text.components(separatedBy: "; ").count, 3)
        XCTAssertTrue(text.hasPrefix("Paint a clear picture of the future"), text)
        let sales = try XCTUnwrap(report.areas.first { $0.area == "Sales" })
        XCTAssertEqual(PlainLanguage.threeThings(sales, instrument: config.instrument),
                       "Not ranked: too few answers or employee life hidden")
    }

    func testDerivedFiguresOfASuppressedAreaAreHidden() throws {
        let support = try figures("Support")
        XCTAssertEqual(support.readiness, .hidden)
        XCTAssertEqual(support.lmi, .hidden)
        XCTAssertEqual(support.differenceGap, .hidden)
        XCTAssertEqual(support.band, WorkbookFormats.hiddenMarker)
        XCTAssertEqual(try figures("Sales").lmi, .value(48 - 71))
    }

    func testMethodExplainsTheMarkerWithTheConfiguredSizes() {
        var config = config
        config.privacy.minGroupSize = 7
        config.privacy.minCommentGroupSize = 12
        let text = MethodText(config: config).topics.map { "\($0.0): \($0.1)" }.joined(separator: "\n")
        XCTAssertTrue(text.contains("hidden: fewer than 7 respondents, or hidden so a small group cannot be worked out "
            + "by subtraction"))
        XCTAssertTrue(text.contains("at least 12 respondents"))
        XCTAssertTrue(text.contains("Leadership 30%, Management 10%, Employee life 20%, Low waste 15%, Customer life 25%"))
    }

    /// The Method sheet names the same four labels the scorer gives areas.
    func testMethodNamesEveryQuadrantLabel() throws {
        let topic = try XCTUnwrap(MethodText(config: WorkbookFixture.config).topics.first { $0.0 == "Quadrant" }?.1)
        XCTAssertTrue(topic.contains("both at or above it \"Led and managed\"; only Leadership \"Led, loosely "
            + "managed\"; only Management \"Managed, not led\"; neither \"Stalled\"."), topic)
    }

    func testLongTextIsCutToExcelsCellLimit() {
        let long = String(repeating: "é", count: 40_000)
        let cell = XLSXSheet.cellText(long)
        XCTAssertLessThanOrEqual(cell.utf16.count, XLSXSheet.maxCellCharacters)
        XCTAssertTrue(cell.hasSuffix("…"))
        XCTAssertEqual(XLSXSheet.cellText("a\u{0}b"), "ab")
    }
}
