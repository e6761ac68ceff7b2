import Foundation
import Pipeline
import SurveyModel
import XCTest

/// Whole runs on small fixtures: figures checked against hand arithmetic,
/// byte-identical outputs for every --jobs, the quality gate and its exit code.
final class EndToEndTests: XCTestCase {
    /// Tests/Fixtures/tiny: one area, five employees whose six lead_* answers are all
    /// 5, 4, 4, 3, 2; mgmt all 3; life 4, 4, 3, 3, 2; waste all 2; eNPS 10, 9, 8, 6, 0.
    /// Five customers: cx all 4; cx_difference 5, 5, 4, 4, 3; NPS 10, 10, 10, 7, 3.
    /// Plus a duplicate of E5 with an earlier date and a row with the invalid value 7.
    func testTinyFixtureMatchesHandArithmetic() throws {
        let json = try run(config: "tiny/pipeline.json").json
        let area = try XCTUnwrap((json["areas"] as? [[String: Any]])?.first)
        let constructs = try XCTUnwrap(area["constructs"] as? [String: [String: Any]])
        // leadership: (x−1)/4·100 = 100, 75, 75, 50, 25 → mean 325/5 = 65;
        // squared deviations 35² + 10² + 10² + 15² + 40² = 3250 → SD = √(3250/4) = 28.50438562747845
        XCTAssertEqual(constructs["leadership"]?["mean"] as? Double ?? 0, 65, accuracy: 1e-9)
        XCTAssertEqual(constructs["leadership"]?["sd"] as? Double ?? 0, 28.50438562747845, accuracy: 1e-9)
        // CI: t(0.975, 4) = 2.7764451 → half-width 2.7764451 · 28.504386 / √5 = 35.392869
        XCTAssertEqual(constructs["leadership"]?["ci_low"] as? Double ?? 0, 65 - 35.392869, accuracy: 1e-5)
        // six identical items: alpha = 6/5 · (1 − 6·v / 36·v) = 1
        XCTAssertEqual(constructs["leadership"]?["alpha"] as? Double ?? 0, 1, accuracy: 1e-12)
        // management: every answer 3 → 50, SD 0, alpha undefined (zero total variance)
        XCTAssertEqual(constructs["management"]?["mean"] as? Double ?? 0, 50, accuracy: 1e-9)
        XCTAssertTrue(constructs["management"]?["alpha"] is NSNull)
        // life 75, 75, 50, 50, 25 → 55; waste answer 2 reversed → 100 − 25 = 75; customer_life 100, 100, 75, 75, 50 → 80
        XCTAssertEqual(constructs["employee_life"]?["mean"] as? Double ?? 0, 55, accuracy: 1e-9)
        XCTAssertEqual(constructs["low_waste"]?["mean"] as? Double ?? 0, 75, accuracy: 1e-9)
        XCTAssertEqual(constructs["customer_life"]?["mean"] as? Double ?? 0, 80, accuracy: 1e-9)
        // LMI 65 − 50 = 15; leadership ≥ 60 and management < 60 → "Led, loosely managed"
        XCTAssertEqual(area["lmi"] as? Double ?? 0, 15, accuracy: 1e-9)
        XCTAssertEqual(area["quadrant"] as? String, "Led, loosely managed")
        // readiness 0.30·65 + 0.10·50 + 0.20·55 + 0.15·75 + 0.25·80 = 66.75 → Emerging
        XCTAssertEqual(area["readiness"] as? Double ?? 0, 66.75, accuracy: 1e-9)
        XCTAssertEqual(area["band"] as? String, "Emerging")
        XCTAssertEqual(area["difference_gap"] as? Double ?? 0, -25, accuracy: 1e-9)
        XCTAssertEqual(area["response_rate"] as? Double ?? 0, 0.5, accuracy: 1e-12)  // 5 / headcount 10
        // eNPS: promoters 10, 9 (40%), detractors 6, 0 (40%) → 0; interval ± 1.96·100·√(0.8/5) = ± 78.4
        let enps = try XCTUnwrap(area["enps"] as? [String: Any])
        XCTAssertEqual(enps["score"] as? Double ?? 1, 0, accuracy: 1e-9)
        XCTAssertEqual(enps["ci_high"] as? Double ?? 0, 78.4, accuracy: 1e-9)
        // NPS: 60% − 20% = 40; ± 1.96·100·√((0.8 − 0.16)/5) = ± 70.1231 → high clipped to 100
        let nps = try XCTUnwrap(area["nps"] as? [String: Any])
        XCTAssertEqual(nps["score"] as? Double ?? 0, 40, accuracy: 1e-9)
        XCTAssertEqual(nps["ci_low"] as? Double ?? 0, 40 - 70.12309177, accuracy: 1e-6)
        XCTAssertEqual(nps["ci_high"] as? Double ?? 0, 100, accuracy: 1e-12)
        XCTAssertEqual(json["rejected_by_reason"] as? [String: Int],
                       ["field_count": 0, "field_too_long": 0, "encoding": 0, "not_a_response": 0, "missing_id": 0,
                        "bad_date": 0, "unknown_area": 0, "invalid_value": 1, "duplicate": 1])
    }

