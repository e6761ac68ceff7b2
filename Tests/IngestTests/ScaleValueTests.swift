import Ingest
import SurveyModel
import XCTest

/// Answer cells on every kind of scale (SPEC §3.4): the built-in label sets, the
/// `0-10` label form, user scales with recodes applied first, their own missing
/// texts, codes stored as value − min + 1, and labels compared as §3 "Comparing
/// text" says (inner white space collapsed, full Unicode case folding, NFC).
final class ScaleValueTests: XCTestCase {
    private func code(_ text: String, _ scale: Scale) -> UInt8? {
        ValueParser.code(ArraySlice(Array(text.utf8)), scale: scale)
    }

    func testLikertSomewhatLabelsOfQualtrics() {
        XCTAssertEqual(code("Somewhat disagree", .likert), 2)
        XCTAssertEqual(code("Somewhat agree", .likert), 4)
        XCTAssertEqual(code("SOMEWHAT AGREE", .likert), 4)
        XCTAssertEqual(code("Neither agree nor disagree", .likert), 3)
        XCTAssertEqual(code("  somewhat   agree ", .likert), 4, "inner white space collapses")
        XCTAssertEqual(code("strongly\tagree", .likert), 5)
    }

    func testAgree7LabelsAndIntegers() {
        let labels = ["Strongly disagree", "Disagree", "Somewhat disagree", "Neither agree nor disagree",
                      "Somewhat agree", "Agree", "Strongly agree"]
        for (offset, label) in labels.enumerated() {
            XCTAssertEqual(code(label, .agree7), UInt8(offset + 1), label)
            XCTAssertEqual(code(String(offset + 1), .agree7), UInt8(offset + 1))
        }
        XCTAssertEqual(code("Neutral", .agree7), 4)
        XCTAssertNil(code("8", .agree7))
        XCTAssertNil(code("0", .agree7))
    }

    func testFrequencyTimeLabels() {
        XCTAssertEqual(code("Never", .frequencyTime), 1)
        XCTAssertEqual(code("Sometimes", .frequencyTime), 2)
        XCTAssertEqual(code("About half the time", .frequencyTime), 3)
        XCTAssertEqual(code("Most of the time", .frequencyTime), 4)
        XCTAssertEqual(code("Always", .frequencyTime), 5)
        XCTAssertNil(code("Rarely", .frequencyTime))
    }

    func testZeroToTenLabelsStartWithTheInteger() {
        XCTAssertEqual(code("10 - Extremely likely", .zeroToTen), 11)
        XCTAssertEqual(code("0 - Not at all likely", .zeroToTen), 1)
        XCTAssertEqual(code("0-Not likely", .zeroToTen), 1)
        XCTAssertEqual(code("7 ", .zeroToTen), 8)
        XCTAssertEqual(code("9 Very likely", .zeroToTen), 10)
        XCTAssertEqual(code("10 \u{2013} Extr\u{E8}mement probable", .zeroToTen), 11, "a non-ASCII label")
        for text in ["11 - Beyond", "Extremely likely", "5.5", "5/10", "-5", "100 - x"] {
            XCTAssertNil(code(text, .zeroToTen), text)
        }
        XCTAssertEqual(code("-", .zeroToTen), 0, "a lone dash is missing")
        XCTAssertNil(code("10 - Extremely likely", .likert), "only the 0-10 scale reads integer labels")
    }

    func testAOneToSixUserScaleStoresValueMinusMinPlusOne() {
        let scale = Scale(name: "acc6", min: 1, max: 6, labels: ["Very Inaccurate": 1, "Very accurate": 6])
        for value in 1...6 { XCTAssertEqual(code(String(value), scale), UInt8(value)) }
        XCTAssertNil(code("7", scale))
        XCTAssertNil(code("0", scale))
        XCTAssertEqual(code("very inaccurate", scale), 1)
        XCTAssertEqual(code("VERY  ACCURATE", scale), 6)
        let shifted = Scale(name: "s", min: 10, max: 12)
        XCTAssertEqual(code("10", shifted), 1)
        XCTAssertEqual(code("12", shifted), 3)
        XCTAssertNil(code("9", shifted))
        let wide = Scale(name: "slider", min: 0, max: 100)
        XCTAssertEqual(code("100", wide), 101)
        XCTAssertEqual(code("0", wide), 1)
        XCTAssertNil(code("101", wide))
    }

    func testRecodesApplyBeforeTheIntegers() {
        // A platform's "recode values": answers stored as 10–13 for a 1–4 scale.
        let scale = Scale(name: "rec", min: 1, max: 4, recodes: ["10": 1, "11": 2, "12": 3, "13": 4, "Yes ": 4])
        XCTAssertEqual(code("10", scale), 1)
        XCTAssertEqual(code("11", scale), 2)
        XCTAssertEqual(code(" 12 ", scale), 3)
        XCTAssertEqual(code("13", scale), 4)
        XCTAssertEqual(code("YES", scale), 4, "recode keys are matched like labels")
        XCTAssertEqual(code("3", scale), 3, "the integers min…max stay valid")
        XCTAssertNil(code("14", scale))
        let swapped = Scale(name: "swap", min: 1, max: 2, recodes: ["1": 2, "2": 1])
        XCTAssertEqual(code("1", swapped), 2, "a recode wins over the one-digit fast path")
        XCTAssertEqual(code("2", swapped), 1)
    }

    func testTheScalesOwnMissingTexts() {
        let scale = Scale(name: "m", min: 1, max: 5, missing: ["Not applicable", "99"])
        XCTAssertEqual(code("not  applicable", scale), 0)
        XCTAssertEqual(code("99", scale), 0)
        XCTAssertEqual(code("N/A", scale), 0, "the common missing texts still apply")
        XCTAssertNil(code("not applicable", .likert))
    }

    func testNonASCIILabelsFoldCaseFullyAndCompareNFC() {
        let scale = Scale(name: "de", min: 1, max: 3, labels: ["Stra\u{DF}e": 1, "\u{C9}lev\u{E9}": 2, "Tout \u{E0} fait": 3])
        XCTAssertEqual(code("STRASSE", scale), 1, "full case folding: ß folds to ss")
        XCTAssertEqual(code("stra\u{DF}e", scale), 1)
        XCTAssertEqual(code("\u{E9}LEV\u{C9}", scale), 2)
        XCTAssertEqual(code("E\u{301}leve\u{301}", scale), 2, "decomposed é is the same text (NFC)")
        XCTAssertEqual(code("TOUT \u{C0}  FAIT", scale), 3)
        XCTAssertEqual(code("\u{A0}Tout \u{E0} fait\u{A0}", scale), 3, "Unicode white space is trimmed")
        XCTAssertNil(code("Tout a fait", scale))
        XCTAssertEqual(code("DON\u{2019}T KNOW", .likert), 0)
    }
}
