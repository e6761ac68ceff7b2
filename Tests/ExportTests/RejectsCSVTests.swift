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

    /// The cell scan reads eight bytes at a time: a quote, comma, line break or NUL in every
    /// position of cells of every length up to three words (and a tail) must still be found.
    func testEverySpecialByteIsFoundAtEveryPosition() {
        for length in 1...27 {
            for position in 0..<length {
                for special: UInt8 in [0, 10, 13, UInt8(ascii: "\""), UInt8(ascii: ",")] {
                    var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                    bytes[position] = special
                    var cell: [UInt8] = []
                    bytes.withUnsafeBytes { RejectsCSV.appendCell(utf8: $0, to: &cell) }
                    let body = bytes.flatMap { byte -> [UInt8] in
                        switch byte {
                        case 0: return [0xEF, 0xBF, 0xBD]
                        case UInt8(ascii: "\""): return [byte, byte]
                        default: return [byte]
                        }
                    }
                    // A CR first is also neutralized (it starts a formula in some spreadsheets).
                    let neutralized = position == 0 && special == 13 ? [UInt8(ascii: "'")] + body : body
                    let expected = special == 0 ? body : [UInt8(ascii: "\"")] + neutralized + [UInt8(ascii: "\"")]
                    XCTAssertEqual(cell, expected, "byte \(special) at \(position) of \(length)")
                }
            }
        }
        // Bytes next to the special ones (0x2B, 0x2D, 0x0B, 0x01, 0x80 with a borrow) are plain.
        let plain: [UInt8] = [0x61, 0x2B, 0x2D, 0x0B, 0x0C, 0x01, 0x21, 0x23, 0x80, 0xFF, 0x7F, 0x61, 0x62]
        var cell: [UInt8] = []
        plain.withUnsafeBytes { RejectsCSV.appendCell(utf8: $0, to: &cell) }
        XCTAssertEqual(cell, plain)
    }

    func testRowsCarryFileLineReasonColumnAndRawFields() {
        let rejects = [Reject(fileIndex: 1, line: 7, reason: .invalidValue, column: "nps", rawFields: ["C1", "=2"])]
        let text = RejectsCSV.render(rejects, files: ["employees.csv", "customers.csv"])
        XCTAssertEqual(text, "file,line,reason,column,field_1,field_2\r\ncustomers.csv,7,invalid_value,nps,C1,'=2\r\n")
    }
}
