import XCTest
@testable import Score
import SurveyModel

/// Drivers of employee_life (SPEC §5.1): Pearson r, priority = max(r, 0) × (100 − mean),
/// ranking with ties broken by item name, and the rules that leave a group without
/// drivers; psychometrics (corrected item-total r and alpha if dropped) worked by hand.
final class DriversTests: XCTestCase {
    private typealias T = TestData

    /// Five respondents; life items all equal y = 1…5 (employee_life 0, 25, …, 100; units y − 1 = 0…4).
    /// Item patterns over the five (answers):
    ///   B 1 1 1 1 2 → lead_vision;  C 1 2 3 4 5 → lead_mobilize, mgmt_buyin;  A 2 1 3 5 4 → lead_momentum;
    ///   D 5 4 3 2 1 → lead_inspire; E 1 1 2 1 1 → the other lead and mgmt items;
    ///   waste (reversed, unit = 5 − answer): 5 4 3 2 1 (units as C) → waste_defects, 5 5 4 5 5 (units as E) → rest.
    private func rows() -> [[String: Int]] {
        let patterns: [String: [Int]] = [
            "lead_vision": [1, 1, 1, 1, 2], "lead_mobilize": [1, 2, 3, 4, 5], "mgmt_buyin": [1, 2, 3, 4, 5],
            "lead_momentum": [2, 1, 3, 5, 4], "lead_inspire": [5, 4, 3, 2, 1], "waste_defects": [5, 4, 3, 2, 1],
        ]
        return (0..<5).map { i in
            var answers = T.all(T.life, i + 1)
            for key in T.lead + T.mgmt { answers[key] = patterns[key]?[i] ?? [1, 1, 2, 1, 1][i] }
            for key in T.waste { answers[key] = patterns[key]?[i] ?? [5, 5, 4, 5, 5][i] }
            return answers
        }
    }

    private func ops(_ answers: [[String: Int]], minDriverN: Int = 3, minGroupSize: Int = 5) throws -> AreaResult {
        try T.report(answers.map { T.row($0) }, config: T.config(minGroupSize: minGroupSize, minDriverN: minDriverN))
            .group("Ops")
    }

    func testImpactMeanAndPriority() throws {
        // Units x, y = 0…4 (r is scale-free). r = (nΣxy − ΣxΣy) / √((nΣx² − (Σx)²)(nΣy² − (Σy)²)), y: Σ 10, Σy² 30.
        //   B x 0 0 0 0 1: Σx 1, Σx² 1, Σxy 4 → (20 − 10) / √(4 · 50) = 10/√200 = 1/√2; mean 25 · 1/5 = 5;
        //     priority 95/√2 ≈ 67.18
        //   C x 0…4: (150 − 100) / √(50 · 50) = 1; mean 50; priority 50
        //   A x 1 0 2 4 3: Σx 10, Σx² 30, Σxy 0+0+4+12+12 = 28 → (140 − 100) / 50 = 0.8; priority 0.8 · 50 = 40
        //   D x 4…0: r = −1 → priority max(−1, 0) · 50 = 0
        //   E x 0 0 1 0 0: Σx 1, Σxy 2 → 5·2 − 1·10 = 0 → r = 0; mean 5; priority 0
        let drivers = try XCTUnwrap(try ops(rows()).allDrivers)
        XCTAssertEqual(drivers.count, 18)
        let byItem = Dictionary(uniqueKeysWithValues: drivers.map { ($0.item, $0) })
        let expected: [(String, Double, Double, Double)] = [
            ("lead_vision", 1 / 2.0.squareRoot(), 5, 95 / 2.0.squareRoot()),
            ("lead_mobilize", 1, 50, 50), ("mgmt_buyin", 1, 50, 50), ("waste_defects", 1, 50, 50),
            ("lead_momentum", 0.8, 50, 40), ("lead_inspire", -1, 50, 0),
            ("lead_urgency", 0, 5, 0), ("waste_talent", 0, 5, 0),
        ]
        for (item, impact, mean, priority) in expected {
            let driver = try XCTUnwrap(byItem[item], item)
            XCTAssertEqual(driver.n, 5, item)
            XCTAssertEqual(driver.impact, impact, accuracy: 1e-9, item)
            XCTAssertEqual(driver.mean, mean, accuracy: 1e-9, item)
            XCTAssertEqual(driver.priority, priority, accuracy: 1e-9, item)
        }
    }

    func testRankingBreaksTiesByItemName() throws {
        // 67.18, then three items tied at 50 (lead_mobilize < mgmt_buyin < waste_defects), 40, then
        // thirteen items at 0 in name order. The top three cut the 50-tie by name.
        let group = try ops(rows())
        XCTAssertEqual(group.allDrivers?.map(\.item), [
            "lead_vision", "lead_mobilize", "mgmt_buyin", "waste_defects", "lead_momentum",
            "lead_empower", "lead_inspire", "lead_urgency", "mgmt_budget", "mgmt_control", "mgmt_planned",
            "waste_inventory", "waste_motion", "waste_overproduction", "waste_processing", "waste_talent",
            "waste_transport", "waste_waiting",
        ])
        XCTAssertEqual(group.drivers?.map(\.item), ["lead_vision", "lead_mobilize", "mgmt_buyin"])
    }

