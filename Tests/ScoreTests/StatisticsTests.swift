import Foundation
import XCTest
@testable import Score
import SurveyModel

/// Construct statistics of SPEC §4–§5: Student's t critical values, mean / sample SD /
/// 95% CI of a tiny group, the answered-fraction rule, reversed waste items and
/// Cronbach's alpha (with the cases where it does not exist). Every expected value is
/// worked out by hand in the comments.
final class StatisticsTests: XCTestCase {
    private typealias T = TestData

    func testCriticalValuesMatchTextbookTable() {
        let table: [(df: Int, t: Double)] = [
            (1, 12.7062047), (2, 4.30265273), (5, 2.57058184), (10, 2.22813885), (30, 2.04227246), (100, 1.98397152),
        ]
        for (df, t) in table {
            XCTAssertEqual(StudentT.critical975(df: df), t, accuracy: 1e-6, "df \(df)")
        }
    }

    /// From df = 100 on the Cornish–Fisher expansion replaces the beta inversion; both must agree
    /// there, and with R's qt(0.975, 1000) = 1.962339.
    func testExpansionAgreesWithInversionForLargeDF() {
        for df in [100, 250, 1000, 50_000] {
            XCTAssertEqual(StudentT.cornishFisher975(df: Double(df)), StudentT.quantile(0.975, df: Double(df)),
                           accuracy: 1e-9, "df \(df)")
        }
        XCTAssertEqual(StudentT.critical975(df: 1000), 1.962339, accuracy: 1e-6)
    }

    func testCriticalValuesMatchClosedForms() {
        // df 1 (Cauchy): t = tan(π(p − ½)) = tan(0.475π).
        XCTAssertEqual(StudentT.critical975(df: 1), tan(0.475 * Double.pi), accuracy: 1e-9)
        // df 2: F(t) = ½ + t / (2√(2 + t²)), so with a = 2p − 1 = 0.95: t = a·√(2 / (1 − a²)) = 0.95·√(2 / 0.0975).
        XCTAssertEqual(StudentT.critical975(df: 2), 0.95 * (2 / 0.0975).squareRoot(), accuracy: 1e-9)
    }

    func testMeanSDAndIntervalOfATinyGroup() throws {
        // Leadership (k = 6, needs ceil(6 × 0.5) = 3 answers), normalized (x − 1) / 4 × 100:
        //   R1 all 5 → 100;  R2 all 3 → 50;  R3 answers 4, 4, 2 (3 of 6) → units 3, 3, 1 → 25 · 7/3 = 175/3.
        // mean = (100 + 50 + 175/3) / 3 = (625/3) / 3 = 625/9 ≈ 69.444
        // deviations 275/9, −175/9, −100/9; Σd² = (75625 + 30625 + 10000) / 81 = 116250/81
        // var = 116250 / 81 / 2 = 58125/81 → sd = √58125 / 9 = 25√93 / 9 ≈ 26.788
        // half = t(0.975, 2) · sd / √3, with t(0.975, 2) = 0.95·√(2 / 0.0975) (closed form above).
        // R1 alone answers employee_life: n = 1 → a mean, but no SD and no interval.
        let rows = [
            T.row(T.all(T.lead, 5).merging(T.all(T.life, 4)) { a, _ in a }),
            T.row(T.all(T.lead, 3)),
            T.row(["lead_vision": 4, "lead_mobilize": 4, "lead_momentum": 2]),
        ]
        let report = try T.report(rows, config: T.config(minGroupSize: 1))
        let leadership = try XCTUnwrap(report.group("Ops").construct("leadership"))
        let sd = 25 * 93.0.squareRoot() / 9
        let half = 0.95 * (2 / 0.0975).squareRoot() * sd / 3.0.squareRoot()
        XCTAssertEqual(leadership.n, 3)
        XCTAssertFalse(leadership.suppressed)
        assertClose(leadership.mean, 625.0 / 9)
        assertClose(leadership.sd, sd)
        assertClose(leadership.ciLow, 625.0 / 9 - half)
        assertClose(leadership.ciHigh, 625.0 / 9 + half)
        XCTAssertNil(leadership.alpha, "only R1 and R2 are complete cases: fewer than 3")

        let life = try XCTUnwrap(report.group("Ops").construct("employee_life"))
        XCTAssertEqual(life.n, 1)
        assertClose(life.mean, 75)  // all 4 → (4 − 1) / 4 × 100
        XCTAssertNil(life.sd)
        XCTAssertNil(life.ciLow)
        XCTAssertNil(life.ciHigh)
    }

    func testAnsweredFractionRule() throws {
        // employee_life: k = 3 needs ceil(1.5) = 2 answers; management: k = 4 needs ceil(2) = 2.
        //   A: one life item, one mgmt item → no score for either.
        //   B: life 5, 3 → units 4, 2 → 25 · 3 = 75;   mgmt 4, 2 → units 3, 1 → 25 · 2 = 50.
        //   C: life all 1 → 0;                          mgmt all 5 → 100.
        // employee_life n = 2, mean (75 + 0) / 2 = 37.5; management n = 2, mean (50 + 100) / 2 = 75.
        let rows = [
            T.row(["life_easier": 5, "mgmt_buyin": 5]),
            T.row(["life_easier": 5, "life_time": 3, "mgmt_buyin": 4, "mgmt_control": 2]),
            T.row(T.all(T.life, 1).merging(T.all(T.mgmt, 5)) { a, _ in a }),
        ]
        let ops = try T.report(rows, config: T.config(minGroupSize: 1)).group("Ops")
        XCTAssertEqual(ops.employeeN, 3)
        XCTAssertEqual(ops.construct("employee_life")?.n, 2)
        assertClose(ops.construct("employee_life")?.mean, 37.5)
        XCTAssertEqual(ops.construct("management")?.n, 2)
        assertClose(ops.construct("management")?.mean, 75)
        // Items count every valid answer, scored or not: life_easier has 3 answers.
        XCTAssertEqual(ops.item("life_easier")?.n, 3)
    }

