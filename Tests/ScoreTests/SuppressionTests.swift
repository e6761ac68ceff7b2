import XCTest
@testable import Score
import SurveyModel

/// Privacy (SPEC §9): primary suppression below `min_group_size`, the secondary rule that
/// hides the next smallest group when exactly one is hidden and the total is shown,
/// and, end to end, that no hidden figure can be recovered by subtraction from All areas
/// and that figures derived from hidden ones (readiness, LMI, trends, drivers) are absent.
final class SuppressionTests: XCTestCase {
    private typealias T = TestData

    private func hidden(_ ns: [Int], _ names: [String], total: Int) -> [Bool] {
        Suppression.hidden(ns: ns, names: names, totalN: total, minimum: 5)
    }

    func testOneSmallGroupHidesTheNextSmallest() {
        // 3 < 5 is hidden; total 40 shown → the next smallest shown group (C, 7) is hidden too.
        XCTAssertEqual(hidden([3, 10, 7, 20], ["A", "B", "C", "D"], total: 40), [true, false, true, false])
    }

    func testTieOnNHidesTheNameThatSortsFirst() {
        XCTAssertEqual(hidden([3, 7, 7], ["Zeta", "Beta", "Alpha"], total: 17), [true, false, true])
        XCTAssertEqual(hidden([3, 7, 7], ["Zeta", "Alpha", "Beta"], total: 17), [true, true, false])
    }

    func testTwoSmallGroupsNeedNoSecondary() {
        XCTAssertEqual(hidden([3, 4, 10], ["A", "B", "C"], total: 17), [true, true, false])
    }

    func testEmptyGroupIsNeitherHiddenNorChosen() {
        // n = 0: the figure does not exist; the secondary goes to C (8), not to B (0).
        XCTAssertEqual(hidden([3, 0, 8, 9], ["A", "B", "C", "D"], total: 20), [true, false, true, false])
        XCTAssertEqual(hidden([0, 6], ["A", "B"], total: 6), [false, false])
    }

    func testTotalBelowMinimumNeedsNoSecondary() {
        // The total is itself hidden, so nothing can be subtracted from it.
        XCTAssertEqual(hidden([3, 6], ["A", "B"], total: 4), [true, false])
        XCTAssertEqual(hidden([3], ["A"], total: 3), [true])
    }

    func testExactlyMinimumIsShown() {
        XCTAssertEqual(hidden([5, 6], ["A", "B"], total: 11), [false, false])
    }

    // MARK: end to end

    /// North 3 employees / 2 customers, South 6 / 7, East 8 / 5. Three of East's employees skip
    /// lead_vision, so that item's n is North 3, South 6, East 5.
    private func threeAreas() throws -> ScoreReport {
        var employees: [Row] = []
        for (area, count) in [(0, 3), (1, 6), (2, 8)] {
            for i in 0..<count {
                var answers: [String: Int] = ["enps": (i * 3 + area) % 11]
                for (j, key) in (T.lead + T.mgmt + T.life + T.waste).enumerated() { answers[key] = 1 + (i + j + area) % 5 }
                if area == 2 && i < 3 { answers["lead_vision"] = nil }
                employees.append(T.row(answers, area: area))
            }
        }
        var customers: [Row] = []
        for (area, count) in [(0, 2), (1, 7), (2, 5)] {
            for i in 0..<count {
                customers.append(T.row(["cx_easy": 1 + i % 5, "cx_right_first_time": 1 + (i + 1) % 5,
                                        "cx_no_wait": 1 + (i + 2) % 5, "cx_difference": 1 + (i + 3) % 5,
                                        "nps": (i * 4) % 11], area: area))
            }
        }
        return try T.report(employees, customers: customers, config: T.config(areas: ["North", "South", "East"]))
    }

    func testSmallAreaAndNextSmallestAreHidden() throws {
        let report = try threeAreas()
        let north = report.group("North"), south = report.group("South"), east = report.group("East")
        for name in ["leadership", "management", "employee_life", "low_waste"] {
            let n = try XCTUnwrap(north.construct(name)), s = try XCTUnwrap(south.construct(name))
            XCTAssertTrue(n.suppressed, name)
            XCTAssertNil(n.mean, name)
            XCTAssertEqual(n.n, 3, "head counts stay shown")
            XCTAssertTrue(s.suppressed, "\(name): South (6) is the next smallest")
            XCTAssertNil(s.mean)
            XCTAssertEqual(east.construct(name)?.suppressed, false)
            XCTAssertNotNil(east.construct(name)?.mean)
            XCTAssertEqual(report.group("All areas").construct(name)?.n, 17)
        }
        // Customers: North 2 hidden, East (5) is now the next smallest, South (7) shown.
        for name in ["cx", "customer_life"] {
            XCTAssertEqual(north.construct(name)?.suppressed, true)
            XCTAssertEqual(east.construct(name)?.suppressed, true)
            XCTAssertEqual(south.construct(name)?.suppressed, false)
        }
        XCTAssertTrue(north.nps.suppressed)
        XCTAssertTrue(east.nps.suppressed)
        XCTAssertNil(east.nps.score)
        XCTAssertTrue(south.enps.suppressed)
        XCTAssertFalse(east.enps.suppressed)
    }

