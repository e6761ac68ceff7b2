@testable import Export
import Score
import SurveyModel
import XCTest

/// The report of one area's leader (SPEC §10), cut from the hand-made fixture report: that area
/// and All areas, figures untouched (hidden stays hidden), nothing of another area.
final class AreaRestrictionTests: XCTestCase {
    private var report: ScoreReport {
        var report = WorkbookFixture.report
        report.breakdowns = WorkbookFixture.breakdowns
        return report
    }

    func testOnlyTheAreaAndAllAreasRemainWithTheirFiguresUnchanged() throws {
        let sales = AreaRestriction.report(report, area: "Sales")
        XCTAssertEqual(sales.areas.map(\.area), ["Sales", "All areas"])
        let original = try XCTUnwrap(report.areas.first { $0.area == "Sales" })
        let kept = try XCTUnwrap(sales.areas.first)
        XCTAssertEqual(kept.constructs.map(\.result), original.constructs.map(\.result))
        XCTAssertEqual(kept.items.map(\.result), original.items.map(\.result))
        XCTAssertEqual(kept.enps, original.enps)
        XCTAssertEqual(Set(sales.trends.map(\.area)), ["Sales", "All areas"])
        XCTAssertEqual(sales.trends.count, 6)
        XCTAssertEqual(sales.evaporation.map(\.area), ["Sales"])
        XCTAssertEqual(sales.psychometrics.map(\.construct), report.psychometrics.map(\.construct))
        // Operations' employee comments and All areas' customer comments are other areas' words.
        XCTAssertTrue(sales.comments.isEmpty)
        XCTAssertEqual(AreaRestriction.report(report, area: "Operations").comments.map(\.area), ["Operations"])
    }

    func testAHiddenAreaStaysHidden() throws {
        let support = AreaRestriction.report(report, area: "Support")
        let area = try XCTUnwrap(support.areas.first)
        XCTAssertEqual(area.area, "Support")
        XCTAssertTrue(area.constructs.allSatisfy { $0.result.suppressed && $0.result.mean == nil })
        XCTAssertTrue(area.enps.suppressed)
        XCTAssertEqual(support.trends.map(\.area).filter { $0 != "All areas" }, ["Support"])
    }

    func testBreakdownsKeepTheAreasRowAllAreasAndOnlyTheValuesTheAreaHas() throws {
        let sales = AreaRestriction.report(report, area: "Sales")
        let roles = try XCTUnwrap(sales.breakdowns.first { $0.column == "role" })
        XCTAssertEqual(roles.areas, ["Sales", "All areas"])
        XCTAssertEqual(roles.values, ["Frontline", "Manager"])
        XCTAssertEqual(roles.cells.map { $0.map(\.n) }, [[15, 6], [41, 17]])
        // All areas' Frontline stays hidden as the two-way pass left it.
        XCTAssertEqual(roles.cells[1][0].constructs.map(\.suppressed), [true, true, true, true])
        // Sales has no web customers: All areas' Web cell would be Operations' alone.
        let channels = try XCTUnwrap(sales.breakdowns.first { $0.column == "channel" })
        XCTAssertEqual(channels.values, ["Phone"])
        XCTAssertEqual(channels.cells.map { $0.map(\.n) }, [[18], [34]])
        XCTAssertEqual(channels.cells[1][0].constructs.map(\.value), [66.5, 60.8])
    }

    func testOnlyAreasWithAShownGroupGetAWorkbookNamedBySlug() {
        let plan = AreaWorkbooks.plan(report: report, instrument: WorkbookFixture.instrument,
                                      reportName: "readiness-2026-Q3")
        XCTAssertEqual(plan, [AreaWorkbook(area: "Operations", fileName: "readiness-2026-Q3.operations.xlsx"),
                              AreaWorkbook(area: "Sales", fileName: "readiness-2026-Q3.sales.xlsx")])
    }

    func testOneShownFigureOfEitherSurveyIsAShownGroup() throws {
        var support = try XCTUnwrap(report.areas.first { $0.area == "Support" })
        let instrument = WorkbookFixture.instrument
        XCTAssertFalse(AreaRestriction.hasShownGroup(support, instrument: instrument))
        support.nps = WorkbookFixture.nps(6, 50, 10)
        XCTAssertTrue(AreaRestriction.hasShownGroup(support, instrument: instrument))
        var empty = try XCTUnwrap(report.areas.first { $0.area == "Support" })
        empty.constructs = empty.constructs.map { ($0.name, WorkbookFixture.construct(0, 0)) }
        XCTAssertFalse(AreaRestriction.hasShownGroup(empty, instrument: instrument))
    }

    func testInputsBecomeOneRowPerSurveyOfTheRunsCounts() {
        var metadata = WorkbookFixture.metadata
        metadata.inputs.append(InputSummary(path: "data/north-employees.csv", kind: .employee, sha256: "d4",
                                            rowsRead: 30, accepted: 26, rejectedByReason: [.duplicate: 4],
                                            unknownColumns: ["favourite_colour", "shoe_size"]))
        let restricted = AreaRestriction.metadata(metadata).inputs
        XCTAssertEqual(restricted.map(\.path), ["employee survey (2 files)", "customer survey (1 file)"])
        XCTAssertEqual(restricted.map(\.rowsRead), [100, 50])
        XCTAssertEqual(restricted.map(\.accepted), [91, 49])
        XCTAssertEqual(restricted[0].rejectedByReason, [.invalidValue: 3, .duplicate: 6])
        XCTAssertEqual(restricted[0].unknownColumns, ["favourite_colour", "shoe_size"])
        XCTAssertEqual(restricted[1].rejectedByReason, [.badDate: 1])
        XCTAssertTrue(restricted.allSatisfy { $0.sha256 == "see readiness-2026-Q3.json" })
    }
}

/// Themes of a leader's report: counts of the area and All areas, examples of the area only.
final class AreaRestrictionThemesTests: XCTestCase {
    func testAllAreasExamplesAreOtherAreasWordsAndGo() {
        var report = WorkbookFixture.report
        report.themes = ThemeSummary(
            names: ["waiting", "other"], labels: ["Waiting", "Other"],
            counts: ["Operations", "Sales", "All areas"].map { area in
                ThemeCount(area: area, survey: .employee, theme: "waiting", comments: 4, share: 40, suppressed: false)
            },
            examples: [ThemeExamples(area: "Operations", survey: .employee, theme: "waiting", comments: ["ops words"]),
                       ThemeExamples(area: "Sales", survey: .employee, theme: "waiting", comments: ["sales words"]),
                       ThemeExamples(area: "All areas", survey: .employee, theme: "waiting", comments: ["ops words"])])
        let sales = AreaRestriction.report(report, area: "Sales").themes
        XCTAssertEqual(sales.counts.map(\.area), ["Sales", "All areas"])
        XCTAssertEqual(sales.examples.map(\.comments), [["sales words"]])
        XCTAssertEqual(sales.names, ["waiting", "other"])
    }
}
