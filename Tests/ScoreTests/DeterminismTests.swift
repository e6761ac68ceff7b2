import XCTest
@testable import Score
import SurveyModel

/// SPEC §6: the scoring core's results do not depend on the number of jobs. A seeded
/// table of 200,000 employee and 60,000 customer rows (several 32,768-row chunks) is
/// scored with jobs 1, 2 and 8, and every Double of the report is compared bit for bit.
final class DeterminismTests: XCTestCase {
    private typealias T = TestData

    /// Knuth's MMIX linear congruential generator: the same sequence on every platform.
    private struct LCG {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    /// Areas: Alpha, Beta, Gamma share the rows; Tiny gets 2–4 rows of the report wave (suppression paths).
    /// An answer is missing one time in ten; a respondent's general mood shifts every answer so
    /// constructs correlate and drivers have non-zero impact.
    private static func table(_ kind: SurveyKind, rows: Int, seed: UInt64) -> ResponseTable {
        let form = T.instrument.form(kind)
        var random = LCG(state: seed)
        var table = ResponseTable(kind: kind, itemCount: form.items.count, breakdownCount: form.breakdowns.count)
        // Breakdown values, "frontline" the same value as "Frontline" (SPEC §5.3).
        let values = ["", "Frontline", "Manager", "frontline"]
        for column in table.breakdownPools.indices { for value in values { _ = table.breakdownPools[column].intern(value) } }
        table.answers.reserveCapacity(rows * form.items.count)
        for row in 0..<rows {
            let mood = random.next(3) - 1
            for item in form.items {
                if random.next(10) == 0 { table.answers.append(0); continue }
                if item.scale == .zeroToTen {
                    table.answers.append(UInt8(1 + min(10, max(0, random.next(11) + 2 * mood))))
                } else {
                    let value = min(5, max(1, 1 + random.next(5) + (item.reversed ? -mood : mood)))
                    table.answers.append(UInt8(value))
                }
            }
            let tiny = row % 50_000 == 7  // rows 7, 50,007, …: Tiny, report wave
            let area = tiny ? 3 : random.next(3)
            T.appendRowFacts(to: &table, area: area, wave: tiny ? T.q3 : [T.q1, T.q2, T.q3][random.next(3)],
                             line: row + 2, id: "r\(row)")
            for column in table.breakdowns.indices {
                table.breakdowns[column][row] = UInt32((row * 7 + column) % values.count)
            }
        }
        return table
    }

    private static let employees = table(.employee, rows: 200_000, seed: 20_263)
    private static let customers = table(.customer, rows: 60_000, seed: 42)

    /// Every number of the report as bit patterns (nil as a marker NaN cannot produce).
    private static func fingerprint(_ report: ScoreReport) -> [UInt64] {
        var out: [UInt64] = []
        func add(_ value: Double?) { out.append(value.map(\.bitPattern) ?? 0xDEAD_0000_0000_BEEF) }
        func add(_ value: Int) { out.append(UInt64(bitPattern: Int64(value))) }
        func add(_ nps: NPSResult) {
            add(nps.n)
            for value in [nps.score, nps.promoters, nps.passives, nps.detractors, nps.ciLow, nps.ciHigh] { add(value) }
            add(nps.suppressed ? 1 : 0)
        }
        for group in report.areas {
            add(group.employeeN)
            add(group.customerN)
            for (_, construct) in group.constructs {
                add(construct.n)
                for value in [construct.mean, construct.sd, construct.ciLow, construct.ciHigh, construct.alpha] {
                    add(value)
                }
                add(construct.suppressed ? 1 : 0)
            }
            for (_, item) in group.items {
                add(item.n)
                for value in [item.favorable, item.neutral, item.unfavorable] { add(value) }
            }
            add(group.enps)
            add(group.nps)
            for value in [group.lmi, group.readiness, group.differenceGap, group.responseRate] { add(value) }
            add(group.allDrivers?.count ?? -1)
            for driver in group.allDrivers ?? [] {
                add(driver.n)
                for value in [driver.impact, driver.mean, driver.priority] { add(value) }
            }
        }
        for point in report.trends {
            for value in [point.readiness, point.employeeLife, point.customerLife, point.lmi] { add(value) }
        }
        for (_, items) in report.psychometrics {
            for item in items { add(item.rDrop); add(item.alphaIfDropped) }
        }
        for flag in report.evaporation {
            add(flag.peak); add(flag.latest); add(flag.drop); add(flag.significant.map { $0 ? 1 : 0 } ?? -1)
        }
        for group in report.areas {
            for (_, change) in group.changes {
                add(change?.delta); add(change?.pValue); add(change.map { $0.significant ? 1 : 0 } ?? -1)
            }
        }
        for breakdown in report.breakdowns {
            for value in breakdown.values { value.utf8.forEach { add(Int($0)) } }
            for row in breakdown.cells {
                for cell in row {
                    add(cell.n)
                    for figure in cell.constructs + [cell.recommend] {
                        add(figure.n); add(figure.value); add(figure.suppressed ? 1 : 0)
                    }
                }
            }
        }
        return out
    }

    func testResultsDoNotDependOnJobs() throws {
        XCTAssertGreaterThan(Self.employees.count, 6 * ScoringCore.chunkRows, "several chunks")
        var config = T.config(areas: ["Alpha", "Beta", "Gamma", "Tiny"], headcounts: [80_000, 80_000, 80_000, 10])
        config.privacy.minGroupSize = 5
        var prints: [Int: [UInt64]] = [:]
        for jobs in [1, 2, 8] {
            let report = try ReportBuilder.build(employee: Self.employees, customer: Self.customers, config: config,
                                                 wave: nil, jobs: jobs)
            prints[jobs] = Self.fingerprint(report)
            if jobs == 1 {
                // The data exercise what is compared: drivers exist, alpha exists, Tiny is hidden.
                XCTAssertNotNil(report.group("Alpha").allDrivers)
                XCTAssertNotNil(report.group("All areas").construct("leadership")?.alpha)
                XCTAssertEqual(report.group("Tiny").construct("leadership")?.suppressed, true)
                XCTAssertEqual(report.trends.count, 3 * 5)
                // role, segment, channel; each "frontline" / "Frontline" once, by whichever came first.
                XCTAssertEqual(report.breakdowns.map(\.values.count), [3, 3, 3])
                XCTAssertNotNil(report.group("Alpha").changes.first?.change)
            }
        }
        let one = try XCTUnwrap(prints[1])
        XCTAssertGreaterThan(one.count, 1_000)
        XCTAssertEqual(prints[2], one, "jobs 2 differs from jobs 1")
        XCTAssertEqual(prints[8], one, "jobs 8 differs from jobs 1")
    }

    func testAggregatesMatchAcrossJobs() throws {
        // The integer totals themselves, straight from the core.
        let layout = AggregateLayout(instrument: T.instrument, kind: .employee, minAnsweredFraction: 0.5)
        let waves = [T.q1, T.q2, T.q3]
        let one = try ScoringCore.aggregate(Self.employees, layout: layout, waves: waves, areaCount: 4, jobs: 1)
        for jobs in [2, 3, 8, 64] {
            let other = try ScoringCore.aggregate(Self.employees, layout: layout, waves: waves, areaCount: 4, jobs: jobs)
            XCTAssertEqual(other.totals, one.totals, "jobs \(jobs)")
        }
        // Every row lands in exactly one (wave, area) group.
        let rows = (0..<3).flatMap { wave in (0..<4).map { one.group(wave: wave, area: $0).first ?? 0 } }
        XCTAssertEqual(rows.reduce(0, +), Int64(Self.employees.count))
    }
}