    func testOutputsAreByteIdenticalForEveryJobCount() throws {
        var outputs: [[Data]] = []
        for jobs in [1, 2, 8] {
            let result = try run(config: "tiny/pipeline.json", jobs: jobs, useSamples: true)
            outputs.append(try ["json", "rejects.csv", "xlsx", "comments.csv"].map {
                try Data(contentsOf: URL(fileURLWithPath: result.base + "." + $0))
            })
        }
        XCTAssertEqual(outputs[0], outputs[1])
        XCTAssertEqual(outputs[0], outputs[2])
        XCTAssertGreaterThan(outputs[0][2].count, 10_000)
    }

    func testQualityGateKeepsThePreviousWorkbook() throws {
        let out = try Fixtures.temporaryFolder()
        var options = RunOptions()
        options.configPath = Fixtures.path("tiny/pipeline.json")
        options.outputFolder = out
        options.log = RunLog(format: .text, quiet: true)
        let first = try Runner.run(options)
        let workbook = try Data(contentsOf: URL(fileURLWithPath: try XCTUnwrap(first.workbookPath)))
        let json = try Data(contentsOf: URL(fileURLWithPath: first.jsonPath))
        // Same inputs with a stricter gate: 2 of 12 rows rejected (16.7%) > 10%.
        let strict = try Fixtures.temporaryFolder() + "/pipeline.json"
        var config = try XCTUnwrap(Fixtures.json("tiny/pipeline.json") as? [String: Any])
        config["quality_gate"] = ["max_reject_fraction": 0.1]
        config["inputs"] = ["employees": [Fixtures.path("tiny/employees.csv")],
                            "customers": [Fixtures.path("tiny/customers.csv")]]
        try JSONSerialization.data(withJSONObject: config).write(to: URL(fileURLWithPath: strict))
        options.configPath = strict
        XCTAssertThrowsError(try Runner.run(options)) { error in
            XCTAssertEqual((error as? PipelineError)?.exitCode, 4)
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: try XCTUnwrap(first.workbookPath))), workbook)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: first.jsonPath)), json)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/readiness-2026-Q3.failed.json"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/readiness-2026-Q3.failed.rejects.csv"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out)
            .filter { $0.hasPrefix(".survey-pipeline-tmp-") }
        XCTAssertEqual(leftovers, [])
        // The next successful run removes the failed pair.
        options.configPath = Fixtures.path("tiny/pipeline.json")
        _ = try Runner.run(options)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out + "/readiness-2026-Q3.failed.json"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: out + "/readiness-2026-Q3.failed.rejects.csv"))
    }

    private func run(config: String, jobs: Int? = nil,
                     useSamples: Bool = false) throws -> (json: [String: Any], base: String) {
        var options = RunOptions()
        options.configPath = Fixtures.path(config)
        options.outputFolder = try Fixtures.temporaryFolder()
        options.jobs = jobs
        options.log = RunLog(format: .text, quiet: true)
        if useSamples {
            let samples = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("samples")
            options.configPath = samples.deletingLastPathComponent().appendingPathComponent("pipeline.json").path
            options.employees = [samples.appendingPathComponent("employees.csv").path]
            options.customers = [samples.appendingPathComponent("customers.csv").path]
        }
        let outcome = try Runner.run(options)
        let data = try Data(contentsOf: URL(fileURLWithPath: outcome.jsonPath))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        return (json, String(outcome.jsonPath.dropLast(".json".count)))
    }
}
