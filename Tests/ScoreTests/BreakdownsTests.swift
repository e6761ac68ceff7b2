import XCTest
@testable import Score
import SurveyModel

/// SPEC §5.3 end to end: the area × role table of the report wave, values compared like header
/// names and named as first seen in the report wave, empty cells kept, two-way suppression.
final class BreakdownsTests: XCTestCase {
    private typealias T = TestData

    /// Employees with a role each, in file order:
    ///   line 2  Q2 North "FRONTLINE" (an earlier wave: does not name the value)
    ///   Q3 South 7 × "frontline": life 4 (75), eNPS 8
    ///   Q3 North 6 × "Frontline": life 5 (100), eNPS 10; 5 × "Manager": life 3 (50), eNPS 5; 1 × "": life 1 (0), eNPS 0
    private func report() throws -> ScoreReport {
        var rows: [(row: Row, role: String)] = [(T.row(T.all(T.life, 2).merging(["enps": 3]) { a, _ in a }, wave: T.q2),
                                                 "FRONTLINE")]
        func add(_ count: Int, area: Int, life: Int, enps: Int, role: String) {
            for _ in 0..<count { rows.append((T.row(T.all(T.life, life).merging(["enps": enps]) { a, _ in a }, area: area), role)) }
        }
        add(7, area: 1, life: 4, enps: 8, role: "frontline")
        add(6, area: 0, life: 5, enps: 10, role: "Frontline")
        add(5, area: 0, life: 3, enps: 5, role: "Manager")
        add(1, area: 0, life: 1, enps: 0, role: "")
        var table = T.table(.employee, rows.map(\.row))
        var pool = StringPool()
        table.breakdowns[0] = rows.map { pool.intern($0.role) }
        table.breakdownPools[0] = pool
        return try ReportBuilder.build(employee: table, customer: T.table(.customer, []),
                                       config: T.config(areas: ["North", "South"]), wave: nil, jobs: 2)
    }

    func testValuesAreFoldedNamedAsFirstSeenAndOrderedByCodePoint() throws {
        let breakdowns = try report().breakdowns
        XCTAssertEqual(breakdowns.count, 1, "no customer rows: no customer tables")
        let role = try XCTUnwrap(breakdowns.first)
        XCTAssertEqual(role.survey, .employee)
        XCTAssertEqual(role.column, "role")
        XCTAssertEqual(role.recommendKey, "enps")
        XCTAssertEqual(role.values, ["(not given)", "Manager", "frontline"])
        XCTAssertEqual(role.areas, ["North", "South", "All areas"])
        XCTAssertEqual(role.constructs, ["leadership", "management", "employee_life", "low_waste"])
        XCTAssertEqual(role.cells.map { $0.map(\.n) }, [[1, 5, 6], [0, 0, 7], [1, 5, 13]])
    }

    /// employee_life n: North [1, 5, 6] (total 12 shown), South [0, 0, 7], All [1, 5, 13].
    /// Primary: North and All areas "(not given)" (1). Row North: one hidden → Manager (5 < 6);
    /// row All areas: likewise All-Manager. Columns: "(not given)" and Manager have two hidden
    /// members each (a cell and the All areas total), frontline none. The next pass changes nothing.
    func testFiguresAndTwoWaySuppression() throws {
        let role = try XCTUnwrap(try report().breakdowns.first)
        let life = role.cells.map { $0.map { $0.constructs[2] } }
        XCTAssertEqual(life.map { $0.map(\.suppressed) }, [[true, true, false], [false, false, false],
                                                           [true, true, false]])
        XCTAssertEqual(life[0][2].value ?? .nan, 100, accuracy: 1e-9)
        XCTAssertEqual(life[1][2].value ?? .nan, 75, accuracy: 1e-9)
        XCTAssertEqual(life[2][2].value ?? .nan, 1125.0 / 13, accuracy: 1e-9)  // (6·100 + 7·75) / 13
        XCTAssertNil(life[0][1].value)
        // Empty cells: null, not suppressed; a construct nobody answered likewise.
        XCTAssertEqual(life[1][0], BreakdownFigure(n: 0, value: nil, suppressed: false))
        XCTAssertEqual(role.cells[0][2].constructs[0], BreakdownFigure(n: 0, value: nil, suppressed: false))
        // eNPS: North frontline all 10 → 100; South all 8 → 0; All: 6 promoters of 13 → 600/13.
        let enps = role.cells.map { $0.map(\.recommend) }
        XCTAssertEqual(enps[0][2].value ?? .nan, 100, accuracy: 1e-9)
        XCTAssertEqual(enps[1][2].value ?? .nan, 0, accuracy: 1e-9)
        XCTAssertEqual(enps[2][2].value ?? .nan, 600.0 / 13, accuracy: 1e-9)
        XCTAssertEqual(enps.map { $0.map(\.suppressed) }, [[true, true, false], [false, false, false],
                                                           [true, true, false]])
    }
}
