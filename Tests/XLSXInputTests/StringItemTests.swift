import XCTest
@testable import XLSXInput

/// OOXML's `_xHHHH_` escapes in string items.
final class StringItemTests: XCTestCase {
    private func decoded(_ text: String, from start: Int = 0) -> String {
        var bytes = Array(text.utf8)
        decodeXStringEscapes(in: &bytes, from: start)
        return String(decoding: bytes, as: UTF8.self)
    }

    func testEscapes() {
        XCTAssertEqual(decoded("line_x000D_break"), "line\rbreak")
        XCTAssertEqual(decoded("_x0009_tab_x000a_"), "\ttab\n", "hex digits in either case")
        XCTAssertEqual(decoded("_x005F_x000D_"), "_x000D_", "an escaped underscore keeps the rest literal")
        XCTAssertEqual(decoded("_xD83D__xDE00_"), "😀", "a surrogate pair")
        XCTAssertEqual(decoded("_xD83D_ alone"), "_xD83D_ alone", "a lone surrogate stays as written")
        XCTAssertEqual(decoded("snake_case_x12"), "snake_case_x12")
        XCTAssertEqual(decoded("keep_x000D_ | _x000D_", from: 12), "keep_x000D_ | \r", "only from start on")
    }
}
