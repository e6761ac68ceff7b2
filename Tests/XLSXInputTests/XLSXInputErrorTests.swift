import XCTest
@testable import XLSXInput

/// Damaged workbooks (Tests/Fixtures/xlsx, one fault each) give the typed error that
/// names the file, the member and the place.
final class XLSXInputErrorTests: XCTestCase {
    func testMissingFile() {
        let path = XLSXFixture.path("absent.xlsx")
        XCTAssertEqual(readError(path), .unreadable(file: path, reason: "no such file"))
    }

    func testATextFileIsNotAZip() {
        let path = XLSXFixture.path("not_a_zip.xlsx")
        let error = readError(path)
        XCTAssertEqual(error, .notAZip(file: path))
        XCTAssertTrue(error?.description.contains("not a ZIP archive") ?? false)
    }

    func testATruncatedWorkbookIsNotAZip() {
        let path = XLSXFixture.path("truncated.xlsx")
        XCTAssertEqual(readError(path), .notAZip(file: path), "the central directory at the end is gone")
    }

    func testSharedStringIndexOutOfRangeNamesTheCell() {
        let path = XLSXFixture.path("bad_shared_index.xlsx")
        let error = readError(path)
        XCTAssertEqual(error, .sharedStringIndexOutOfRange(file: path, member: "xl/worksheets/sheet1.xml", row: 2,
                                                           cell: "B2", index: "5", count: 2))
        XCTAssertEqual(error?.description, "\(path): xl/worksheets/sheet1.xml row 2, cell B2: shared string 5 "
                           + "does not exist (the table has 2); expected an index from 0 to 1")
    }

    func testMalformedSheetGivesLibxml2sLine() throws {
        let path = XLSXFixture.path("malformed_sheet.xlsx")
        guard case let .malformedXML(file, member, line, column, message) = readError(path) else {
            return XCTFail("expected malformedXML")
        }
        XCTAssertEqual(file, path)
        XCTAssertEqual(member, "xl/worksheets/sheet1.xml")
        XCTAssertEqual(line, 5, "</sheetData> on line 5 does not close the unclosed <row r=\"2\"> of line 4")
        XCTAssertNotNil(column)
        XCTAssertTrue(message.contains("mismatch"), message)
    }

    func testWorkbookWithOnlyAChartSheetHasNoWorksheet() {
        let path = XLSXFixture.path("no_worksheet.xlsx")
        XCTAssertEqual(readError(path), .noWorksheet(file: path, workbook: "xl/workbook.xml"))
    }

    func testChangedByteIsAChecksumMismatch() {
        let path = XLSXFixture.path("bad_checksum.xlsx")
        XCTAssertEqual(readError(path), .corruptMember(file: path, member: "xl/worksheets/sheet1.xml",
                                                       reason: "checksum mismatch"))
    }

    func testBadReferencesAndLimits() {
        XCTAssertEqual(CellReference.column(Array("C7".utf8)), 2)
        XCTAssertEqual(CellReference.column(Array("AB12".utf8)), 27)
        XCTAssertEqual(CellReference.column(Array("XFD1".utf8)), 16_383)
        XCTAssertEqual(CellReference.column(Array("XFE1".utf8)), 16_384, "parsed; the reader rejects it as a limit")
        XCTAssertNil(CellReference.column(Array("ABCD1".utf8)))
        XCTAssertNil(CellReference.column(Array("7C".utf8)))
        XCTAssertNil(CellReference.column(Array("C7x".utf8)))
        XCTAssertEqual(XLSXSheetReader.name(column: 27, row: 12), "AB12")
        XCTAssertNil(XLSXSheetReader.kind(of: "x"))
    }
}

extension CellReference {
    static func column(_ bytes: [UInt8]) -> Int? { bytes.withUnsafeBufferPointer { column($0) } }
}
