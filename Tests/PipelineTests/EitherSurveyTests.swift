import Foundation
import Pipeline
import SurveyModel
import XCTest

/// SPEC §3.7: either survey alone. The absent survey's figures are null (not suppressed), its
/// components are listed as missing, a path that matches nothing is an input error, and with
/// neither survey the run is a config error.
final class EitherSurveyTests: XCTestCase {
    /// Tests/Fixtures/tiny's config with `inputs` replaced, written to a scratch folder.
    private func options(employees: [String], customers: [String],
                         edit: (inout [String: Any]) -> Void = { _ in }) throws -> RunOptions {
        let tiny = Fixtures.path("tiny")
        var config = try XCTUnwrap(try Fixtures.json("tiny/pipeline.json") as? [String: Any])
        edit(&config)
        config["inputs"] = ["employees": employees.map { "\(tiny)/\($0)" }, "customers": customers.map { "\(tiny)/\($0)" }]
        let folder = try Fixtures.temporaryFolder()
        let path = folder + "/pipeline.json"
        try JSONSerialization.data(withJSONObject: config).write(to: URL(fileURLWithPath: path))
        var options = RunOptions()
        options.configPath = path
        options.outputFolder = folder + "/out"
        options.log = RunLog(format: .text, quiet: true)
        return options
    }

    func testAnEmployeeOnlyRunScoresWhatItHas() throws {
        let outcome = try Runner.run(options(employees: ["employees.csv"], customers: []))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: outcome.jsonPath)))
                                 as? [String: Any])
        let area = try XCTUnwrap((json["areas"] as? [[String: Any]])?.first)
        XCTAssertEqual(area["customer_n"] as? Int, 0)
        let nps = try XCTUnwrap(area["nps"] as? [String: Any])
        XCTAssertTrue(nps["score"] is NSNull)
        XCTAssertEqual(nps["suppressed"] as? Bool, false)
        XCTAssertEqual(area["missing_components"] as? [String], ["customer_life"])
        XCTAssertTrue(area["difference_gap"] is NSNull)
        // Readiness over the employee components of the tiny set (EndToEndTests): leadership 65,
        // management 50, employee_life 55, low_waste 75 with weights .30, .10, .20, .15:
        // (19.5 + 5 + 11 + 11.25) / 0.75 = 62.333…
        XCTAssertEqual(area["readiness"] as? Double ?? 0, 46.75 / 0.75, accuracy: 1e-9)
        XCTAssertEqual((json["inputs"] as? [[String: Any]])?.count, 1)
    }

    /// SPEC §3.6: `"recommend_item": null` — a customer form without a 0–10 item has null NPS figures.
    func testAFormWithoutARecommendItemHasNullNPS() throws {
        let outcome = try Runner.run(options(employees: ["employees.csv"], customers: ["customers.csv"]) { config in
            var instrument = config["instrument"] as? [String: Any] ?? [:]
            var customer = instrument["customer"] as? [String: Any] ?? [:]
            customer["recommend_item"] = NSNull()
            instrument["customer"] = customer
            config["instrument"] = instrument
        })
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: outcome.jsonPath)))
                                 as? [String: Any])
        let area = try XCTUnwrap((json["areas"] as? [[String: Any]])?.first)
        let nps = try XCTUnwrap(area["nps"] as? [String: Any])
        XCTAssertEqual(nps["n"] as? Int, 0)
        XCTAssertTrue(nps["score"] is NSNull)
        // eNPS is untouched: 40% promoters − 40% detractors (EndToEndTests).
        XCTAssertEqual((area["enps"] as? [String: Any])?["score"] as? Double ?? 1, 0, accuracy: 1e-9)
        XCTAssertEqual(area["customer_n"] as? Int, 5)
    }

    /// SPEC §8: previews are not bad data. Tests/Fixtures/platforms/qualtrics_legacy.csv has 5 rows,
    /// 3 of them not responses: with them the reject share would be 3/5, without them it is 0/2.
    func testNotAResponseRowsStayOutOfTheQualityGate() throws {
        let folder = try Fixtures.temporaryFolder()
        let config: [String: Any] = [
            "inputs": ["employees": [Fixtures.path("platforms/qualtrics_legacy.csv")]],
            "areas": [["name": "Customer Service"]],
        ]
        try JSONSerialization.data(withJSONObject: config).write(to: URL(fileURLWithPath: folder + "/pipeline.json"))
        var options = RunOptions()
        options.configPath = folder + "/pipeline.json"
        options.outputFolder = folder + "/out"
        options.log = RunLog(format: .text, quiet: true)
        let outcome = try Runner.run(options)
        XCTAssertNotNil(outcome.workbookPath)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: outcome.jsonPath)))
                                 as? [String: Any])
        let input = try XCTUnwrap((json["inputs"] as? [[String: Any]])?.first)
        XCTAssertEqual(input["format"] as? String, "qualtrics")
        XCTAssertEqual(input["header_rows"] as? Int, 2)
        XCTAssertEqual(input["rows_read"] as? Int, 5)
        XCTAssertEqual(input["accepted"] as? Int, 2)
        XCTAssertEqual((json["rejected_by_reason"] as? [String: Int])?["not_a_response"], 3)
        let rejects = try RejectsFile.rows(outcome.rejectsPath)
        XCTAssertEqual(rejects.map { $0[1] }, ["4", "5", "6"])
    }

    func testNeitherSurveyIsAConfigError() throws {
        XCTAssertThrowsError(try Runner.run(options(employees: [], customers: []))) { error in
            XCTAssertEqual((error as? PipelineError)?.exitCode, 2)
        }
    }

    func testAGlobThatMatchesNothingIsAnInputError() throws {
        XCTAssertThrowsError(try Runner.run(options(employees: ["employees.csv"], customers: ["nothing-*.csv"]))) { error in
            XCTAssertEqual((error as? PipelineError)?.exitCode, 3)
            XCTAssertTrue("\(error)".contains("nothing-*.csv"), "\(error)")
        }
    }
}
