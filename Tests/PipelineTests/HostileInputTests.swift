import Foundation
import Pipeline
import SurveyModel
import XCTest

/// The hostile corpus of Tests/Fixtures/hostile (see its README.md), each file run
/// through `Runner.run` as the employee survey next to the good tiny customers:
/// files that cannot be read stop the run with an input error (exit 3) naming the
/// file; files whose rows can be read lose nothing (read = accepted + rejected per
/// input, SPEC §7) and put each reject on its physical line with the first reason.
final class HostileInputTests: XCTestCase {
    func testEmptyFileIsAnInputError() throws {
        let path = Hostile.file("empty.csv")
        Hostile.assertInputError(try Hostile.failure(employees: [path]), naming: path, saying: "empty")
    }

    func testByteOrderMarkAloneHasNoHeader() throws {
        let path = Hostile.file("bom-only.csv")
        Hostile.assertInputError(try Hostile.failure(employees: [path]), naming: path, saying: "expected a header row")
    }

    /// Decision: a survey with a header and no rows is not an error while the other survey
    /// has rows; its figures are absent and readiness, which needs an employee component, is null.
    func testHeaderOnlyEmployeesNextToGoodCustomers() throws {
        let report = try Hostile.run(employees: [Hostile.file("header-only-employees.csv")])
        let employees = try report.input("header-only-employees.csv")
        XCTAssertEqual(employees["rows_read"] as? Int, 0)
        XCTAssertEqual(employees["accepted"] as? Int, 0)
        XCTAssertEqual(try report.input("customers.csv")["accepted"] as? Int, 5)
        let area = try XCTUnwrap((report.json["areas"] as? [[String: Any]])?.first)
        XCTAssertEqual(area["employee_n"] as? Int, 0)
        XCTAssertEqual(area["customer_n"] as? Int, 5)
        XCTAssertTrue(area["readiness"] is NSNull)
        XCTAssertTrue(area["lmi"] is NSNull)
        XCTAssertEqual(area["missing_components"] as? [String], ["leadership", "management", "employee_life", "low_waste"])
        let customerLife = (area["constructs"] as? [String: [String: Any]])?["customer_life"]
        XCTAssertEqual(customerLife?["mean"] as? Double ?? 0, 80, accuracy: 1e-9)
        XCTAssertNotNil(report.outcome.workbookPath)
    }

    func testBothSurveysHeaderOnlyIsAnInputError() throws {
        let error = try Hostile.failure(employees: [Hostile.file("header-only-employees.csv")],
                                        customers: [Hostile.file("header-only-customers.csv")])
        XCTAssertEqual(error.exitCode, 3)
        XCTAssertTrue(error.description.contains("no row was accepted"), "\(error)")
    }

    /// libcsv (not strict) ends the open quote at the end of the file: the last record is read,
    /// its comment running to the end, and accepted.
    func testUnterminatedQuoteInTheLastFieldAtEndOfFile() throws {
        let report = try Hostile.run(employees: [Hostile.file("unterminated-quote-end.csv")])
        let input = try report.input("unterminated-quote-end.csv")
        XCTAssertEqual(input["rows_read"] as? Int, 3)
        XCTAssertEqual(input["accepted"] as? Int, 3)
    }

    /// A quote opened in the area column of line 3 swallows lines 4–5 into one field: one record
    /// with too few fields, rejected on the line it starts, the swallowed rows in its raw fields.
    func testUnterminatedQuoteMidFileSwallowsTheRest() throws {
        let report = try Hostile.run(employees: [Hostile.file("unterminated-quote-mid.csv")])
        let input = try report.input("unterminated-quote-mid.csv")
        XCTAssertEqual(input["rows_read"] as? Int, 2)
        XCTAssertEqual(input["accepted"] as? Int, 1)
        let rejected = report.rejected("unterminated-quote-mid.csv")
        XCTAssertEqual(rejected.map(\.line), [3])
        XCTAssertEqual(rejected.map(\.reason), ["field_count"])
        XCTAssertTrue(report.rejects.last?.contains { $0.contains("E4,2026-07-04") } == true)
    }

    /// NUL is valid UTF-8: in a comment it is kept (rows 1 and 4 accepted); `4\0` is not a
    /// Likert answer and `Ops\0` is not an area.
    func testNulBytesInsideFields() throws {
        let report = try Hostile.run(employees: [Hostile.file("nul-bytes.csv")])
        let input = try report.input("nul-bytes.csv")
        XCTAssertEqual(input["rows_read"] as? Int, 4)
        XCTAssertEqual(input["accepted"] as? Int, 2)
        let rejected = report.rejected("nul-bytes.csv")
        XCTAssertEqual(rejected.map(\.line), [3, 4])
        XCTAssertEqual(rejected.map(\.reason), ["invalid_value", "unknown_area"])
        XCTAssertEqual(rejected.map(\.column), ["lead_vision", "area"])
    }

