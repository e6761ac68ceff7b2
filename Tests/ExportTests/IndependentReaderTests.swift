import Foundation
import Pipeline
import XCTest

/// Opens real workbooks with an independent reader (Python's openpyxl, through
/// check_workbook.py) and checks every Summary and Areas figure against the JSON
/// (the samples' changes since 2025-Q3 include significant and non-significant ones),
/// the sheet order, frozen panes, the suppression marker, and that no cell holds a
/// formula or a respondent id. scripts/test installs openpyxl.
final class IndependentReaderTests: XCTestCase {
    private static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    private static let repo = tests.deletingLastPathComponent().deletingLastPathComponent()

    /// The conformance set hides Manufacturing (3 employees) and, by secondary suppression, Finance.
    func testConformanceWorkbookMatchesItsJSON() throws {
        try check(config: Self.repo.appendingPathComponent("Tests/Fixtures/conformance/pipeline.json").path)
    }

    func testSampleWorkbookMatchesItsJSON() throws {
        try check(config: Self.repo.appendingPathComponent("pipeline.json").path,
                  employees: Self.repo.appendingPathComponent("samples/employees.csv").path,
                  customers: Self.repo.appendingPathComponent("samples/customers.csv").path)
    }

    private func check(config: String, employees: String? = nil, customers: String? = nil) throws {
        var options = RunOptions()
        options.configPath = config
        options.employees = employees.map { [$0] } ?? []
        options.customers = customers.map { [$0] } ?? []
        options.outputFolder = FileManager.default.temporaryDirectory
            .appendingPathComponent("reader-\(UUID().uuidString)").path
        options.log = RunLog(format: .text, quiet: true)
        let outcome = try Runner.run(options)
        let workbook = try XCTUnwrap(outcome.workbookPath)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.tests.appendingPathComponent("check_workbook.py").path, workbook,
                             outcome.jsonPath, config]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, text)
    }
}
