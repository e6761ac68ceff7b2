import Foundation
import XCTest

/// The command line's contract with the nightly job (SPEC §8): the exit status of
/// each kind of failure, and one stack-free line on stderr that names the problem.
final class ExitStatusTests: XCTestCase {
    private func run(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let result = try CLI.run(try CLI.binary(), arguments)
        guard let colon = result.firstIndex(of: ":") else { return (Int32(result) ?? -1, "") }
        return (Int32(result[..<colon]) ?? -1, result[result.index(after: colon)...].trimmingCharacters(in: .whitespaces))
    }

    private func config(_ edit: (inout [String: Any]) -> Void = { _ in }) throws -> String {
        try Fixtures.tinyConfig(edit)
    }

    func testSuccessIsZero() throws {
        let out = try Fixtures.temporaryFolder()
        XCTAssertEqual(try run(["run", "--config", try config { _ in }, "--out", out, "--quiet"]).status, 0)
    }

    /// Without `--quiet`, stdout is the published files, one per line, and nothing else.
    func testSuccessPrintsEveryPublishedFile() throws {
        let out = try Fixtures.temporaryFolder()
        let output = try CLI.output(try CLI.binary(), ["run", "--config", try config { _ in }, "--out", out])
        XCTAssertEqual(output.status, 0)
        XCTAssertEqual(output.stdout.split(separator: "\n").map(String.init),
                       ["xlsx", "json", "rejects.csv", "comments.csv"].map { "\(out)/readiness-2026-Q3.\($0)" })
    }

    func testConfigErrorIsTwoAndNamesTheKeyPath() throws {
        let path = try config { $0["areas"] = [["name": "Operations", "headcount": "ten"]] }
        let (status, stderr) = try run(["run", "--config", path, "--out", try Fixtures.temporaryFolder()])
        XCTAssertEqual(status, 2)
        XCTAssertEqual(stderr.trimmingCharacters(in: .newlines), "config error: areas[0].headcount: expected integer")
    }

    /// SPEC §3.9: one area more than 65,535 is a config error naming `areas` (it used to trap).
    func testTooManyAreasIsTwoAndNamesTheKey() throws {
        let path = try config { $0["areas"] = (0..<65_536).map { ["name": "Area \($0)"] } }
        let (status, stderr) = try run(["run", "--config", path, "--out", try Fixtures.temporaryFolder()])
        XCTAssertEqual(status, 2)
        XCTAssertEqual(stderr.trimmingCharacters(in: .newlines), "config error: areas: 65536 areas; at most 65535 are supported")
    }

    func testUsageErrorIsTwo() throws {
        XCTAssertEqual(try run(["run", "--jobs", "0"]).status, 2)
        let path = try config { _ in }
        XCTAssertEqual(try run(["run", "--config", path, "--wave", "1999-Q1",
                                "--out", try Fixtures.temporaryFolder()]).status, 2)
    }

    func testMissingInputIsThreeAndNamesTheFile() throws {
        let path = try config { $0["inputs"] = ["employees": ["/nonexistent/employees.csv"],
                                                "customers": [Fixtures.path("tiny/customers.csv")]] }
        let (status, stderr) = try run(["run", "--config", path, "--out", try Fixtures.temporaryFolder(), "--quiet"])
        XCTAssertEqual(status, 3)
        XCTAssertTrue(stderr.contains("/nonexistent/employees.csv"), stderr)
        XCTAssertEqual(stderr.split(separator: "\n").count, 1, "one line, no stack trace: \(stderr)")
    }

    func testQualityGateIsFour() throws {
        let path = try config { $0["quality_gate"] = ["max_reject_fraction": 0.01] }
        let out = try Fixtures.temporaryFolder()
        let (status, stderr) = try run(["run", "--config", path, "--out", out, "--quiet"])
        XCTAssertEqual(status, 4)
        XCTAssertTrue(stderr.contains("quality gate failed"), stderr)
        let written = try FileManager.default.contentsOfDirectory(atPath: out).filter { !$0.hasPrefix(".") }.sorted()
        XCTAssertEqual(written, ["readiness-2026-Q3.failed.json", "readiness-2026-Q3.failed.rejects.csv"])
    }

    /// `validate` lists every problem, not only the first (see ValidateTests for the rest).
    func testValidateReportsEveryProblem() throws {
        let path = try config {
            $0["inputs"] = ["employees": ["/nonexistent/a.csv", "/nonexistent/b.csv"],
                            "customers": [Fixtures.path("tiny/customers.csv")]]
        }
        let output = try CLI.output(try CLI.binary(), ["validate", "--config", path])
        XCTAssertEqual(output.status, 3)
        XCTAssertTrue(output.stdout.contains("/nonexistent/a.csv: no such file")
                      && output.stdout.contains("/nonexistent/b.csv: no such file"), output.stdout)
        XCTAssertEqual(output.stderr, "input error: /nonexistent/a.csv: no such file\n")
    }
}
