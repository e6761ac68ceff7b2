import XCTest
@testable import Score
import SurveyModel

/// Item distributions (% favorable / neutral / unfavorable over valid answers, reversed
/// for waste items) and eNPS / NPS with their shares and the SPEC §5.1 interval
/// score ± 1.96 · 100 · √((P + D − (P − D)²) / n), clipped to [−100, 100].
final class ItemAndNPSTests: XCTestCase {
    private typealias T = TestData

    func testLikertItemDistribution() throws {
        // lead_vision answers 5 5 4 3 3 2 1 1 1 and one respondent who skipped it: n = 9 valid.
        // favorable (4–5) 3/9, neutral (3) 2/9, unfavorable (1–2) 4/9, as percentages.
        let rows = [5, 5, 4, 3, 3, 2, 1, 1, 1].map { T.row(["lead_vision": $0]) } + [T.row(["lead_mobilize": 3])]
        let item = try XCTUnwrap(try T.report(rows).group("Ops").item("lead_vision"))
        XCTAssertEqual(item.n, 9)
        XCTAssertFalse(item.suppressed)
        assertClose(item.favorable, 100.0 * 3 / 9)
        assertClose(item.neutral, 100.0 * 2 / 9)
        assertClose(item.unfavorable, 100.0 * 4 / 9)
    }

    func testReversedWasteItemDistribution() throws {
        // waste_defects answers 1 2 2 3 4 5 5 5 (n = 8). Reversed: favorable = 1–2 ("never", "rarely")
        // → 3/8 = 37.5; neutral 1/8 = 12.5; unfavorable = 4–5 → 4/8 = 50.
        let rows = [1, 2, 2, 3, 4, 5, 5, 5].map { T.row(["waste_defects": $0]) }
        let item = try XCTUnwrap(try T.report(rows).group("Ops").item("waste_defects"))
        XCTAssertEqual(item.n, 8)
        assertClose(item.favorable, 37.5)
        assertClose(item.neutral, 12.5)
        assertClose(item.unfavorable, 50)
    }

    func testItemWithNoAnswersDoesNotExist() throws {
        let rows = [1, 2, 3, 4, 5].map { T.row(["lead_vision": $0]) }
        let item = try XCTUnwrap(try T.report(rows).group("Ops").item("mgmt_budget"))
        XCTAssertEqual(item.n, 0)
        XCTAssertFalse(item.suppressed, "n = 0 is null, not suppressed")
        XCTAssertNil(item.favorable)
    }

    private func enps(_ answers: [Int?]) throws -> NPSResult {
        let rows = answers.map { value in T.row(value.map { ["enps": $0] } ?? ["lead_vision": 3]) }
        return try T.report(rows).group("Ops").enps
    }

    func testBalancedENPSIsZero() throws {
        // 9 10 10 | 7 8 8 7 | 0 6 5, plus a respondent with no eNPS answer: n = 10.
        // P = D = 0.3 → score 100·(0.3 − 0.3) = 0; shares 30 / 40 / 30.
        // half = 196 · √((0.3 + 0.3 − 0²) / 10) = 196 · √0.06 ≈ 48.010
        let result = try enps([9, 10, 10, 7, 8, 8, 7, 0, 6, 5, nil])
        let half = 196 * 0.06.squareRoot()
        XCTAssertEqual(result.n, 10)
        assertClose(result.score, 0)
        assertClose(result.promoters, 30)
        assertClose(result.passives, 40)
        assertClose(result.detractors, 30)
        assertClose(result.ciLow, -half)
        assertClose(result.ciHigh, half)
    }

    func testPositiveENPSWithInterval() throws {
        // 10 9 9 10 9 | 8 | 3 6: n = 8, P = 5/8 = 0.625, D = 2/8 = 0.25 → score 37.5; passives 12.5.
        // P + D − (P − D)² = 0.875 − 0.140625 = 0.734375; half = 196 · √(0.734375 / 8) ≈ 59.384
        // → [37.5 − 59.384, 37.5 + 59.384] ≈ [−21.884, 96.884], not clipped.
        let result = try enps([10, 9, 9, 10, 9, 8, 3, 6])
        let half = 196 * (0.734375 / 8).squareRoot()
        assertClose(result.score, 37.5)
        assertClose(result.promoters, 62.5)
        assertClose(result.passives, 12.5)
        assertClose(result.detractors, 25)
        assertClose(result.ciLow, 37.5 - half)
        assertClose(result.ciHigh, 37.5 + half)
    }

    func testAllPromotersIntervalIsDegenerate() throws {
        // n = 5, all 9–10: P = 1, D = 0 → score 100; 1 + 0 − 1² = 0 → half 0 → [100, 100].
        let result = try enps([9, 10, 10, 9, 10])
        assertClose(result.score, 100)
        assertClose(result.ciLow, 100)
        assertClose(result.ciHigh, 100)
    }

    func testIntervalIsClippedAtMinus100() throws {
        // 0 3 6 6 | 10: P = 0.2, D = 0.8 → score −60; 1.0 − 0.36 = 0.64; half = 196 · √(0.64 / 5) ≈ 70.123
        // → low −130.12 clipped to −100, high −60 + 70.123 ≈ 10.123.
        let result = try enps([0, 3, 6, 6, 10])
        assertClose(result.score, -60)
        assertClose(result.ciLow, -100)
        assertClose(result.ciHigh, -60 + 196 * (0.64 / 5).squareRoot())
    }

    func testCustomerNPSAllDetractors() throws {
        // nps 0 1 2 3 4 5: every answer 0–6 → D = 1 → score −100, 1 − 1 = 0 → interval [−100, −100].
        let customers = [0, 1, 2, 3, 4, 5].map { T.row(["nps": $0]) }
        let report = try T.report([], customers: customers)
        let nps = report.group("Ops").nps
        XCTAssertEqual(nps.n, 6)
        assertClose(nps.score, -100)
        assertClose(nps.detractors, 100)
        assertClose(nps.promoters, 0)
        assertClose(nps.ciLow, -100)
        assertClose(nps.ciHigh, -100)
        XCTAssertEqual(report.group("Ops").enps.n, 0)
        XCTAssertNil(report.group("Ops").enps.score)
    }

    func testBoundaryAnswersSevenAndEightArePassives() throws {
        // 6 → detractor, 7 and 8 → passives, 9 → promoter. Answers 6 7 8 8 9: D = 1/5, passives 3/5,
        // P = 1/5 → score 0, shares 20 / 60 / 20.
        let result = try enps([6, 7, 8, 8, 9])
        assertClose(result.score, 0)
        assertClose(result.detractors, 20)
        assertClose(result.passives, 60)
        assertClose(result.promoters, 20)
    }
}
