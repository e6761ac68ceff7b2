import XCTest
@testable import Score
import SurveyModel

/// Items on other scales than 1–5 (SPEC §4, §5): a 7-point `agree7` item and a
/// 1–6 user scale item in one construct, normalized (x − min) / (max − min) × 100,
/// with their favorable shares by each scale's ranges. Expected values worked out
/// by hand in the comments, from the answers, not from the code's units.
final class ScaleScoringTests: XCTestCase {
    /// 1–6, default ranges (even k: favorable 4–6, unfavorable 1–3, nothing neutral).
    private let six = Scale(name: "acc6", min: 1, max: 6)

    private var instrument: Instrument {
        let items = [
            Item(key: "a7", text: "Seven", scale: .agree7),
            Item(key: "s6", text: "Six", scale: six),
            Item(key: "r6", text: "Six reversed", scale: six, reversed: true),
            Item(key: "enps", text: "Recommend", scale: .zeroToTen),
        ]
        return Instrument(
            employee: SurveyForm(kind: .employee, idColumn: "id", items: items, recommendItem: "enps", breakdowns: []),
            customer: DefaultInstrument.value.customer,
            constructs: [Construct(name: "employee_life", label: "Life", survey: .employee, items: ["a7", "s6"])])
    }

    /// Stored codes are value − min + 1 (what ingest writes).
    private func table(_ rows: [[String: Int]], instrument: Instrument) -> ResponseTable {
        let form = instrument.employee
        var table = ResponseTable(kind: .employee, itemCount: form.items.count, breakdownCount: 0)
        for (index, row) in rows.enumerated() {
            table.answers += form.items.map { item in row[item.key].map { UInt8($0 - item.scale.min + 1) } ?? 0 }
            TestData.appendRowFacts(to: &table, area: 0, wave: TestData.q3, line: index + 2, id: "id\(index)")
        }
        return table
    }

    private func report(jobs: Int) throws -> ScoreReport {
        let rows: [[String: Int]] = [
            ["a7": 7, "s6": 6, "r6": 1], ["a7": 4, "s6": 1, "r6": 2], ["a7": 1, "s6": 4, "r6": 6],
            ["a7": 5], ["a7": 2, "s6": 3],
        ]
        var config = PipelineConfig(inputs: InputConfig(), areas: [Area(name: "Ops")], instrument: instrument)
        config.privacy.minGroupSize = 1
        let customers = ResponseTable(kind: .customer, itemCount: instrument.customer.items.count,
                                      breakdownCount: instrument.customer.breakdowns.count)
        return try ReportBuilder.build(employee: table(rows, instrument: instrument), customer: customers,
                                       config: config, wave: nil, jobs: jobs)
    }