    func testReversedWasteItems() throws {
        // Waste items are reversed: frequency x → 100 − (x − 1) / 4 × 100. k = 8 needs 4 answers.
        //   R1 all 1 ("never") → 100;  R2 all 5 ("always") → 0;
        //   R3 answers 2, 4, 3, 1 on four items → units 3, 1, 2, 4 → 25 · 10/4 = 62.5;
        //   R4 answers three items only → no score.
        // low_waste n = 3, mean (100 + 0 + 62.5) / 3 = 162.5 / 3.
        let rows = [
            T.row(T.all(T.waste, 1)),
            T.row(T.all(T.waste, 5)),
            T.row(T.each(T.waste, [2, 4, 3, 1])),
            T.row(T.each(T.waste, [1, 1, 1])),
        ]
        let waste = try XCTUnwrap(try T.report(rows, config: T.config(minGroupSize: 1)).group("Ops")
            .construct("low_waste"))
        XCTAssertEqual(waste.n, 3)
        assertClose(waste.mean, 162.5 / 3)
    }

    func testCronbachAlphaOnCompleteCases() throws {
        // employee_life rows (easier, time, lasting): (5,4,4) (4,4,3) (2,3,2) (1,1,2); alpha is scale-free,
        // so raw answers do. Means 3, 3, 2.75; deviations
        //   easier 2, 1, −1, −2        → SS 10,   var 10/3
        //   time 1, 1, 0, −2           → SS 6,    var 2
        //   lasting 1.25, .25, −.75, −.75 → SS 2.75, var 2.75/3
        // totals 13, 11, 7, 4 (mean 8.75): deviations 4.25, 2.25, −1.75, −4.75 → SS 48.75, var 16.25.
        // Σvar_i = (10 + 6 + 2.75) / 3 = 6.25; alpha = 3/2 · (1 − 6.25 / 16.25) = 1.5 · 10/16.25 = 12/13.
        // A fifth respondent answering 2 of 3 has a score (n = 5) but is not a complete case.
        // Scores: units (4,3,3) (3,3,2) (1,2,1) (0,0,1) → 250/3, 200/3, 100/3, 25/3 (Σ 575/3); fifth: units
        // 2, 2 → 50. mean = (575/3 + 50) / 5 = 145/3.
        let rows = TestData.lifeMatrix.map { T.row(T.each(T.life, $0)) } + [T.row(["life_easier": 3, "life_time": 3])]
        let life = try XCTUnwrap(try T.report(rows).group("Ops").construct("employee_life"))
        XCTAssertEqual(life.n, 5)
        assertClose(life.mean, 145.0 / 3)
        assertClose(life.alpha, 12.0 / 13)
    }

    func testAlphaNeedsThreeCompleteCases() throws {
        // Two complete cases and two respondents with 2 of 3 answers: n = 4 but only 2 complete cases → nil.
        let rows = [
            T.row(T.each(T.life, [5, 4, 4])), T.row(T.each(T.life, [4, 4, 3])),
            T.row(T.each(T.life, [2, 3])), T.row(T.each(T.life, [1, 1])),
        ]
        let life = try XCTUnwrap(try T.report(rows, config: T.config(minGroupSize: 1)).group("Ops")
            .construct("employee_life"))
        XCTAssertEqual(life.n, 4)
        XCTAssertNil(life.alpha)
    }

    func testAlphaNeedsTotalVariance() throws {
        // (1,5,3) (5,1,3) (3,3,3): item variances 4, 4, 0 but every total is 9 → var_total = 0 → nil.
        // Every score is 25 · (9/3 − 1) = 50: mean 50, sd 0.
        let rows = [T.row(T.each(T.life, [1, 5, 3])), T.row(T.each(T.life, [5, 1, 3])), T.row(T.each(T.life, [3, 3, 3]))]
        let life = try XCTUnwrap(try T.report(rows, config: T.config(minGroupSize: 1)).group("Ops")
            .construct("employee_life"))
        XCTAssertEqual(life.n, 3)
        assertClose(life.mean, 50)
        assertClose(life.sd, 0)
        XCTAssertNil(life.alpha)
    }

    func testAlphaNeedsTwoItems() throws {
        // customer_life has one item (k = 1): no alpha however many complete cases.
        let customers = [1, 2, 3, 4, 5].map { T.row(["cx_difference": $0]) }
        let life = try XCTUnwrap(try T.report([], customers: customers).group("Ops").construct("customer_life"))
        XCTAssertEqual(life.n, 5)
        assertClose(life.mean, 50)  // units 0…4 average 2 → 50
        XCTAssertNil(life.alpha)
    }
}