    func testEachItemIsJudgedByItsOwnN() throws {
        let report = try threeAreas()
        // lead_vision: North 3 hidden; East 5 < South 6 → East is the secondary.
        XCTAssertEqual(report.group("North").item("lead_vision")?.suppressed, true)
        XCTAssertEqual(report.group("East").item("lead_vision")?.n, 5)
        XCTAssertEqual(report.group("East").item("lead_vision")?.suppressed, true)
        XCTAssertEqual(report.group("South").item("lead_vision")?.suppressed, false)
        // lead_mobilize: North 3, South 6, East 8 → South is the secondary.
        XCTAssertEqual(report.group("South").item("lead_mobilize")?.suppressed, true)
        XCTAssertEqual(report.group("East").item("lead_mobilize")?.suppressed, false)
        XCTAssertNil(report.group("South").item("lead_mobilize")?.favorable)
    }

    func testDerivedFiguresTreatHiddenOnesAsAbsent() throws {
        let report = try threeAreas()
        for name in ["North", "South"] {
            let group = report.group(name)
            XCTAssertNil(group.readiness, name)
            XCTAssertNil(group.band, name)
            XCTAssertNil(group.lmi, name)
            XCTAssertNil(group.quadrant, name)
            XCTAssertNil(group.differenceGap, name)
            XCTAssertNil(group.drivers, name)
            let point = try XCTUnwrap(report.trends.first { $0.area == name && $0.wave == "2026-Q3" })
            XCTAssertNil(point.readiness, name)
            XCTAssertNil(point.employeeLife, name)
            XCTAssertNil(point.lmi, name)
        }
        // South's customer_life is shown (7 customers), North's is not.
        XCTAssertNotNil(report.trends.first { $0.area == "South" }?.customerLife)
        XCTAssertNil(report.trends.first { $0.area == "North" }?.customerLife)
        XCTAssertEqual(report.group("South").missingComponents,
                       ["leadership", "management", "employee_life", "low_waste"])
        // East: employee figures shown, customer_life hidden → readiness over the employee components only.
        XCTAssertNotNil(report.group("East").readiness)
        XCTAssertEqual(report.group("East").missingComponents, ["customer_life"])
        XCTAssertNil(report.group("East").differenceGap)
    }

    func testNoHiddenFigureCanBeRecoveredBySubtraction() throws {
        // All areas' Σ = mean × n over every area; subtracting the shown areas leaves a single unknown
        // only if exactly one area is hidden. So: wherever one area hides a figure, at least two do,
        // and the total is shown.
        let report = try threeAreas()
        let areas = report.areas.filter { !$0.isTotal }, total = report.group("All areas")
        var figures: [(String, (AreaResult) -> Bool?)] = [
            ("enps", { $0.enps.suppressed }), ("nps", { $0.nps.suppressed }),
        ]
        for (name, _) in total.constructs { figures.append((name, { $0.construct(name)?.suppressed })) }
        for (key, _) in total.items { figures.append((key, { $0.item(key)?.suppressed })) }
        XCTAssertEqual(figures.count, 2 + 6 + 25)
        var checked = 0
        for (name, isHidden) in figures {
            let count = areas.filter { isHidden($0) == true }.count
            XCTAssertNotEqual(count, 1, "\(name): exactly one area hidden")
            if count > 0 {
                checked += 1
                XCTAssertEqual(isHidden(total), false, "\(name): All areas shown")
            }
        }
        XCTAssertEqual(checked, figures.count, "every figure has North hidden in this data")
    }
    func testDriversDoNotRevealAHiddenItem() throws {
        // Default min_driver_n 30. A 40 / B 35 / C 50 employees answer everything, except that only 3 of A's
        // answer lead_vision (1, 2, 3 → units 0, 1, 2 → mean 25). lead_vision: A (3) hidden, B (35) the
        // secondary. A has no drivers (3 < 30), but if B, C and All areas show lead_vision's driver n and mean,
        // A's 3-respondent mean is (n_all·m_all − n_B·m_B − n_C·m_C) / (n_all − n_B − n_C): derived figures
        // must treat the hidden item as absent (SPEC §9).
        var employees: [Row] = []
        for (area, count) in [(0, 40), (1, 35), (2, 50)] {
            for i in 0..<count {
                var answers: [String: Int] = [:]
                for (j, key) in (T.lead + T.mgmt + T.life + T.waste).enumerated() { answers[key] = 1 + (i + j + area) % 5 }
                if area == 0 && i >= 3 { answers["lead_vision"] = nil }
                employees.append(T.row(answers, area: area))
            }
        }
        let report = try T.report(employees, config: T.config(areas: ["A", "B", "C"]))
        XCTAssertEqual(report.group("A").item("lead_vision")?.suppressed, true)
        XCTAssertEqual(report.group("B").item("lead_vision")?.suppressed, true)
        let driver = { (name: String) in report.group(name).allDrivers?.first { $0.item == "lead_vision" } }
        if let all = driver("All areas"), let b = driver("B"), let c = driver("C") {
            let n = all.n - b.n - c.n
            let recovered = (Double(all.n) * all.mean - Double(b.n) * b.mean - Double(c.n) * c.mean) / Double(n)
            XCTFail("A's hidden lead_vision mean recovered from drivers: \(recovered) over \(n) respondents")
        }
    }
}