    private func sampleVariance(_ values: [Double]) -> Double {
        let mean = values.reduce(0, +) / Double(values.count)
        return values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count - 1)
    }

    func testConstructOfASevenAndASixPointItem() throws {
        for jobs in [1, 3] {
            let life = try XCTUnwrap(try report(jobs: jobs).group("Ops").constructs.first?.result)
            // a7 (1–7): (x − 1) / 6 × 100; s6 (1–6): (x − 1) / 5 × 100. Scores (mean of answered items):
            // (100 + 100) / 2 = 100; (50 + 0) / 2 = 25; (0 + 60) / 2 = 30; 66.667 (a7 = 5 alone, 1 of 2 is
            // enough); (16.667 + 40) / 2 = 28.333. Mean 250 / 5 = 50.
            let scores = [100, 25, 30, 400.0 / 6, (100.0 / 6 + 40) / 2]
            XCTAssertEqual(life.n, 5)
            assertClose(life.mean, 50, accuracy: 1e-9)
            assertClose(life.sd, sampleVariance(scores).squareRoot(), accuracy: 1e-9)
            // Alpha over the 4 complete cases: a7 100, 50, 0, 16.667; s6 100, 0, 60, 40.
            let a7 = [100, 50, 0, 100.0 / 6], s6 = [100.0, 0, 60, 40]
            let total = zip(a7, s6).map { $0 + $1 }
            let alpha = 2 * (1 - (sampleVariance(a7) + sampleVariance(s6)) / sampleVariance(total))
            assertClose(life.alpha, alpha, accuracy: 1e-9)
        }
    }

    func testFavorableSharesFollowEachItemsScale() throws {
        let ops = try report(jobs: 1).group("Ops")
        // a7 answers 7 4 1 5 2: favorable 5–7 → {7, 5} 40%; neutral {4} 20%; unfavorable 1–3 → {1, 2} 40%.
        let a7 = try XCTUnwrap(ops.item("a7"))
        XCTAssertEqual(a7.n, 5)
        assertClose(a7.favorable, 40)
        assertClose(a7.neutral, 20)
        assertClose(a7.unfavorable, 40)
        // s6 answers 6 1 4 3: favorable 4–6 → {6, 4} 50%; unfavorable 1–3 → {1, 3} 50%; no neutral on 6 points.
        let s6 = try XCTUnwrap(ops.item("s6"))
        XCTAssertEqual(s6.n, 4)
        assertClose(s6.favorable, 50)
        assertClose(s6.neutral, 0)
        assertClose(s6.unfavorable, 50)
        // r6 (reversed) answers 1 2 6: favorable = the unfavorable range 1–3 → 2 of 3; unfavorable {6} 1 of 3.
        let r6 = try XCTUnwrap(ops.item("r6"))
        assertClose(r6.favorable, 200.0 / 3)
        assertClose(r6.neutral, 0)
        assertClose(r6.unfavorable, 100.0 / 3)
    }

    func testDriverOnASevenPointItemUsesItsNormalizedValues() throws {
        // leadership = [a7] (1–7), employee_life = [s6] (1–6); 36 respondents cycling a7 1…6 and s6 1…6.
        let instrument = Instrument(
            employee: self.instrument.employee, customer: DefaultInstrument.value.customer,
            constructs: [Construct(name: "leadership", label: "Lead", survey: .employee, items: ["a7"]),
                         Construct(name: "employee_life", label: "Life", survey: .employee, items: ["s6"])])
        let rows: [[String: Int]] = (0..<36).map { ["a7": $0 % 6 + 1 + ($0 % 7 == 0 ? 1 : 0), "s6": ($0 / 6) % 6 + 1] }
        var config = PipelineConfig(inputs: InputConfig(), areas: [Area(name: "Ops")], instrument: instrument)
        config.privacy.minGroupSize = 1
        let customers = ResponseTable(kind: .customer, itemCount: instrument.customer.items.count,
                                      breakdownCount: instrument.customer.breakdowns.count)
        let report = try ReportBuilder.build(employee: table(rows, instrument: instrument), customer: customers,
                                             config: config, wave: nil, jobs: 2)
        let driver = try XCTUnwrap(report.group("Ops").allDrivers?.first { $0.item == "a7" })
        let x = rows.map { Double($0["a7"]! - 1) / 6 * 100 }, y = rows.map { Double($0["s6"]! - 1) / 5 * 100 }
        let mx = x.reduce(0, +) / 36, my = y.reduce(0, +) / 36
        let sxy = zip(x, y).map { ($0 - mx) * ($1 - my) }.reduce(0, +)
        let r = sxy / (x.map { ($0 - mx) * ($0 - mx) }.reduce(0, +) * y.map { ($0 - my) * ($0 - my) }.reduce(0, +)).squareRoot()
        XCTAssertEqual(driver.n, 36)
        XCTAssertEqual(driver.mean, mx, accuracy: 1e-9)
        XCTAssertEqual(driver.impact, r, accuracy: 1e-9)
        XCTAssertEqual(driver.priority, max(r, 0) * (100 - mx), accuracy: 1e-9)
    }
}
