import Ingest
import SurveyModel
import XCTest

/// Answer cells to one-byte codes (SPEC §3.4): integers and labels per scale,
/// case-insensitive and trimmed; 0–10 stored as value + 1; the missing tokens
/// give 0; anything else is invalid (nil).
final class ValueParserTests: XCTestCase {
    private func code(_ text: String, _ scale: Scale) -> UInt8? {
        ValueParser.code(ArraySlice(Array(text.utf8)), scale: scale)
    }

    func testIntegersOneToFive() {
        for value in 1...5 {
            XCTAssertEqual(code(String(value), .likert), UInt8(value))
            XCTAssertEqual(code(String(value), .frequency), UInt8(value))
        }
        XCTAssertEqual(code(" 4 ", .likert), 4)
        XCTAssertEqual(code("\t2\t", .frequency), 2)
    }

    func testLikertLabelsCaseInsensitiveAndTrimmed() {
        XCTAssertEqual(code("strongly disagree", .likert), 1)
        XCTAssertEqual(code("Disagree", .likert), 2)
        XCTAssertEqual(code("NEUTRAL", .likert), 3)
        XCTAssertEqual(code("neither agree nor disagree", .likert), 3)
        XCTAssertEqual(code("Neither Agree Nor Disagree", .likert), 3)
        XCTAssertEqual(code("agree", .likert), 4)
        XCTAssertEqual(code("  Strongly Agree ", .likert), 5)
        XCTAssertEqual(code("sTrOnGlY aGrEe", .likert), 5)
    }

    func testFrequencyLabels() {
        XCTAssertEqual(code("never", .frequency), 1)
        XCTAssertEqual(code("Rarely", .frequency), 2)
        XCTAssertEqual(code(" SOMETIMES", .frequency), 3)
        XCTAssertEqual(code("Often", .frequency), 4)
        XCTAssertEqual(code("always ", .frequency), 5)
    }

    func testZeroToTenStoredAsValuePlusOne() {
        for value in 0...10 {
            XCTAssertEqual(code(String(value), .zeroToTen), UInt8(value + 1), "\(value)")
        }
        XCTAssertEqual(code("0", .zeroToTen), 1)
        XCTAssertEqual(code("10", .zeroToTen), 11)
        XCTAssertEqual(code(" 7 ", .zeroToTen), 8)
    }

    func testMissingTokensGiveZeroOnEveryScale() {
        let missing = ["", "   ", "NA", "na", "n/a", "N/A", "-", " - ", "Don't know", "DON'T KNOW", "don\u{2019}t know",
                       "Prefer not to say", "PREFER NOT TO SAY", "  prefer not to say  "]
        for scale in [Scale.likert, .frequency, .zeroToTen] {
            for token in missing {
                XCTAssertEqual(code(token, scale), 0, "\(token.debugDescription) on \(scale)")
            }
        }
    }

    func testInvalidLikertCells() {
        for text in ["6", "0", "4.5", "abc", "Agree strongly", "stronglyagree", "often", "Never", "10", "-1",
                     "3 4", "+3", "agree.", "100"] {
            XCTAssertNil(code(text, .likert), "\(text.debugDescription) should be invalid on a Likert item")
        }
    }

    func testInvalidFrequencyCells() {
        for text in ["6", "0", "2.0", "agree", "strongly agree", "neutral", "very often"] {
            XCTAssertNil(code(text, .frequency), "\(text.debugDescription) should be invalid on a frequency item")
        }
    }

    func testInvalidZeroToTenCells() {
        for text in ["11", "12", "-1", "4.5", "abc", "agree", "often", "100", "ten"] {
            XCTAssertNil(code(text, .zeroToTen), "\(text.debugDescription) should be invalid on a 0-10 item")
        }
    }

    func testWorksOnASliceInsideALargerBuffer() {
        let buffer = Array("xx Agree yy".utf8)
        XCTAssertEqual(ValueParser.code(buffer[2..<9], scale: .likert), 4)
        XCTAssertEqual(ValueParser.code(buffer[3..<5], scale: .likert), nil)
    }

    func testIsMissingAndTrimmed() {
        XCTAssertTrue(ValueParser.isMissing(ArraySlice(Array(" n/a ".utf8))))
        XCTAssertTrue(ValueParser.isMissing(ArraySlice(Array("".utf8))))
        XCTAssertFalse(ValueParser.isMissing(ArraySlice(Array("Frontline".utf8))))
        XCTAssertFalse(ValueParser.isMissing(ArraySlice(Array("0".utf8))))
        XCTAssertEqual(Array(ValueParser.trimmed(ArraySlice(Array(" \t a b \r\n".utf8)))), Array("a b".utf8))
    }
}
