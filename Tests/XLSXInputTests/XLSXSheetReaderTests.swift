import XCTest
@testable import XLSXInput

/// Cell texts, kinds and row numbers of the committed fixtures, as their generator
/// (Tests/Fixtures/xlsx/generate.py) wrote them.
final class XLSXSheetReaderTests: XCTestCase {
    func testMicrosoftFormsExportWithSharedStringsMissingCellsAndAFormattingOnlyRow() throws {
        let reader = try XLSXSheetReader(path: XLSXFixture.path("microsoft_forms.xlsx"))
        XCTAssertEqual(reader.sheetName, "Form1")
        XCTAssertEqual(reader.sheetMember, "xl/worksheets/sheet1.xml")
        XCTAssertEqual(reader.dateSystem, .excel1900)
        XCTAssertEqual(reader.sharedStringCount, 15)
        let rows = try readAll(XLSXFixture.path("microsoft_forms.xlsx"))
        XCTAssertEqual(rows.map(\.line), [1, 2, 3, 4, 7], "row 5 holds formatting only, row 6 is absent")
        XCTAssertEqual(rows[0].cells, ["ID", "Start time", "Completion time", "Email", "Name",
                                       "I understand our strategy", "How likely are you to recommend us?", "Comments"])
        XCTAssertEqual(rows[0].kinds, Array(repeating: .sharedString, count: 8))
        XCTAssertEqual(rows[1].cells, ["1", "45355.38541666666", "45355.38993055555", "anonymous", "", "Agree", "9",
                                       "Great team, clear goals"])
        XCTAssertEqual(rows[1].kinds, [.number, .number, .number, .sharedString, .sharedString, .sharedString,
                                       .number, .sharedString])
        XCTAssertEqual(rows[2].cells, ["2", "45356.99930555555", "45357.00071759259", "anonymous", "",
                                       "Strongly agree", "10", "Café über alles\nsecond line"])
        XCTAssertEqual(rows[2].kinds[4], .empty, "E3 was never written")
        XCTAssertEqual(rows[3].cells, ["3", "45358.5", "45358.52083333334", "", "", "Neutral", "7.5"])
        XCTAssertEqual(rows[3].kinds[3...4], [.empty, .empty])
        XCTAssertEqual(rows[4].cells, ["4", "45359.33333333334", "45359.33680555555", "anonymous"],
                       "a short row: cells past D7 are absent")
    }

    func testShortRecordsReadEmptyPastTheirEnd() throws {
        let reader = try XLSXSheetReader(path: XLSXFixture.path("microsoft_forms.xlsx"))
        var record = XLSXRecord()
        for _ in 0..<5 { XCTAssertTrue(try reader.next(into: &record)) }
        XCTAssertEqual(record.line, 7)
        XCTAssertEqual(record.count, 4)
        XCTAssertEqual(record.string(7), "")
        XCTAssertEqual(record.kind(7), .empty)
        XCTAssertFalse(try reader.next(into: &record))
        XCTAssertFalse(try reader.next(into: &record), "the end stays the end")
    }

    func testRichTextBooleanFormulaAndErrorCellsIn1904Workbook() throws {
        let reader = try XLSXSheetReader(path: XLSXFixture.path("rich_1904.xlsx"))
        XCTAssertEqual(reader.dateSystem, .excel1904)
        let rows = try readAll(XLSXFixture.path("rich_1904.xlsx"))
        XCTAssertEqual(rows.count, 3)
        XCTAssertEqual(rows[1], ReadRow(line: 2, cells: ["Somewhat agree (rich)", "0", "TRUE", "total", "#DIV/0!"],
                                        kinds: [.sharedString, .number, .boolean, .formulaString, .error]))
        XCTAssertEqual(rows[2], ReadRow(line: 3, cells: ["plain", "43893.25", "FALSE"],
                                        kinds: [.sharedString, .number, .boolean]))
        XCTAssertEqual(ExcelSerialDate.text(serialText: Array(rows[1].cells[1].utf8), system: reader.dateSystem),
                       "1904-01-01 00:00:00")
        XCTAssertEqual(ExcelSerialDate.text(serialText: Array(rows[2].cells[1].utf8), system: reader.dateSystem),
                       "2024-03-04 06:00:00")
    }

    func testHandWrittenInlineStringsWithoutSharedStringsAndTheFirstSheetInTabOrder() throws {
        let reader = try XLSXSheetReader(path: XLSXFixture.path("hand_inline.xlsx"))
        XCTAssertEqual(reader.sheetName, "Responses")
        XCTAssertEqual(reader.sheetMember, "xl/worksheets/data.xml", "rId7, not sheet1.xml")
        XCTAssertEqual(reader.sharedStringCount, 0)
        let rows = try readAll(XLSXFixture.path("hand_inline.xlsx"))
        XCTAssertEqual(rows, [
            ReadRow(line: 1, cells: ["name", "score", "note"], kinds: [.inlineString, .inlineString, .inlineString]),
            ReadRow(line: 2, cells: ["Ann & Bo", "3", "two runs "], kinds: [.inlineString, .number, .inlineString]),
            ReadRow(line: 5, cells: ["no refs", "42", "line\rbreak"], kinds: [.inlineString, .number, .inlineString]),
            ReadRow(line: 6, cells: ["", "", "only C"], kinds: [.empty, .empty, .inlineString]),
        ])
    }

    func testASecondWriterOpenpyxlInlineStringsAndAGap() throws {
        let rows = try readAll(XLSXFixture.path("openpyxl_written.xlsx"))
        XCTAssertEqual(rows.map(\.line), [1, 2, 3, 4, 5])
        XCTAssertEqual(rows[1].cells, ["r1", "Sales", "4", "ok"])
        XCTAssertEqual(rows[2].cells, ["r2", "", "5"])
        XCTAssertEqual(rows[3].cells, ["r3", "", "", "gap before me"])
        XCTAssertEqual(rows[4].cells, ["", "", "2.25"])
        XCTAssertEqual(rows[4].kinds, [.empty, .empty, .number])
    }
}
