import XCTest
@testable import Score

/// SPEC §5.3: primary suppression, then the iterative two-way secondary pass over a breakdown
/// table's rows (areas, totals = the areas' own figures) and columns (values, totals = All
/// areas' cells), on hand-built tables traced line by line, and a property over random tables.
final class TwoWaySuppressionTests: XCTestCase {
    private func hidden(_ ns: [[Int]], totals: [Bool]? = nil, areas: [String]? = nil,
                        values: [String] = ["A", "B", "C"]) -> [[Bool]] {
        let names = areas ?? (0..<(ns.count - 1)).map { "Area \($0)" } + ["All areas"]
        return TwoWaySuppression.hidden(ns: ns, rowTotalHidden: totals ?? ns.map { _ in false }, areas: names,
                                        values: values, minimum: 5)
    }

    func testCellRecoverableFromItsRow() {
        // X-A (3) is the only hidden member of row X (total 25 shown): X-B (10) goes too.
        // Columns A and B then each have one hidden member: Y-A (8) and Y-B (9) go.
        // Pass 2: every line has 0 or 2 hidden members.
        XCTAssertEqual(hidden([[3, 10, 12], [8, 9, 7], [11, 19, 19]]),
                       [[true, true, false], [true, true, false], [false, false, false]])
    }

    func testCellRecoverableFromItsColumn() {
        // Row X already has two hidden cells (3, 4), but column A would give X-A as
        // All-A 11 − Y-A 8: Y-A goes; likewise column B takes Y-B (9); row Y then holds two.
        XCTAssertEqual(hidden([[3, 4, 12], [8, 9, 7], [11, 13, 19]]),
                       [[true, true, false], [true, true, false], [false, false, false]])
    }

    func testCascadeOverTwoPasses() {
        //        A   B   C
        //   X    3  10  20
        //   Y    6  70  40
        //   Z   50  60  70
        //   All 59 140 130
        // Pass 1, rows: X has X-A hidden → X-B (10). Columns: A has X-A → Y-A (6); B has X-B →
        //   Z-B (60, smaller than Y-B 70); C none.
        // Pass 2, rows: Y has only Y-A → Y-C (40 < 70); Z has only Z-B → Z-A (50 < 70).
        //   Columns: A 3 hidden, B 2, C has only Y-C → X-C (20 < 70).
        // Pass 3 changes nothing.
        XCTAssertEqual(hidden([[3, 10, 20], [6, 70, 40], [50, 60, 70], [59, 140, 130]]),
                       [[true, true, true], [true, false, true], [true, true, false], [false, false, false]])
    }

    func testHiddenTotalCountsAsAMember() {
        // Area X is hidden in `areas` (its §9 secondary) while both its cells are ≥ 5: the
        // smaller, X-A (6), goes, then column A takes Y-A (20). Pass 2: row Y takes Y-B (30),
        // then column B takes X-B (7).
        XCTAssertEqual(hidden([[6, 7], [20, 30], [26, 37]], totals: [true, false, false], values: ["A", "B"]),
                       [[true, true], [true, true], [false, false]])
        // All of X's respondents share value B: the hidden total hides that one cell, and the
        // column pass hides Y-B beside it.
        XCTAssertEqual(hidden([[0, 9], [20, 30], [20, 39]], totals: [true, false, false], values: ["A", "B"])[0..<2],
                       [[false, true], [true, true]])
    }

    func testEmptyCellsAreNeitherMembersNorHidden() {
        // X-B has n = 0: row X's members are X-A and its total, both hidden. Column A takes Y-A,
        // row Y then Y-B; column B's only member is Y-B.
        XCTAssertEqual(hidden([[3, 0], [10, 12], [13, 12]], totals: [true, false, false], values: ["A", "B"]),
                       [[true, false], [true, true], [false, false]])
    }

    func testTiesGoToTheAreaThatSortsFirstByCodePoint() {
        // Column A: Zeta-A hidden (2); Beta-A and alpha-A tie at 8: "Beta" < "alpha" by code point.
        let result = hidden([[2, 30], [8, 30], [8, 30], [18, 90]], areas: ["Zeta", "alpha", "Beta", "All areas"],
                            values: ["A", "B"])
        XCTAssertEqual(result[2][0], true)
        XCTAssertEqual(result[1][0], false)
        // Row ties: Zeta's only shown cells tie at 30 → value "B" < "C".
        XCTAssertEqual(hidden([[2, 30, 30], [40, 40, 40], [42, 70, 70]], areas: ["Zeta", "Yon", "All areas"])[0],
                       [true, true, false])
    }

    /// Random tables (seeded): after the pass, no line whose total is shown has exactly one
    /// hidden member among two or more cells with n > 0 (a single-cell line's cell is its
    /// total); primary cells stay hidden, empty cells are never hidden.
    func testNoShownLineHasExactlyOneHiddenMember() {
        var state: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var cascades = 0
        for _ in 0..<2_000 {
            let areaCount = 1 + next(6), valueCount = 1 + next(5)
            let cells = (0..<areaCount).map { _ in (0..<valueCount).map { _ in next(4) == 0 ? 0 : next(16) } }
            let all = (0..<valueCount).map { value in cells.reduce(0) { $0 + $1[value] } }
            let ns = cells + [all]
            let sums = ns.map { $0.reduce(0, +) }
            // A total is hidden by its own n, or (one time in eight) by the §9 secondary rule.
            let totals = sums.map { ($0 > 0 && $0 < 5) || ($0 > 0 && next(8) == 0) }
            let names = (0..<areaCount).map { "Area \($0)" } + ["All areas"]
            let values = (0..<valueCount).map { "V\($0)" }
            let result = TwoWaySuppression.hidden(ns: ns, rowTotalHidden: totals, areas: names, values: values,
                                                  minimum: 5)
            func check(_ line: [(Int, Int)], totalHidden: Bool, _ what: String) {
                let members = line.filter { ns[$0.0][$0.1] > 0 }
                guard !totalHidden, members.count >= 2 else { return }
                let count = members.filter { result[$0.0][$0.1] }.count
                XCTAssertNotEqual(count, 1, "\(what) of \(ns) with totals \(totals): \(result)")
            }
            for area in ns.indices {
                check(values.indices.map { (area, $0) }, totalHidden: totals[area], "row \(area)")
            }
            for value in values.indices {
                check((0..<areaCount).map { ($0, value) }, totalHidden: result[areaCount][value], "column \(value)")
            }
            for area in ns.indices {
                for value in values.indices {
                    let n = ns[area][value]
                    if n == 0 { XCTAssertFalse(result[area][value]) }
                    if n > 0 && n < 5 { XCTAssertTrue(result[area][value]) }
                }
            }
            let primary = ns.flatMap { $0 }.filter { $0 > 0 && $0 < 5 }.count
            if result.flatMap({ $0 }).filter({ $0 }).count > primary + 2 { cascades += 1 }
        }
        XCTAssertGreaterThan(cascades, 100, "the random tables exercise the secondary pass")
    }
}