    func testNoDriversBelowDefaultMinimum() throws {
        XCTAssertNil(try ops(rows(), minDriverN: 30).drivers, "5 respondents < min_driver_n 30")
    }

    func testNoDriversWhenEmployeeLifeIsSuppressed() throws {
        // Without the first respondent every item still varies, but employee_life n = 4 < 5 is hidden.
        let four = Array(rows().dropFirst())
        XCTAssertNil(try ops(four).drivers)
        XCTAssertNotNil(try ops(four, minGroupSize: 4).drivers, "same data, shown → drivers")
    }

    func testNoDriversWhenAnItemHasTooFewRespondents() throws {
        var answers = rows()
        for i in 2..<5 { answers[i]["lead_urgency"] = nil }  // n = 2 < 3
        XCTAssertNil(try ops(answers).drivers)
        XCTAssertNil(try ops(answers).allDrivers)
    }

    func testNoDriversWhenAnItemOrTheOutcomeHasNoVariance() throws {
        var flat = rows()
        for i in flat.indices { flat[i]["mgmt_planned"] = 3 }
        XCTAssertNil(try ops(flat).drivers, "mgmt_planned constant")
        var sameLife = rows()
        for i in sameLife.indices { sameLife[i].merge(T.all(T.life, 3)) { _, b in b } }
        let group = try ops(sameLife)
        XCTAssertNotNil(group.construct("employee_life")?.mean, "employee_life shown (n = 5)")
        XCTAssertNil(group.drivers, "employee_life constant")
    }

    func testNoDriverFigureFromFewerThanMinGroupSize() throws {
        // SPEC §9: any figure computed from fewer than min_group_size (5) respondents is suppressed.
        // min_driver_n = 3 is a valid config (≥ 2); lead_urgency answered by 3 of the 5 → its impact,
        // mean and priority come from 3 respondents and must not be shown.
        var answers = rows()
        for i in 0..<2 { answers[i]["lead_urgency"] = nil }
        let drivers = try ops(answers).allDrivers ?? []
        for driver in drivers {
            XCTAssertGreaterThanOrEqual(driver.n, 5, "\(driver.item) shown from \(driver.n) respondents")
        }
    }

    // MARK: psychometrics

    private func psychometrics(_ report: ScoreReport, _ construct: String) throws -> [String: PsychometricItem] {
        let items = try XCTUnwrap(report.psychometrics.first { $0.construct == construct }?.items)
        return Dictionary(uniqueKeysWithValues: items.map { ($0.item, $0) })
    }

    func testCorrectedItemTotalAndAlphaIfDropped() throws {
        // Complete cases (easier, time, lasting): (5,4,4) (4,4,3) (2,3,2) (1,1,2); a fifth respondent with
        // 2 of 3 answers gives employee_life n = 5 (shown) but is not a complete case.
        // Sums of squares: SS_e 10, SS_t 6, SS_l 2.75; cross products SP_et = 2·1 + 1·1 + (−1)·0 + (−2)(−2) = 7,
        // SP_el = 2·1.25 + 1·.25 + (−1)(−.75) + (−2)(−.75) = 5, SP_tl = 1.25 + .25 + 0 + 1.5 = 3.
        // r_drop(e) = (7 + 5) / √(10 · (6 + 2.75 + 2·3)) = 12/√147.5
        // r_drop(t) = (7 + 3) / √(6 · (10 + 2.75 + 2·5)) = 10/√136.5
        // r_drop(l) = (5 + 3) / √(2.75 · (10 + 6 + 2·7)) = 8/√82.5
        // alpha without e: 2 · (1 − 8.75/14.75) = 12/14.75; without t: 2 · (1 − 12.75/22.75) = 20/22.75;
        // without l: 2 · (1 − 16/30) = 28/30.
        let rows = T.lifeMatrix.map { T.row(T.each(T.life, $0)) } + [T.row(["life_easier": 3, "life_time": 3])]
        let report = try T.report(rows)
        XCTAssertEqual(report.psychometrics.map(\.construct),
                       ["leadership", "management", "employee_life", "low_waste", "cx"])
        let life = try psychometrics(report, "employee_life")
        let expected: [(String, Double, Double)] = [
            ("life_easier", 12 / 147.5.squareRoot(), 12 / 14.75),
            ("life_time", 10 / 136.5.squareRoot(), 20 / 22.75),
            ("life_lasting", 8 / 82.5.squareRoot(), 28.0 / 30),
        ]
        for (item, rDrop, alpha) in expected {
            assertClose(life[item]?.rDrop, rDrop, item)
            assertClose(life[item]?.alphaIfDropped, alpha, item)
        }
        XCTAssertNil(try psychometrics(report, "leadership")["lead_vision"]?.rDrop, "no complete cases")
    }

    func testPsychometricsOfAHiddenConstructAreAbsent() throws {
        // Only the 4 complete cases: All areas' employee_life n = 4 < 5 is suppressed.
        let report = try T.report(T.lifeMatrix.map { T.row(T.each(T.life, $0)) })
        for (item, figures) in try psychometrics(report, "employee_life") {
            XCTAssertNil(figures.rDrop, item)
            XCTAssertNil(figures.alphaIfDropped, item)
        }
    }
}
