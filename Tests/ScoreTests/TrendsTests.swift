import XCTest
@testable import Score
import SurveyModel

/// Sustainment (SPEC §5): the trends rows (wave by wave, areas in config order then
/// All areas) and the evaporation flag — report wave at least `evaporation_drop` (10)
/// below the best earlier wave, the earliest such wave being the peak.
final class TrendsTests: XCTestCase {
    private typealias T = TestData

    /// Five Ops respondents per wave answering only the life items, each all the same value:
    ///   Q1 5 5 5 4 2 → 100, 100, 100, 75, 25 → employee_life 400/5 = 80
    ///   Q2 5 5 5 5 2 → 425/5 = 85
    ///   Q3 5 5 5 2 2 → 350/5 = 70
    /// employee_life is the only weighted component present, so readiness = 0.2·m / 0.2 = m.
    /// "Idle" is configured but has no rows.
    private func threeWaves(wave: String? = nil) throws -> ScoreReport {
        let values: [(Int32, [Int])] = [(T.q1, [5, 5, 5, 4, 2]), (T.q2, [5, 5, 5, 5, 2]), (T.q3, [5, 5, 5, 2, 2])]
        let rows = values.flatMap { wave, answers in answers.map { T.row(T.all(T.life, $0), wave: wave) } }
        return try T.report(rows, config: T.config(areas: ["Ops", "Idle"]), wave: wave)
    }

    func testEvaporationFlagsTheFadedWin() throws {
        let report = try threeWaves()
        XCTAssertEqual(report.wave, "2026-Q3")
        XCTAssertEqual(report.waves, ["2026-Q1", "2026-Q2", "2026-Q3"])
        let life = try XCTUnwrap(report.evaporation.first { $0.area == "Ops" && $0.metric == "employee_life" })
        XCTAssertEqual(life.peakWave, "2026-Q2")
        XCTAssertEqual(life.peak, 85, accuracy: 1e-9)
        XCTAssertEqual(life.latest, 70, accuracy: 1e-9)
        XCTAssertEqual(life.drop, 15, accuracy: 1e-9)  // 85 − 70
        let readiness = try XCTUnwrap(report.evaporation.first { $0.area == "Ops" && $0.metric == "readiness" })
        XCTAssertEqual(readiness.peakWave, "2026-Q2")
        XCTAssertEqual(readiness.drop, 15, accuracy: 1e-9)
        // All areas is Ops here; Idle has nothing; customer_life never exists.
        XCTAssertEqual(Set(report.evaporation.map { "\($0.area)/\($0.metric)" }),
                       ["Ops/readiness", "Ops/employee_life", "All areas/readiness", "All areas/employee_life"])
    }

    func testTrendRowsAreWaveByWaveInConfigOrder() throws {
        let report = try threeWaves()
        XCTAssertEqual(report.trends.map { "\($0.wave) \($0.area)" }, [
            "2026-Q1 Ops", "2026-Q1 Idle", "2026-Q1 All areas",
            "2026-Q2 Ops", "2026-Q2 Idle", "2026-Q2 All areas",
            "2026-Q3 Ops", "2026-Q3 Idle", "2026-Q3 All areas",
        ])
        let ops = report.trends.filter { $0.area == "Ops" }
        for (point, expected) in zip(ops, [80.0, 85, 70]) {
            assertClose(point.employeeLife, expected, point.wave)
            assertClose(point.readiness, expected, point.wave)
            XCTAssertNil(point.customerLife)
            XCTAssertNil(point.lmi)
        }
        XCTAssertTrue(report.trends.filter { $0.area == "Idle" }.allSatisfy { $0.readiness == nil && $0.employeeLife == nil })
    }

    func testLaterWavesAreIgnoredForAnEarlierReportWave() throws {
        // Report wave Q2: 85 is above Q1's 80 → no evaporation; Q3 is dropped entirely.
        let report = try threeWaves(wave: "2026-Q2")
        XCTAssertEqual(report.waves, ["2026-Q1", "2026-Q2"])
        XCTAssertEqual(report.trends.count, 6)
        XCTAssertEqual(report.evaporation, [])
        assertClose(report.group("Ops").construct("employee_life")?.mean, 85)
        XCTAssertThrowsError(try threeWaves(wave: "2026-Q4"))
    }

    // MARK: evaporation rule on hand-made per-wave results

    private func group(_ life: Double?) -> AreaResult {
        let construct = ConstructResult(n: life == nil ? 0 : 10, mean: life, suppressed: false)
        return AreaResult(area: "Ops", isTotal: false, employeeN: 10, customerN: 0, headcount: nil, responseRate: nil,
                          constructs: [(name: "employee_life", result: construct)], items: [],
                          enps: NPSResult(n: 0, suppressed: false), nps: NPSResult(n: 0, suppressed: false),
                          missingComponents: [])
    }

    private func evaporation(_ lives: [Double?]) -> [Evaporation] {
        let labels = lives.indices.map { "W\($0 + 1)" }
        return Trends.evaporation(lives.map { [group($0)] }, labels: labels, drop: 10)
    }

    func testDropJustBelowTheThresholdIsNotFlagged() {
        // 80 − 70.01 = 9.99 < 10.
        XCTAssertEqual(evaporation([80, 70.01]), [])
        XCTAssertEqual(evaporation([70, 80]), [], "a rise")
    }

    func testDropOfExactlyTheThresholdIsFlagged() {
        // 80 − 70 = 10 ≥ 10.
        XCTAssertEqual(evaporation([80, 70]),
                       [Evaporation(area: "Ops", metric: "employee_life", peakWave: "W1", peak: 80, latest: 70, drop: 10)])
    }

    func testTiedPeaksTakeTheEarliestWave() {
        XCTAssertEqual(evaporation([85, 85, 70]).first?.peakWave, "W1")
        XCTAssertEqual(evaporation([80, 85, 85, 70]).first?.peakWave, "W2")
        XCTAssertEqual(evaporation([80, 85, 85, 70]).first?.drop, 15)
    }

    func testMissingWavesAreSkipped() {
        // W1 hidden or empty: the peak is W2's 80; 80 − 70 = 10 → flagged against W2.
        XCTAssertEqual(evaporation([nil, 80, 70]).first?.peakWave, "W2")
        // No report-wave value, or no earlier value: nothing to compare.
        XCTAssertEqual(evaporation([90, nil]), [])
        XCTAssertEqual(evaporation([nil, 50]), [])
        XCTAssertEqual(evaporation([50]), [])
    }
}
