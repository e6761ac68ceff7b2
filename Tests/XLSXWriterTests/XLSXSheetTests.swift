import Foundation
import XCTest
import XLSXWriter

/// Cell addressing and the wrapper's refusal to trap on numbers libxlsxwriter cannot take.
final class XLSXSheetTests: XCTestCase {
    func testColumnLettersFollowExcel() {
        XCTAssertEqual(CellRange.columnLetters(0), "A")
        XCTAssertEqual(CellRange.columnLetters(25), "Z")
        XCTAssertEqual(CellRange.columnLetters(26), "AA")
        XCTAssertEqual(CellRange.columnLetters(701), "ZZ")
        XCTAssertEqual(CellRange.columnLetters(702), "AAA")
        XCTAssertEqual(CellRange(2, 27, 9, 30).topLeftA1, "AB3")
    }

    func testANegativeCellIsAnErrorNotATrap() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("wrapper-\(UUID().uuidString).xlsx").path
        let workbook = try XLSXWorkbook(path: path)
        let sheet = try workbook.addSheet("Sheet1")
        XCTAssertThrowsError(try sheet.string(-1, 0, "x", nil)) { error in
            XCTAssertEqual(error as? XLSXError, .outOfRange(row: -1, col: 0))
        }
        XCTAssertThrowsError(try sheet.number(0, Int(UInt32.max) + 1, 1, nil))
    }

    func testARowPastExcelsLimitIsTheLibrarysError() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("wrapper-\(UUID().uuidString).xlsx").path
        let workbook = try XLSXWorkbook(path: path)
        let sheet = try workbook.addSheet("Sheet1")
        XCTAssertThrowsError(try sheet.string(1_048_576, 0, "x", nil)) { error in
            guard case .library(let action, _)? = error as? XLSXError else { return XCTFail("got \(error)") }
            XCTAssertEqual(action, "writing text to Sheet1")
        }
    }

    func testAClosedWorkbookRefusesNewSheets() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wrapper-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let workbook = try XLSXWorkbook(path: folder.appendingPathComponent("closed.xlsx").path)
        _ = try workbook.addSheet("Sheet1")
        try workbook.close()
        XCTAssertThrowsError(try workbook.addSheet("Sheet2")) { error in
            XCTAssertEqual(error as? XLSXError, .closed)
        }
    }
}
