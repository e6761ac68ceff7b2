@testable import Score
import SurveyModel
import SyntheticData
import XCTest

/// Theme counts, shares and group suppression of SPEC §9.1 on a fixture counted by hand, and
/// the examples and comment order (digest order, independent of row order and jobs).
final class CommentThemeCountTests: XCTestCase {
    private static let themes = [
        CommentTheme(name: "waiting", label: "Waiting", keywords: ["wait*", "on hold"]),
        CommentTheme(name: "talent", label: "Unused talent", keywords: ["ideas", "not listened"]),
    ]

    /// Ops: 12 respondents, 5 comments (waiting 3, talent 2, other 1) and one from last wave;
    /// Sales: 11 respondents, 3 comments (waiting 1, other 2); Tiny: 3 respondents, 1 comment.
    private static let comments: [(area: Int, wave: Int32, text: String)] = [
        (0, TestData.q3, "We wait a lot"), (0, TestData.q3, "Waiting on hold again"),
        (0, TestData.q3, "Good ideas are not listened to"), (0, TestData.q3, "ideas while waiting"),
        (0, TestData.q3, "fine"), (0, TestData.q2, "wait, last quarter"),
        (1, TestData.q3, "WAITING!!"), (1, TestData.q3, "hold on"), (1, TestData.q3, "one idea"),
        (2, TestData.q3, "wait"),
    ]

    private func rows() -> [(row: Row, comment: String)] {
        var rows = Self.comments.map { (row: TestData.row(TestData.all(TestData.lead, 4), area: $0.area, wave: $0.wave),
                                        comment: $0.text) }
        for (area, silent) in [(0, 7), (1, 8), (2, 2)] {
            rows += (0..<silent).map { _ in (TestData.row(TestData.all(TestData.lead, 3), area: area), "") }
        }
        return rows
    }

    private func report(_ rows: [(row: Row, comment: String)], jobs: Int = 1, examples: Int = 3) throws -> ScoreReport {
        var config = TestData.config(areas: ["Ops", "Sales", "Tiny"])
        config.instrument.commentThemes = Self.themes
        config.output.commentExamples = examples
        config.reportName = "themes-{wave}"
        var table = TestData.table(.employee, rows.map(\.row))
        table.comments = TextColumn()
        for row in rows { table.comments.append(Array(row.comment.utf8)) }
        return try ReportBuilder.build(employee: table, customer: TestData.table(.customer, []), config: config,
                                       wave: nil, jobs: jobs)
    }

    private func row(_ report: ScoreReport, _ area: String, _ theme: String) -> ThemeCount? {
        report.themes.counts.first { $0.area == area && $0.theme == theme }
    }

    func testCountsSharesAndSuppressionByHand() throws {
        let report = try report(rows())
        XCTAssertEqual(report.themes.names, ["waiting", "talent", "other"])
        XCTAssertEqual(report.themes.counts.count, 4 * 3, "employee only: three areas and All areas")
        XCTAssertEqual(report.themes.counts.map(\.area), ["Ops", "Ops", "Ops", "Sales", "Sales", "Sales",
                                                          "Tiny", "Tiny", "Tiny", "All areas", "All areas", "All areas"])
        XCTAssertEqual(row(report, "Ops", "waiting"),
                       ThemeCount(area: "Ops", survey: .employee, theme: "waiting", comments: 3, share: 60,
                                  suppressed: false, groupComments: 5))
        XCTAssertEqual(row(report, "Ops", "talent")?.share, 40)
        XCTAssertEqual(row(report, "Ops", "other")?.comments, 1)
        XCTAssertEqual(row(report, "Ops", "other")?.share, 20)
        // Tiny (3 < 10) is hidden, so the next smallest, Sales (11), is hidden too (SPEC §9 secondary rule).
        for area in ["Sales", "Tiny"] {
            for theme in ["waiting", "talent", "other"] {
                XCTAssertEqual(row(report, area, theme),
                               ThemeCount(area: area, survey: .employee, theme: theme, comments: nil, share: nil,
                                          suppressed: true))
            }
        }
        // All areas: 9 comments; waiting 3 + 1 + 1, talent 2, other 1 + 2 ("hold on", "one idea").
        XCTAssertEqual(row(report, "All areas", "waiting")?.comments, 5)
        XCTAssertEqual(row(report, "All areas", "talent")?.comments, 2)
        XCTAssertEqual(row(report, "All areas", "other")?.comments, 3)
        XCTAssertEqual(try XCTUnwrap(row(report, "All areas", "waiting")?.share), 500.0 / 9, accuracy: 1e-12)
        // Only the shown group's comments are kept, All areas' examples come from it alone.
        XCTAssertEqual(report.comments.map(\.area), ["Ops"])
        XCTAssertEqual(Set(report.comments[0].comments), ["We wait a lot", "Waiting on hold again",
                                                          "Good ideas are not listened to", "ideas while waiting", "fine"])
        let allWaiting = try XCTUnwrap(report.themes.examples.first { $0.area == "All areas" && $0.theme == "waiting" })
        XCTAssertEqual(Set(allWaiting.comments), ["We wait a lot", "Waiting on hold again", "ideas while waiting"])
        XCTAssertFalse(report.themes.examples.contains { $0.area == "Sales" || $0.area == "Tiny" })
        let both = try XCTUnwrap(report.comments[0].comments.firstIndex(of: "ideas while waiting"))
        XCTAssertEqual(report.themes.names(of: report.comments[0].themes[both]), "waiting; talent")
    }

    func testAGroupWithRespondentsButNoCommentsHasCountsAndNoShare() throws {
        let report = try report(rows().map { ($0.row, $0.row.area == 0 ? "" : $0.comment) })
        XCTAssertEqual(row(report, "Ops", "waiting"),
                       ThemeCount(area: "Ops", survey: .employee, theme: "waiting", comments: 0, share: nil,
                                  suppressed: false, groupComments: 0))
    }

    /// The comments are in digest order and the examples the smallest digests: the same for any
    /// row order and any number of jobs; with 2 examples, a subset of the 3 waiting comments.
    func testOrderAndExamplesDoNotFollowTheInput() throws {
        let base = try report(rows(), examples: 2)
        var generator = SplitMix64(seed: 14)
        for jobs in [1, 2, 8] {
            let shuffled = try report(rows().shuffled(using: &generator), jobs: jobs, examples: 2)
            XCTAssertEqual(Array(shuffled.comments[0].comments), Array(base.comments[0].comments))
            XCTAssertEqual(shuffled.comments[0].themes, base.comments[0].themes)
            XCTAssertEqual(shuffled.themes.examples, base.themes.examples)
            XCTAssertEqual(shuffled.themes.counts, base.themes.counts)
        }
        let waiting = try XCTUnwrap(base.themes.examples.first { $0.area == "Ops" && $0.theme == "waiting" })
        XCTAssertEqual(waiting.comments.count, 2)
        let ordered = Array(base.comments[0].comments)
        XCTAssertEqual(waiting.comments, ordered.filter { ["We wait a lot", "Waiting on hold again",
                                                            "ideas while waiting"].contains($0) }.prefix(2).map { $0 })
    }
}

