import XCTest
@testable import XLSXInput

/// Serial numbers against dates known by hand (and by Excel's own documentation).
final class ExcelSerialDateTests: XCTestCase {
    private func text1900(_ serial: Double) -> String? { ExcelSerialDate.text(serial: serial, system: .excel1900) }
    private func text1904(_ serial: Double) -> String? { ExcelSerialDate.text(serial: serial, system: .excel1904) }

    func test1900System() {
        XCTAssertEqual(text1900(1), "1900-01-01 00:00:00")
        XCTAssertEqual(text1900(59), "1900-02-28 00:00:00")
        XCTAssertNil(text1900(60), "1900-02-29 does not exist")
        XCTAssertNil(text1900(60.5))
        XCTAssertEqual(text1900(61), "1900-03-01 00:00:00")
        XCTAssertEqual(text1900(45000.5), "2023-03-15 12:00:00")
        XCTAssertEqual(text1900(45355.38993055555), "2024-03-04 09:21:30", "rounded to the second")
        XCTAssertEqual(text1900(36526), "2000-01-01 00:00:00")
        XCTAssertEqual(text1900(2_958_465.99999999), "9999-12-31 23:59:59")
        XCTAssertNil(text1900(2_958_466))
        XCTAssertNil(text1900(0.5), "a time of day alone is no date")
        XCTAssertNil(text1900(-1))
        XCTAssertNil(text1900(.nan))
    }

    func test1904System() {
        XCTAssertEqual(text1904(0), "1904-01-01 00:00:00")
        XCTAssertEqual(text1904(59), "1904-02-29 00:00:00", "1904 is a leap year")
        XCTAssertEqual(text1904(43893.25), "2024-03-04 06:00:00", "1462 days less than the 1900 serial 45355")
        XCTAssertNil(text1904(-0.5))
    }

    func testSerialText() {
        XCTAssertEqual(ExcelSerialDate.text(serialText: Array("4.50005E4".utf8), system: .excel1900),
                       "2023-03-15 12:00:00")
        XCTAssertNil(ExcelSerialDate.text(serialText: Array("soon".utf8), system: .excel1900))
    }
}
