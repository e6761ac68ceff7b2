import XCTest
@testable import Score
import SurveyModel

/// SPEC §5.2: change against the previous wave, Welch's t for means and the normal z for
/// eNPS / NPS, p values worked out by hand (and checked with scipy, the call in each comment).
final class ChangesTests: XCTestCase {
    private typealias T = TestData

    func testWelchPValueByHand() throws {
        // Report wave n₁ = 10, mean 70, SD 12; previous n₂ = 12, mean 62, SD 15.
        //   s₁²/n₁ = 144/10 = 14.4, s₂²/n₂ = 225/12 = 18.75, sum 33.15
        //   t = 8 / √33.15 = 8 / 5.757603 = 1.389467
        //   df = 33.15² / (14.4²/9 + 18.75²/11) = 1098.9225 / (23.04 + 31.960227) = 19.980327
        //   t table, df 20: t(0.90) = 1.325, t(0.95) = 1.725 → two-sided 0.10 < p < 0.20;
        //   scipy.stats.ttest_ind_from_stats(70, 12, 10, 62, 15, 12, equal_var=False).pvalue
        //   = 0.17998177678476782
        let p = try XCTUnwrap(Significance.welchP(delta: 8, variance1: 144, n1: 10, variance2: 225, n2: 12))
        XCTAssertEqual(p, 0.17998177678476782, accuracy: 1e-9)
    }

    func testNPSZPValueByHand() throws {
        // Report wave n₁ = 50, P = 0.40, D = 0.20 (NPS 20); previous n₂ = 40, P = 0.25, D = 0.35 (NPS −10).
        //   V₁ = 100² · (0.40 + 0.20 − 0.20²) = 10000 · 0.56 = 5600
        //   V₂ = 100² · (0.25 + 0.35 − 0.10²) = 10000 · 0.59 = 5900
        //   z = 30 / √(5600/50 + 5900/40) = 30 / √(112 + 147.5) = 30 / 16.109004 = 1.862313
        //   p = 2 · (1 − Φ(1.862313)) = 2 · 0.031280 = 0.062559;
        //   2 * scipy.stats.norm.sf(1.8623125657326025) = 0.06255904529399726
        let p = try XCTUnwrap(Significance.npsP(delta: 30, v1: 5600, n1: 50, v2: 5900, n2: 40))
        XCTAssertEqual(p, 0.06255904529399726, accuracy: 1e-9)
        let v = try XCTUnwrap(Significance.npsVariance(NPSResult(n: 50, score: 20, promoters: 40, passives: 40,
                                                                  detractors: 20, suppressed: false)))
        XCTAssertEqual(v, 5600, accuracy: 1e-9)
    }

    func testNoComparisonBelowTwoRespondentsOrWithoutVariance() {
        XCTAssertNil(Significance.welchP(delta: 5, variance1: 10, n1: 1, variance2: 10, n2: 8))
        XCTAssertNil(Significance.welchP(delta: 5, variance1: 0, n1: 6, variance2: 0, n2: 8))
        XCTAssertNotNil(Significance.welchP(delta: 5, variance1: 0, n1: 6, variance2: 4, n2: 8))
        XCTAssertNil(Significance.npsP(delta: 0, v1: 0, n1: 9, v2: 0, n2: 9))
    }

    /// Five Ops respondents per wave answering only the life items, each all the same value:
    ///   Q2 5 5 5 5 2 → 100, 100, 100, 100, 25: mean 85, Σd² = 4·15² + 60² = 4500, s² = 1125
    ///   Q3 5 5 5 2 2 → 100, 100, 100, 25, 25: mean 70, Σd² = 3·30² + 2·45² = 6750, s² = 1687.5
    /// Welch: 1687.5/5 = 337.5, 1125/5 = 225, t = −15 / √562.5 = −0.632456,
    /// df = 562.5² / (337.5²/4 + 225²/4) = 7.692308;
    /// scipy.stats.ttest_ind_from_stats(70, 1687.5**0.5, 5, 85, 1125**0.5, 5, equal_var=False).pvalue
    /// = 0.5454243096721608. eNPS: Q2 everyone 10 (V = 0), Q3 everyone 0 (V = 0): no comparison.
    func testEndToEndAgainstThePreviousWave() throws {
        let values: [(Int32, [Int], Int)] = [(T.q1, [3, 3, 3, 3, 3], 5), (T.q2, [5, 5, 5, 5, 2], 10),
                                             (T.q3, [5, 5, 5, 2, 2], 0)]
        let rows = values.flatMap { wave, answers, enps in
            answers.map { T.row(T.all(T.life, $0).merging(["enps": enps]) { a, _ in a }, wave: wave) }
        }
        let report = try T.report(rows, config: T.config(areas: ["Ops", "Idle"]))
        let ops = report.group("Ops")
        XCTAssertEqual(ops.changes.map(\.key), ["leadership", "management", "employee_life", "low_waste", "cx",
                                                 "customer_life", "enps", "nps"])
        let life = try XCTUnwrap(ops.changes.first { $0.key == "employee_life" }?.change)
        XCTAssertEqual(life.previousWave, "2026-Q2")
        XCTAssertEqual(life.delta, -15, accuracy: 1e-9)
        XCTAssertEqual(life.pValue, 0.5454243096721608, accuracy: 1e-9)
        XCTAssertFalse(life.significant)
        XCTAssertNil(ops.changes.first { $0.key == "enps" }?.change ?? nil, "both variances 0")
        XCTAssertNil(ops.changes.first { $0.key == "leadership" }?.change ?? nil, "no figure")
        XCTAssertTrue(report.group("Idle").changes.allSatisfy { $0.change == nil })
        // The evaporation row of employee_life (peak Q2) gets the same test; readiness gets none.
        let flag = try XCTUnwrap(report.evaporation.first { $0.area == "Ops" && $0.metric == "employee_life" })
        XCTAssertEqual(flag.significant, false)
        XCTAssertNil(try XCTUnwrap(report.evaporation.first { $0.area == "Ops" && $0.metric == "readiness" }).significant)
    }

    func testSuppressedPreviousFigureGivesNoChange() throws {
        // Q2 has 3 respondents (hidden, n < 5), Q3 has 6: no comparison.
        let rows = [Int](0..<3).map { _ in T.row(T.all(T.life, 4), wave: T.q2) }
            + (0..<6).map { T.row(T.all(T.life, 1 + $0 % 5), wave: T.q3) }
        let report = try T.report(rows)
        XCTAssertEqual(report.group("Ops").construct("employee_life")?.suppressed, false)
        XCTAssertNil(report.group("Ops").changes.first { $0.key == "employee_life" }?.change ?? nil)
    }

    func testSingleWaveHasNoChanges() throws {
        let report = try T.report((0..<6).map { T.row(T.all(T.life, 1 + $0 % 5)) })
        XCTAssertFalse(report.group("Ops").changes.isEmpty)
        XCTAssertTrue(report.group("Ops").changes.allSatisfy { $0.change == nil })
    }
}
