import Export
import SurveyModel
import XCTest

/// The rejects file: RFC 4180 quoting, formula neutralization (OWASP), NUL bytes.
final class RejectsCSVTests: XCTestCase {
    func testCellsThatASpreadsheetWouldRunAreNeutralized() {
        XCTAssertEqual(RejectsCSV.cell("=1+1"), "'=1+1")
        XCTAssertEqual(RejectsCSV.cell("+1"), "'+1")
        XCTAssertEqual(RejectsCSV.cell("-2+3"), "'-2+3")
        XCTAssertEqual(RejectsCSV.cell("@SUM(A1:A2)"), "'@SUM(A1:A2)")
        XCTAssertEqual(RejectsCSV.cell("\t=1+1"), "'\t=1+1")
        XCTAssertEqual(RejectsCSV.cell("\r=1"), "\"'\r=1\"")
        XCTAssertEqual(RejectsCSV.cell("plain text"), "plain text")
        XCTAssertEqual(RejectsCSV.cell("a=b"), "a=b")
    }

    func testQuotingAndNul() {
        XCTAssertEqual(RejectsCSV.cell("a,b"), "\"a,b\"")
        XCTAssertEqual(RejectsCSV.cell("say \"hi\""), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(RejectsCSV.cell("two\nlines"), "\"two\nlines\"")
        // A CRLF inside a cell is one Character in Swift, neither "\r" nor "\n": still quoted.
        XCTAssertEqual(RejectsCSV.cell("two\r\nlines"), "\"two\r\nlines\"")
        XCTAssertEqual(RejectsCSV.cell("a,\u{301}b"), "\"a,\u{301}b\"")
        XCTAssertEqual(RejectsCSV.cell("=HYPERLINK(\"x\",\"y\")"), "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"")
        XCTAssertEqual(RejectsCSV.cell("a\0b"), "a\u{FFFD}b")
    }

    func testRowsCarryFileLineReasonColumnAndRawFields() {
        let rejects = [Reject(fileIndex: 1, line: 7, reason: .invalidValue, column: "nps", rawFields: ["C1", "=2"])]
        let text = RejectsCSV.render(rejects, files: ["employees.csv", "customers.csv"])
        XCTAssertEqual(text, "file,line,reason,column,field_1,field_2\r\ncustomers.csv,7,invalid_value,nps,C1,'=2\r\n")
    }
}
