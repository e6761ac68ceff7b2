import Foundation
import Pipeline
import SurveyModel
import XCTest

/// `validate` predicts `run` (SPEC §8): the same exit status on every kind of outcome, the
/// counts and example rejects of each input, and nothing written.
final class ValidateTests: XCTestCase {
    /// The tiny fixture's config with its inputs pointed at `employees` and `customers`, edited.
    private func config(employees: [String] = [Fixtures.path("tiny/employees.csv")],
                        customers: [String] = [Fixtures.path("tiny/customers.csv")],
                        _ edit: (inout [String: Any]) -> Void = { _ in }) throws -> String {
        var json = try XCTUnwrap(Fixtures.json("tiny/pipeline.json") as? [String: Any])
        json["inputs"] = ["employees": employees, "customers": customers]
        edit(&json)
        let path = try Fixtures.temporaryFolder() + "/pipeline.json"
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The exit status of `validate` and of `run` on the same config; `run` writes into a scratch folder.
    private func statuses(_ config: String, in folder: String? = nil) throws -> (validate: Int32, run: Int32) {
        let binary = try CLI.binary()
        let validate = try CLI.output(binary, ["validate", "--config", config], in: folder).status
        let out = try Fixtures.temporaryFolder()
        let run = try CLI.output(binary, ["run", "--config", config, "--out", out, "--quiet"], in: folder).status
        return (validate, run)
    }

    private func write(_ name: String, _ lines: [String]) throws -> String {
        let path = try Fixtures.temporaryFolder() + "/" + name
        try Data(lines.map { $0 + "\n" }.joined().utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The header line of a tiny fixture file.
    private func header(_ name: String) throws -> String {
        String(try String(contentsOfFile: Fixtures.path("tiny/" + name), encoding: .utf8).prefix { $0 != "\n" })
    }

    func testSamplesExitZeroLikeRun() throws {
        let root = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent().path
        let result = try statuses("pipeline.json", in: root)
        XCTAssertEqual(result.validate, 0)
        XCTAssertEqual(result.validate, result.run)
    }

    func testMissingColumnExitsThreeLikeRun() throws {
        let result = try statuses(try config(employees: [Fixtures.path("hostile/missing-column.csv")]))
        XCTAssertEqual(result.validate, 3)
        XCTAssertEqual(result.validate, result.run)
    }

    func testConfigErrorExitsTwoLikeRun() throws {
        let result = try statuses(try config { $0["areas"] = [["name": "Operations", "headcount": "ten"]] })
        XCTAssertEqual(result.validate, 2)
        XCTAssertEqual(result.validate, result.run)
    }

    /// 2 of 12 tiny rows rejected (16.7%) against a 10% gate.
    func testOverTheGateExitsFourLikeRun() throws {
        let result = try statuses(try config { $0["quality_gate"] = ["max_reject_fraction": 0.1] })
        XCTAssertEqual(result.validate, 4)
        XCTAssertEqual(result.validate, result.run)
    }

    /// Every row of both surveys rejected: nothing to score is an input error (3), before the gate.
    func testNothingAcceptedExitsThreeLikeRun() throws {
        let employees = try write("employees.csv", [try header("employees.csv"),
            "E1,2026-07-01,Atlantis,Frontline,5,5,5,5,5,5,3,3,3,3,4,4,4,2,2,2,2,2,2,2,2,10,x"])
        let customers = try write("customers.csv", [try header("customers.csv"),
            "C1,not a date,Operations,SMB,Web,4,4,4,5,10,"])
        let result = try statuses(try config(employees: [employees], customers: [customers]))
        XCTAssertEqual(result.validate, 3)
        XCTAssertEqual(result.validate, result.run)
    }

    /// A hand-made file with known bad rows: the first three of each reason, in line order, with
    /// the column and the value as written (cut at 80 characters, control characters escaped).
    func testExamplesNameLineColumnAndValue() throws {
        let good = "2026-07-02,Ops,Frontline,5,5,5,5,5,5,3,3,3,3,4,4,4,2,2,2,2,2,2,2,2,10,x"
        let long = String(repeating: "y", count: 100)
        let employees = try write("employees.csv", [try header("employees.csv"),
            "E1," + good,                                                          // 2
            "E2,2026-02-30,Ops,Frontline,5,5,5,5,5,5,3,3,3,3,4,4,4,2,2,2,2,2,2,2,2,10,x",   // 3 bad_date
            "E3,\(long),Ops,Frontline,5,5,5,5,5,5,3,3,3,3,4,4,4,2,2,2,2,2,2,2,2,10,x",       // 4 bad_date
            "E4,\"a\u{1}b\",Ops,Frontline,5,5,5,5,5,5,3,3,3,3,4,4,4,2,2,2,2,2,2,2,2,10,x",   // 5 bad_date
            "E5,yesterday,Ops,Frontline,5,5,5,5,5,5,3,3,3,3,4,4,4,2,2,2,2,2,2,2,2,10,x",     // 6 bad_date (4th)
            "E6,2026-07-01,Ops,Frontline,5,5,5,5,5,5,3,3,3,3,4,4,4,agree,2,2,2,2,2,2,2,10,x", // 7 invalid_value
            "E7,2026-07-01,Ops,Frontline",                                         // 8 field_count
            "E1,2026-07-01,Ops,Frontline,5,5,5,5,5,5,3,3,3,3,4,4,4,2,2,2,2,2,2,2,2,10,x",    // 9 duplicate
        ])
        var options = RunOptions()
        options.configPath = try config(employees: [employees])
        let report = Validator.check(options)
        XCTAssertEqual(report.exitCode, 4, "7 of 13 rows rejected (53.8%) against the tiny config's 50% gate: \(report.text())")
        let input = try XCTUnwrap(report.inputs.first)
        XCTAssertEqual(input.summary?.rowsRead, 8)
        XCTAssertEqual(input.summary?.accepted, 1)
        let examples = input.examples
        XCTAssertEqual(examples[.badDate]?.map(\.line), [3, 4, 5])
        XCTAssertEqual(examples[.badDate]?.map(\.column), ["submitted_at", "submitted_at", "submitted_at"])
        XCTAssertEqual(examples[.badDate]?.map(\.value), ["2026-02-30", long, "a\u{1}b"])
        XCTAssertEqual(examples[.invalidValue], [RejectExample(file: employees, line: 7, column: "waste_defects",
                                                               value: "agree", fields: 27, expectedFields: 27)])
        XCTAssertEqual(examples[.fieldCount]?.map(\.line), [8])
        XCTAssertEqual(examples[.fieldCount]?.first?.fields, 4)
        XCTAssertEqual(examples[.duplicate]?.map(\.line), [9])
        XCTAssertEqual(examples[.duplicate]?.first?.value, "E1")
        let text = report.text()
        XCTAssertTrue(text.contains("    bad_date: 4\n      \(employees):3: column submitted_at, value \"2026-02-30\"\n"
                                    + "      \(employees):4: column submitted_at, value \"\(String(repeating: "y", count: 80))…\"\n"
                                    + "      \(employees):5: column submitted_at, value \"a\\u0001b\"\n"
                                    + "    invalid_value: 1\n"), text)
        XCTAssertTrue(text.contains("\(employees):8: 4 fields, the header has 27\n"), text)
    }

    /// validate predicts run on the v2 conformance sets (platform header rows, encodings): per file the
    /// header rows, rows read and accepted rows of the independent implementation's expected.json.
    func testConformanceV2FilesAsTheIndependentImplementationReadThem() throws {
        for set in ["qualtrics-7pt", "forms-cp1252", "surveymonkey-utf16"] {
            var options = RunOptions()
            options.configPath = Fixtures.path("conformance-v2/\(set)/pipeline.json")
            let report = Validator.check(options)
            XCTAssertEqual(report.exitCode, 0, report.text())
            let expected = try XCTUnwrap(try Fixtures.json("conformance-v2/\(set)/expected.json") as? [String: Any])
            let inputs = try XCTUnwrap(expected["inputs"] as? [[String: Any]])
            XCTAssertEqual(report.inputs.map { ($0.path as NSString).lastPathComponent }, inputs.map { $0["path"] as? String })
            for (check, want) in zip(report.inputs, inputs) {
                XCTAssertEqual(check.summary?.headerRows, want["header_rows"] as? Int, "\(set)/\(check.path)")
                XCTAssertEqual(check.summary?.rowsRead, want["rows_read"] as? Int, "\(set)/\(check.path)")
                XCTAssertEqual(check.summary?.accepted, want["accepted"] as? Int, "\(set)/\(check.path)")
            }
        }
    }

    /// The tiny fixture, checked by hand: employees lines 2–8 are E1…E5, E5 again with an earlier
    /// date (line 7, the losing copy) and E6 with lead_vision 7 (line 8); five good customers.
    /// 2 of 12 rows rejected = 16.7% against the fixture's 50% gate.
    func testTinyFixtureOutputByteForByte() throws {
        let folder = try Fixtures.temporaryFolder()
        for name in ["pipeline.json", "employees.csv", "customers.csv"] {
            try FileManager.default.copyItem(atPath: Fixtures.path("tiny/" + name), toPath: folder + "/" + name)
        }
        var options = RunOptions()
        options.configPath = folder + "/pipeline.json"
        let report = Validator.check(options)
        XCTAssertEqual(report.text(), """
            \(folder)/employees.csv: employee survey
              format: plain
              header rows: 1
              encoding: utf-8
              rows read: 7
              accepted: 5
              rejected: 2
                invalid_value: 1
                  \(folder)/employees.csv:8: column lead_vision, value "7"
                duplicate: 1
                  \(folder)/employees.csv:7: column respondent_id, value "E5"
            \(folder)/customers.csv: customer survey
              format: plain
              header rows: 1
              encoding: utf-8
              rows read: 5
              accepted: 5
              rejected: 0
            quality gate: 2 of 12 rows rejected (16.7%, limit 50.0%): holds
            run would exit 0

            """)
        XCTAssertEqual(report.jsonLines().split(separator: "\n").last,
                       #"{"exit_code":0,"quality_gate":{"holds":true,"limit":0.5,"rejected":2,"rows_read":12}}"#)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).sorted(),
                       ["customers.csv", "employees.csv", "pipeline.json"], "validate writes nothing")
    }

    /// The Qualtrics-shaped fixture (Tests/Fixtures/platforms/README.md) read with `inputs.format`
    /// auto: validate names the format run detects and its three header rows. Of its six rows,
    /// lines 5–7 are previews, unfinished or spam (`not_a_response`, outside the gate) and line 9's
    /// area Atlantis is unknown: 1 of 3 rows rejected against the tiny config's 50% gate.
    func testQualtricsExportShowsFormatAndHeaderRowsAndExitsLikeRun() throws {
        let texts = try XCTUnwrap(Fixtures.json("tiny/pipeline.json") as? [String: Any])
        let instrument = try XCTUnwrap(texts["instrument"] as? [String: Any])
        let items = try XCTUnwrap((instrument["employee"] as? [String: Any])?["items"] as? [[String: Any]])
        var renames: [String: String] = ["area": "Q2"]
        for item in items.prefix(6) {
            let key = try XCTUnwrap(item["key"] as? String), text = try XCTUnwrap(item["text"] as? String)
            renames[key] = "How is change led here? - " + text
        }
        let path = try config { json in
            json["inputs"] = ["employees": [Fixtures.path("platforms/qualtrics_current.csv")], "columns": ["employee": renames]]
        }
        let output = try CLI.output(try CLI.binary(), ["validate", "--config", path])
        let qualtrics = Fixtures.path("platforms/qualtrics_current.csv")
        XCTAssertTrue(output.stdout.hasPrefix("""
            \(qualtrics): employee survey
              format: qualtrics
              header rows: 3
              encoding: utf-8
              rows read: 6
              accepted: 2
              rejected: 4

            """), output.stdout + output.stderr)
        XCTAssertTrue(output.stdout.contains("""
                not_a_response: 3
                  \(qualtrics):5: column Status, value "Survey Preview"
                  \(qualtrics):6: column Finished, value "False"
                  \(qualtrics):7: column Status, value "Spam"

            """), output.stdout)
        XCTAssertTrue(output.stdout.contains("    unknown_area: 1\n      \(qualtrics):9: column area, value \"Atlantis\"\n"),
                      output.stdout)
        let json = try CLI.output(try CLI.binary(), ["validate", "--config", path, "--log-format", "json"])
        XCTAssertTrue(json.stdout.hasPrefix(#"{"accepted":2,"encoding":"utf-8","examples":"#), json.stdout)
        XCTAssertTrue(json.stdout.contains(#""format":"qualtrics","header_rows":3,"#), json.stdout)
        let result = try statuses(path)
        XCTAssertEqual(result.validate, 0)
        XCTAssertEqual(result.validate, result.run)
    }

    /// A Windows-1252 `é` in a comment of a file read as UTF-8: the row is rejected as `encoding`
    /// and validate prints the hint run warns with (SPEC §3.1), and the same exit status.
    func testEncodingRejectsCarryRunsHint() throws {
        let good = "2026-07-02,Ops,Frontline,5,5,5,5,5,5,3,3,3,3,4,4,4,2,2,2,2,2,2,2,2,10,"
        var bytes = Data((try header("employees.csv") + "\nE1," + good + "ok\nE2," + good + "caf").utf8)
        bytes.append(0xE9)
        bytes.append(contentsOf: Array("\n".utf8))
        let employees = try Fixtures.temporaryFolder() + "/employees.csv"
        try bytes.write(to: URL(fileURLWithPath: employees))
        let path = try config(employees: [employees])
        let output = try CLI.output(try CLI.binary(), ["validate", "--config", path])
        XCTAssertTrue(output.stdout.contains("""
              encoding: utf-8
              warning: 1 row rejected as encoding (not valid UTF-8); if Excel on Windows saved this file, \
            set inputs.encoding: "windows-1252"
              rows read: 2

            """), output.stdout)
        let out = try Fixtures.temporaryFolder()
        let run = try CLI.output(try CLI.binary(), ["run", "--config", path, "--out", out])
        XCTAssertTrue(run.stderr.contains("1 row rejected as encoding (not valid UTF-8)"), run.stderr)
        XCTAssertEqual(output.status, run.status)
    }

    /// Two files each missing columns: both reported, each with all its missing columns; the
    /// first one's error on stderr, as `run` would print it.
    func testEveryFilesMissingColumnsAreListed() throws {
        let a = try write("a.csv", ["respondent_id,submitted_at,area"])
        let b = try write("b.csv", ["respondent_id,area"])
        let output = try CLI.output(try CLI.binary(), ["validate", "--config", try config(employees: [a, b])])
        XCTAssertEqual(output.status, 3)
        XCTAssertTrue(output.stdout.contains("\(a):1: missing required columns \"lead_vision\", \"lead_mobilize\""),
                      output.stdout)
        XCTAssertTrue(output.stdout.contains("\(b):1: missing required columns \"submitted_at\", \"lead_vision\""),
                      output.stdout)
        XCTAssertTrue(output.stdout.hasSuffix("\(Fixtures.path("tiny/customers.csv")): customer survey\n"
                                              + "  header ok; rows not read (run stops at the input error)\n"
                                              + "run would exit 3\n"), output.stdout)
        XCTAssertTrue(output.stderr.hasPrefix("input error: \(a):1: missing required columns"), output.stderr)
    }
}

extension CLI {
    /// Runs the binary to the end in `folder` (default: the current one); its status, stdout and stderr.
    static func output(_ binary: URL, _ arguments: [String],
                       in folder: String? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, stdout, stderr)
    }
}
