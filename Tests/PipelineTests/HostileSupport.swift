import Foundation
import Pipeline
import SurveyModel
import XCTest

/// Runs the pipeline on hostile inputs: Tests/Fixtures/tiny/pipeline.json with the
/// inputs replaced by absolute paths, written to a temporary folder, the quality
/// gate opened to 100% so that rejected rows never stop a run, and a fresh output folder.
enum Hostile {
    /// What a run that finished wrote.
    struct Report {
        let json: [String: Any]
        let outcome: RunOutcome
        /// The rejects file's rows (after its header): file, line, reason, column, raw fields…
        let rejects: [[String]]

        /// The JSON `inputs` entry of a file, found by its path's last component.
        func input(_ name: String) throws -> [String: Any] {
            let inputs = json["inputs"] as? [[String: Any]] ?? []
            return try XCTUnwrap(inputs.first { ($0["path"] as? String)?.hasSuffix("/" + name) == true },
                                 "no input \(name) in \(inputs.map { $0["path"] ?? "?" })")
        }

        /// The rejected rows of one file as (line, reason, column).
        func rejected(_ name: String) -> [(line: Int, reason: String, column: String)] {
            rejects.filter { $0[0].hasSuffix("/" + name) }.map { (Int($0[1]) ?? -1, $0[2], $0[3]) }
        }
    }

    static let goodEmployees = Fixtures.path("tiny/employees.csv")
    static let goodCustomers = Fixtures.path("tiny/customers.csv")

    static func file(_ name: String) -> String { Fixtures.path("hostile/" + name) }

    /// A config for these inputs, written into a new temporary folder; returns its path.
    static func config(employees: [String], customers: [String], maxFieldBytes: Int? = nil) throws -> String {
        var config = try XCTUnwrap(Fixtures.json("tiny/pipeline.json") as? [String: Any])
        config["inputs"] = ["employees": employees, "customers": customers]
            .merging(maxFieldBytes.map { ["max_field_bytes": $0] } ?? [:]) { first, _ in first }
        config["quality_gate"] = ["max_reject_fraction": 1.0]
        let folder = try Fixtures.temporaryFolder()
        config["output"] = ["folder": folder + "/out", "report_name": "hostile"]
        let path = folder + "/pipeline.json"
        try JSONSerialization.data(withJSONObject: config).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func options(employees: [String], customers: [String], maxFieldBytes: Int? = nil) throws -> RunOptions {
        var options = RunOptions()
        options.configPath = try config(employees: employees, customers: customers, maxFieldBytes: maxFieldBytes)
        options.log = RunLog(format: .text, quiet: true)
        return options
    }

    /// Runs to the end and reads back the JSON and the rejects; fails the test on an error.
    static func run(employees: [String] = [goodEmployees], customers: [String] = [goodCustomers],
                    maxFieldBytes: Int? = nil, file: StaticString = #filePath, line: UInt = #line) throws -> Report {
        let outcome: RunOutcome
        do {
            outcome = try Runner.run(try options(employees: employees, customers: customers, maxFieldBytes: maxFieldBytes))
        } catch {
            XCTFail("the run failed: \(error)", file: file, line: line)
            throw error
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: outcome.jsonPath))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let report = Report(json: json, outcome: outcome, rejects: try RejectsFile.rows(outcome.rejectsPath))
        reconcile(report, file: file, line: line)
        return report
    }

    /// The error a run stops with; fails the test when it finishes instead.
    static func failure(employees: [String] = [goodEmployees], customers: [String] = [goodCustomers],
                        file: StaticString = #filePath, line: UInt = #line) throws -> PipelineError {
        do {
            let outcome = try Runner.run(try options(employees: employees, customers: customers))
            XCTFail("expected a failure, the run published \(outcome.jsonPath)", file: file, line: line)
            throw NoFailure()
        } catch let error as PipelineError {
            return error
        }
    }

    struct NoFailure: Error {}

    /// SPEC §7 and §8.1: per input, rows_read = accepted + rejected, and the rejects
    /// file holds exactly `rejected` rows of that input.
    static func reconcile(_ report: Report, file: StaticString = #filePath, line: UInt = #line) {
        for input in report.json["inputs"] as? [[String: Any]] ?? [] {
            let path = input["path"] as? String ?? "?"
            let read = input["rows_read"] as? Int ?? -1
            let accepted = input["accepted"] as? Int ?? -1
            let rejected = input["rejected"] as? Int ?? -1
            XCTAssertEqual(read, accepted + rejected, "\(path): read ≠ accepted + rejected", file: file, line: line)
            XCTAssertEqual(report.rejects.filter { $0.first == path }.count, rejected,
                           "\(path): rows in the rejects file", file: file, line: line)
        }
    }

    /// Asserts an input error (exit 3) whose message names `path` and says `words`.
    static func assertInputError(_ error: PipelineError, naming path: String, saying words: String,
                                 file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(error.exitCode, 3, "\(error)", file: file, line: line)
        XCTAssertTrue(error.description.contains(path), "\(error) does not name \(path)", file: file, line: line)
        XCTAssertTrue(error.description.contains(words), "\(error) does not say \(words)", file: file, line: line)
    }

    /// The employee header of the default instrument, and a valid row in area Ops on 2026-07-0`day`.
    static let employeeHeader = "respondent_id,submitted_at,area,role,lead_vision,lead_mobilize,lead_momentum,"
        + "lead_inspire,lead_empower,lead_urgency,mgmt_buyin,mgmt_control,mgmt_budget,mgmt_planned,life_easier,"
        + "life_time,life_lasting,waste_defects,waste_overproduction,waste_waiting,waste_talent,waste_transport,"
        + "waste_inventory,waste_motion,waste_processing,enps,comment"

    static func employeeRow(_ day: Int, vision: String = "4", comment: String = "ok") -> String {
        "E\(day),2026-07-0\(day),Ops,Frontline,\(vision),4,4,4,4,4,3,3,3,3,4,4,4,2,2,2,2,2,2,2,2,9,\(comment)"
    }

    /// Writes bytes to a new temporary file and returns its path.
    static func write(_ data: Data, named name: String) throws -> String {
        let path = try Fixtures.temporaryFolder() + "/" + name
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }
}
