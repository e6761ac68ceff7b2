import Foundation
import Pipeline
import SurveyModel
import XCTest

/// SPEC §8 and §3.1 "Messages", through the `survey-pipeline` binary: with `--log-format json`
/// every line on stderr of every failure path is one JSON object (read here by
/// `JSONSerialization`), the last one the error with the exit status the run ended with; every
/// line is at most 4 KB, with no raw control character or byte-order mark, in either format.
final class LogFormatTests: XCTestCase {
    private func run(_ arguments: [String]) throws -> (status: Int32, lines: [String]) {
        let stderr = Pipe()
        let process = try CLI.start(try CLI.binary(), arguments, stderr: stderr)
        let data = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertFalse(data.contains(0), "a raw NUL on stderr")
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertFalse(text.unicodeScalars.contains { $0.value == 0xFEFF || ($0.value < 0x20 && $0 != "\n") },
                       "a raw control character or BOM on stderr")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines.last, "", "stderr ends with a newline")
        for line in lines { XCTAssertLessThanOrEqual(line.utf8.count, 4096, String(line.prefix(200))) }
        return (process.terminationStatus, Array(lines.dropLast()))
    }

    /// Runs with `--log-format json`; every line must be a JSON object with a level and a message;
    /// returns them, the status checked against the final error's `exit_code`.
    private func jsonRun(_ arguments: [String], expect status: Int32,
                         file: StaticString = #filePath, line: UInt = #line) throws -> [[String: Any]] {
        let result = try run(arguments + ["--log-format", "json"])
        XCTAssertEqual(result.status, status, "\(result.lines)", file: file, line: line)
        let objects = try result.lines.map { text in
            let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
            let parsed = try XCTUnwrap(object, "not a JSON object: \(text)", file: file, line: line)
            XCTAssertNotNil(parsed["level"] as? String, text, file: file, line: line)
            XCTAssertNotNil(parsed["message"] as? String, text, file: file, line: line)
            return parsed
        }
        if status != 0 {
            let last = try XCTUnwrap(objects.last, "no final error line", file: file, line: line)
            XCTAssertEqual(last["level"] as? String, "error", file: file, line: line)
            XCTAssertEqual(last["exit_code"] as? Int, Int(status), file: file, line: line)
        }
        return objects
    }

    private func config(_ edit: (inout [String: Any]) -> Void = { _ in }) throws -> String {
        try Fixtures.tinyConfig(edit)
    }

    func testUsageErrorsAreJSON() throws {
        _ = try jsonRun(["run", "--jobs", "0"], expect: 2)
        _ = try jsonRun(["run", "--no-such-flag"], expect: 2)
        _ = try jsonRun(["run", "--log-format=json", "--wait", "-1"], expect: 2)
    }

    func testConfigErrorsAreJSON() throws {
        let objects = try jsonRun(["run", "--config", try config { $0["areas"] = [["name": "Ops", "headcount": "ten"]] },
                                   "--out", try Fixtures.temporaryFolder()], expect: 2)
        XCTAssertEqual(objects.last?["message"] as? String, "config error: areas[0].headcount: expected integer")
        _ = try jsonRun(["run", "--config", "/nonexistent/pipeline.json"], expect: 2)
    }

    func testInputErrorsAreJSON() throws {
        let missing = try jsonRun(["run", "--config", try config(), "--employees", "nope.csv",
                                   "--out", try Fixtures.temporaryFolder()], expect: 3)
        XCTAssertEqual(missing.last?["message"] as? String, "input error: nope.csv: no such file")
        _ = try jsonRun(["run", "--config", try config(), "--employees", Hostile.file("missing-column.csv"),
                         "--out", try Fixtures.temporaryFolder()], expect: 3)
        _ = try jsonRun(["run", "--config", try config(), "--employees", Hostile.file("empty.csv"),
                         "--out", try Fixtures.temporaryFolder()], expect: 3)
    }

    func testQualityGateIsJSON() throws {
        let objects = try jsonRun(["run", "--config", try config { $0["quality_gate"] = ["max_reject_fraction": 0.01] },
                                   "--out", try Fixtures.temporaryFolder()], expect: 4)
        XCTAssertTrue((objects.last?["message"] as? String)?.hasPrefix("quality gate failed") == true)
    }

    func testOutputFolderProblemsAreJSON() throws {
        let out = try Fixtures.temporaryFolder()
        let lock = try FolderLock(folder: out, wait: 0)
        defer { withExtendedLifetime(lock) {} }
        _ = try jsonRun(["run", "--config", try config(), "--out", out], expect: 1)
        let blocked = try Fixtures.temporaryFolder()
        try FileManager.default.createDirectory(atPath: blocked + "/readiness-2026-Q3.xlsx", withIntermediateDirectories: false)
        let objects = try jsonRun(["run", "--config", try config(), "--out", blocked], expect: 1)
        XCTAssertTrue((objects.last?["message"] as? String)?.contains("it is a folder") == true)
        let file = try Fixtures.temporaryFolder() + "/a-file"
        try Data().write(to: URL(fileURLWithPath: file))
        _ = try jsonRun(["run", "--config", try config(), "--out", file], expect: 1)
    }

    /// A 100 KB header name with a NUL and a BOM inside, and 5,000 extra columns: the warning
    /// that lists unknown columns is one short line, the names cut and escaped (SPEC §3.1).
    func testHostileHeaderWarningsAreBoundedAndEscaped() throws {
        let path = try Hostile.write(Self.hostileHeaderFile(), named: "wide.csv")
        let objects = try jsonRun(["run", "--config", try config(), "--employees", path,
                                   "--out", try Fixtures.temporaryFolder()], expect: 0)
        let warning = try XCTUnwrap(objects.first { ($0["message"] as? String)?.contains("unknown columns") == true })
        let columns = try XCTUnwrap(warning["columns"] as? String)
        XCTAssertTrue(columns.hasPrefix("x\\u0000y\\ufeffz" + String(repeating: "w", count: 75) + "…, extra0, "), columns)
        XCTAssertTrue(columns.hasSuffix(", extra8, … and 4991 more"), columns)
        let text = try run(["run", "--config", try config(), "--employees", path, "--out", try Fixtures.temporaryFolder()])
        XCTAssertEqual(text.status, 0)
        XCTAssertTrue(text.lines.contains { $0.contains("x\\u0000y\\ufeffz") }, "\(text.lines)")
    }

    /// The tiny employees file with a first extra column named by 100 KB of text holding a NUL
    /// and a BOM, then 5,000 more extra columns (empty in every row).
    static func hostileHeaderFile() throws -> Data {
        let tiny = try String(contentsOfFile: Fixtures.path("tiny/employees.csv"), encoding: .utf8)
        var lines = tiny.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let extra = ["x\u{0}y\u{FEFF}z" + String(repeating: "w", count: 100_000)] + (0..<5_000).map { "extra\($0)" }
        for index in lines.indices where !lines[index].isEmpty {
            lines[index] += "," + (index == 0 ? extra.joined(separator: ",") : String(repeating: ",", count: 5_000))
        }
        return Data(lines.joined(separator: "\n").utf8)
    }
}