    /// Invalid UTF-8 in a comment, the id and the role rejects the row as `encoding`
    /// (the offending column named: comment on line 3, the id on line 4, role on line 5);
    /// valid multi-byte text is accepted.
    func testInvalidUTF8RejectsTheRow() throws {
        let report = try Hostile.run(employees: [Hostile.file("invalid-utf8.csv")])
        let input = try report.input("invalid-utf8.csv")
        XCTAssertEqual(input["rows_read"] as? Int, 5)
        XCTAssertEqual(input["accepted"] as? Int, 2)
        let rejected = report.rejected("invalid-utf8.csv")
        XCTAssertEqual(rejected.map(\.line), [3, 4, 5])
        XCTAssertEqual(rejected.map(\.reason), ["encoding", "encoding", "encoding"])
        XCTAssertEqual(rejected.map(\.column), ["comment", "respondent_id", "role"])
    }

    func testALineWithOneFieldIsAFieldCountReject() throws {
        let report = try Hostile.run(employees: [Hostile.file("one-field.csv")])
        XCTAssertEqual(try report.input("one-field.csv")["rows_read"] as? Int, 3)
        XCTAssertEqual(try report.input("one-field.csv")["accepted"] as? Int, 2)
        XCTAssertEqual(report.rejected("one-field.csv").map(\.line), [3])
        XCTAssertEqual(report.rejected("one-field.csv").map(\.reason), ["field_count"])
    }

    /// CRLF and LF mixed, a quoted comment over lines 3–5, a blank line 8 (skipped), no newline
    /// after the last row: six rows, the invalid ones on lines 6 and 9.
    func testMixedLineEndingsKeepPhysicalLineNumbers() throws {
        let report = try Hostile.run(employees: [Hostile.file("mixed-line-endings.csv")])
        let input = try report.input("mixed-line-endings.csv")
        XCTAssertEqual(input["rows_read"] as? Int, 6)
        XCTAssertEqual(input["accepted"] as? Int, 4)
        XCTAssertEqual(report.rejected("mixed-line-endings.csv").map(\.line), [6, 9])
        XCTAssertEqual(report.rejected("mixed-line-endings.csv").map(\.column), ["lead_vision", "lead_vision"])
    }

    /// Regression (fuzzing found it): libcsv ends a record at a lone CR, and the line counter
    /// did not, so every record of an old-Mac file was reported on line 1. A lone CR now ends a
    /// line too: the invalid rows are on lines 3 and 5 (the quoted comment spans lines 5–6).
    func testCarriageReturnLineEndingsKeepLineNumbers() throws {
        let report = try Hostile.run(employees: [Hostile.file("cr-line-endings.csv")])
        let input = try report.input("cr-line-endings.csv")
        XCTAssertEqual(input["rows_read"] as? Int, 5)
        XCTAssertEqual(input["accepted"] as? Int, 3)
        XCTAssertEqual(report.rejected("cr-line-endings.csv").map(\.line), [3, 5])
    }

    /// The fuzzer's minimized crash, `s\rs`: two records, on lines 1 and 2 (it is also a header
    /// without the required columns, so the run stops with one input error naming all of them).
    func testFuzzCrashLoneCarriageReturn() throws {
        let path = Hostile.file("fuzz-crash-lone-cr.csv")
        Hostile.assertInputError(try Hostile.failure(employees: [path]), naming: path,
                                 saying: "missing required columns \"respondent_id\", \"submitted_at\", \"area\", ")
        XCTAssertEqual(try HostileLines.startLines(of: path), [1, 2])
    }

    func testDuplicateRequiredColumnNamesTheColumn() throws {
        let path = Hostile.file("duplicate-header.csv")
        Hostile.assertInputError(try Hostile.failure(employees: [path]), naming: path,
                                 saying: "column \"area\" appears 2 times")
    }

    func testMissingRequiredColumnNamesTheColumn() throws {
        let path = Hostile.file("missing-column.csv")
        Hostile.assertInputError(try Hostile.failure(employees: [path]), naming: path,
                                 saying: "missing required column \"lead_urgency\"")
    }

    func testFolderAsInputIsAnInputError() throws {
        let path = try Fixtures.temporaryFolder()
        Hostile.assertInputError(try Hostile.failure(customers: [path]), naming: path, saying: "is a folder")
    }

    func testMissingFileIsAnInputError() throws {
        let path = try Fixtures.temporaryFolder() + "/no-such-file.csv"
        Hostile.assertInputError(try Hostile.failure(employees: [path]), naming: path, saying: "no such file")
    }

    func testUnreadableFileIsAnInputError() throws {
        try XCTSkipIf(getuid() == 0, "running as root: file permissions are not enforced")
        let path = try Hostile.write(Data(contentsOf: URL(fileURLWithPath: Hostile.goodEmployees)), named: "locked.csv")
        XCTAssertEqual(chmod(path, 0), 0)
        defer { chmod(path, 0o644) }
        Hostile.assertInputError(try Hostile.failure(employees: [path]), naming: path, saying: "permission denied")
    }
}
