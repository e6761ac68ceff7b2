import XCTest
@testable import Score
import SurveyModel

/// The composite indices of SPEC §5: LMI and its quadrants at the threshold (≥ 60 is
/// high), readiness renormalized over the components present and its bands, the
/// difference gap and the response rate (All areas' headcount is the sum, or nil).
final class IndicesTests: XCTestCase {
    private typealias T = TestData

    private func indices(_ means: [String: Double], scoring: ScoringConfig = ScoringConfig()) -> Indices {
        Indices(shown: { means[$0] }, instrument: T.instrument, scoring: scoring)
    }

    func testQuadrantsAtTheThreshold() {
        let cases: [(lead: Double, mgmt: Double, quadrant: String, lmi: Double)] = [
            (60, 60, "Led and managed", 0),           // both ≥ 60
            (60, 59.99, "Led, loosely managed", 0.01), // 60 − 59.99
            (59.99, 60, "Managed, not led", -0.01),
            (59.99, 59.99, "Stalled", 0),
            (80, 60, "Led and managed", 20),
        ]
        for c in cases {
            let result = indices(["leadership": c.lead, "management": c.mgmt])
            XCTAssertEqual(result.quadrant, c.quadrant, "\(c.lead) / \(c.mgmt)")
            assertClose(result.lmi, c.lmi, accuracy: 1e-12)
        }
    }

    func testLMINeedsBothFigures() {
        let result = indices(["leadership": 80])
        XCTAssertNil(result.lmi)
        XCTAssertNil(result.quadrant)
    }

    func testReadinessWithEveryComponent() {
        // 0.30·80 + 0.10·60 + 0.20·70 + 0.15·50 + 0.25·90 = 24 + 6 + 14 + 7.5 + 22.5 = 74, Σw = 1 → 74.
        let result = indices(["leadership": 80, "management": 60, "employee_life": 70, "low_waste": 50,
                              "customer_life": 90, "cx": 10])
        assertClose(result.readiness, 74)
        XCTAssertEqual(result.band, "Emerging")
        XCTAssertEqual(result.missingComponents, [])
    }

    func testReadinessRenormalizedOverPresentComponents() {
        // customer_life missing: Σw = 0.30 + 0.10 + 0.20 + 0.15 = 0.75; Σw·m = 24 + 6 + 14 + 7.5 = 51.5
        // → 51.5 / 0.75 = 68.667. (cx carries no weight, so it is never a missing component.)
        let result = indices(["leadership": 80, "management": 60, "employee_life": 70, "low_waste": 50])
        assertClose(result.readiness, 51.5 / 0.75)
        XCTAssertEqual(result.missingComponents, ["customer_life"])
        // leadership and customer_life only: (0.30·80 + 0.25·90) / 0.55 = 46.5 / 0.55 = 84.545 → Ready.
        let two = indices(["leadership": 80, "customer_life": 90])
        assertClose(two.readiness, 46.5 / 0.55)
        XCTAssertEqual(two.band, "Ready")
        XCTAssertEqual(two.missingComponents, ["management", "employee_life", "low_waste"])
    }

    func testReadinessNeedsAnEmployeeComponent() {
        let result = indices(["customer_life": 90, "cx": 80])
        XCTAssertNil(result.readiness)
        XCTAssertNil(result.band)
        XCTAssertEqual(result.missingComponents, ["leadership", "management", "employee_life", "low_waste"])
        XCTAssertNil(indices([:]).readiness)
    }

    func testBandBoundaries() {
        // With one weighted component readiness = 1·v / 1 = v exactly.
        var scoring = ScoringConfig()
        scoring.weights = ["leadership": 1]
        let cases: [(Double, String)] = [(75, "Ready"), (74.99, "Emerging"), (60, "Emerging"), (59.9, "Not ready"),
                                         (100, "Ready"), (0, "Not ready")]
        for (value, band) in cases {
            let result = indices(["leadership": value], scoring: scoring)
            assertClose(result.readiness, value)
            XCTAssertEqual(result.band, band, "readiness \(value)")
        }
    }

    func testDifferenceGap() {
        // 70 − 55.5 = 14.5; nil when either side is missing.
        assertClose(indices(["employee_life": 70, "customer_life": 55.5]).differenceGap, 14.5)
        XCTAssertNil(indices(["employee_life": 70]).differenceGap)
        XCTAssertNil(indices(["customer_life": 55.5]).differenceGap)
    }

