import Foundation
import XCTest

/// What a run says about encodings (SPEC §3.1): one warning per UTF-8 file whose rows were
/// rejected as `encoding`, with the count and the `inputs.encoding: "windows-1252"` hint; no
/// warning once the encoding is set; a UTF-16 file read as UTF-8 is exit 3 naming the key.
final class EncodingRunTests: XCTestCase {
    /// The tiny set with its employee file replaced by `employees` and `encoding` set when given.
    private func config(employees: [UInt8], encoding: Any?) throws -> (config: String, folder: String) {
        let folder = try Fixtures.temporaryFolder()
        let path = folder + "/employees.csv"
        try Data(employees).write(to: URL(fileURLWithPath: path))
        var json = try XCTUnwrap(Fixtures.json("tiny/pipeline.json") as? [String: Any])
        var inputs: [String: Any] = ["employees": [path], "customers": [Fixtures.path("tiny/customers.csv")]]
        if let encoding { inputs["encoding"] = encoding }
        json["inputs"] = inputs
        let config = folder + "/pipeline.json"
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: config))
        return (config, folder)
    }

    private func run(_ config: String, out: String) throws -> (status: Int32, stderr: String) {
        let pipe = Pipe()
        let process = try CLI.start(try CLI.binary(), ["run", "--config", config, "--out", out, "--quiet"], stderr: pipe)
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The tiny employee file with "é" as the Windows-1252 byte E9 in the comments of rows 2 and 3.
    private func windows1252Employees() throws -> [UInt8] {
        var lines = try String(contentsOfFile: Fixtures.path("tiny/employees.csv"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for index in [1, 2] { lines[index] = lines[index].replacingOccurrences(of: ",fine", with: ",caf\u{2}") }
        return Array(lines.joined(separator: "\n").utf8).map { $0 == 2 ? 0xE9 : $0 }
    }

    func testRejectedEncodingRowsOfAUTF8FileGiveOneWarningWithTheHint() throws {
        let (config, folder) = try config(employees: try windows1252Employees(), encoding: nil)
        let (status, stderr) = try run(config, out: folder + "/out")
        XCTAssertEqual(status, 0, stderr)
        let warnings = stderr.split(separator: "\n").filter { $0.contains("inputs.encoding") }
        XCTAssertEqual(warnings.count, 1, stderr)
        XCTAssertEqual(warnings.first.map(String.init),
                       "warning: \(folder)/employees.csv: 2 rows rejected as encoding (not valid UTF-8); if Excel "
                       + "on Windows saved this file, set inputs.encoding: \"windows-1252\"")
        // The data-quality sheet says the same, once.
        let strings = try sharedStrings(folder + "/out/readiness-2026-Q3.xlsx")
        XCTAssertEqual(strings.components(separatedBy: "employees.csv: 2 rows rejected as encoding (not valid UTF-8); "
            + "if Excel on Windows saved this file, set inputs.encoding: \"windows-1252\".").count, 2, strings)
    }

    /// The workbook's shared strings (every text cell), read with unzip.
    private func sharedStrings(_ workbook: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        process.arguments = ["-p", workbook, "xl/sharedStrings.xml"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "unzip \(workbook)")
        return String(decoding: data, as: UTF8.self)
    }

    func testSetEncodingReadsTheRowsWithoutAWarning() throws {
        for encoding: Any in ["windows-1252", ["employee": "windows-1252", "customer": "utf-8"]] {
            let (config, folder) = try config(employees: try windows1252Employees(), encoding: encoding)
            let (status, stderr) = try run(config, out: folder + "/out")
            XCTAssertEqual(status, 0, stderr)
            XCTAssertFalse(stderr.contains("inputs.encoding"), stderr)
            let rejects = try String(contentsOfFile: folder + "/out/readiness-2026-Q3.rejects.csv", encoding: .utf8)
            XCTAssertFalse(rejects.contains("encoding"), rejects)
            XCTAssertFalse(try sharedStrings(folder + "/out/readiness-2026-Q3.xlsx").contains("inputs.encoding"))
        }
    }

    func testUTF16FileReadAsUTF8IsExitThreeNamingTheKey() throws {
        let text = try String(contentsOfFile: Fixtures.path("tiny/employees.csv"), encoding: .utf8)
        let bytes: [UInt8] = [0xFF, 0xFE] + Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let (config, folder) = try config(employees: bytes, encoding: nil)
        let (status, stderr) = try run(config, out: folder + "/out")
        XCTAssertEqual(status, 3, stderr)
        XCTAssertTrue(stderr.contains("the file is UTF-16"), stderr)
        XCTAssertTrue(stderr.contains("inputs.encoding"), stderr)
        XCTAssertFalse(stderr.contains("\u{0}"), "no NUL bytes in the message")
        let (utf16Status, utf16Stderr) = try run(try self.config(employees: bytes, encoding: ["employee": "utf-16"]).config,
                                                 out: folder + "/out2")
        XCTAssertEqual(utf16Status, 0, utf16Stderr)
    }
}