    func testIndicesEndToEnd() throws {
        // 5 employees: lead all 4 → 75, mgmt all 3 → 50, life all 5 → 100, waste all 2 → reversed 75.
        // LMI = 75 − 50 = 25, "Led, loosely managed". No customers: readiness
        // (0.30·75 + 0.10·50 + 0.20·100 + 0.15·75) / 0.75 = (22.5 + 5 + 20 + 11.25) / 0.75 = 78.333 → Ready.
        var answers = T.all(T.lead, 4).merging(T.all(T.mgmt, 3)) { a, _ in a }
        answers.merge(T.all(T.life, 5)) { a, _ in a }
        answers.merge(T.all(T.waste, 2)) { a, _ in a }
        let employees = Array(repeating: T.row(answers), count: 5)
        let alone = try T.report(employees).group("Ops")
        assertClose(alone.lmi, 25)
        XCTAssertEqual(alone.quadrant, "Led, loosely managed")
        assertClose(alone.readiness, 58.75 / 0.75)
        XCTAssertEqual(alone.band, "Ready")
        XCTAssertEqual(alone.missingComponents, ["customer_life"])
        XCTAssertNil(alone.differenceGap)
        // 5 customers with cx_difference 2 → customer_life 25: readiness (58.75 + 0.25·25) / 1 = 65 → Emerging;
        // difference gap 100 − 25 = 75.
        let customers = Array(repeating: T.row(["cx_difference": 2]), count: 5)
        let both = try T.report(employees, customers: customers).group("Ops")
        assertClose(both.readiness, 65)
        XCTAssertEqual(both.band, "Emerging")
        XCTAssertEqual(both.missingComponents, [])
        assertClose(both.differenceGap, 75)
    }

    func testQuadrantAtExactly60EndToEnd() throws {
        // 2 respondents answer 4 everywhere (units 3), 3 answer 3 (units 2): mean unit 12/5 = 2.4 → 60
        // for leadership and management alike → both ≥ 60 → "Led and managed", LMI 0.
        let high = T.all(T.lead + T.mgmt, 4), mid = T.all(T.lead + T.mgmt, 3)
        let ops = try T.report([T.row(high), T.row(high), T.row(mid), T.row(mid), T.row(mid)]).group("Ops")
        assertClose(ops.construct("leadership")?.mean, 60)
        XCTAssertEqual(ops.quadrant, "Led and managed")
        assertClose(ops.lmi, 0)
    }

    func testEqualComponentsOf75AreReady() throws {
        // Everyone answers 4 on lead/mgmt/life and 2 on waste: every employee component is exactly 75,
        // no customers. Readiness = (0.30 + 0.10 + 0.20 + 0.15)·75 / 0.75 = 75, which SPEC §5 bands as
        // "Ready" (≥ 75).
        let answers = T.all(T.lead + T.mgmt + T.life, 4).merging(T.all(T.waste, 2)) { a, _ in a }
        let ops = try T.report(Array(repeating: T.row(answers), count: 5)).group("Ops")
        for name in ["leadership", "management", "employee_life", "low_waste"] {
            assertClose(ops.construct(name)?.mean, 75, name)
        }
        assertClose(ops.readiness, 75)
        XCTAssertEqual(ops.band, "Ready", "readiness \(ops.readiness.map { "\($0)" } ?? "nil") lost its band")
    }

    func testResponseRateAndHeadcounts() throws {
        // North 5 of 10 → 0.5; South 6 of 20 → 0.3; All areas 11 of (10 + 20) = 11/30.
        let employees = (0..<5).map { _ in T.row(["lead_vision": 3], area: 0) }
            + (0..<6).map { _ in T.row(["lead_vision": 3], area: 1) }
        let report = try T.report(employees, config: T.config(areas: ["North", "South"], headcounts: [10, 20]))
        XCTAssertEqual(report.group("North").employeeN, 5)
        assertClose(report.group("North").responseRate, 0.5)
        assertClose(report.group("South").responseRate, 0.3)
        XCTAssertEqual(report.group("All areas").headcount, 30)
        XCTAssertEqual(report.group("All areas").employeeN, 11)
        assertClose(report.group("All areas").responseRate, 11.0 / 30)
        // South without a headcount: no rate there, and All areas' headcount is unknown.
        let partial = try T.report(employees, config: T.config(areas: ["North", "South"], headcounts: [10, nil]))
        assertClose(partial.group("North").responseRate, 0.5)
        XCTAssertNil(partial.group("South").responseRate)
        XCTAssertNil(partial.group("All areas").headcount)
        XCTAssertNil(partial.group("All areas").responseRate)
    }
}
