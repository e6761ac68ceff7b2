@testable import Export
import SurveyModel
import XCTest

/// The workbook's words for scales: the 1–5 wording for the default instrument's
/// shape, the general rule with each scale's favorable range otherwise.
final class ScaleWordingTests: XCTestCase {
    func testDefaultInstrumentKeepsTheOneToFiveWords() {
        let wording = ScaleWording(instrument: DefaultInstrument.value)
        XCTAssertTrue(wording.isDefault)
        XCTAssertTrue(wording.normalization.contains("strongly disagree 0, disagree 25, neutral 50"))
        XCTAssertEqual(wording.favorable, "agree or strongly agree; for waste questions never or rarely")
    }

    func testOtherScalesGetTheGeneralRuleAndTheirRanges() {
        var instrument = DefaultInstrument.value
        instrument.employee.items[0].scale = .agree7
        instrument.employee.items[1].scale = Scale(name: "acc6", min: 1, max: 6)
        let wording = ScaleWording(instrument: instrument)
        XCTAssertFalse(wording.isDefault)
        XCTAssertTrue(wording.normalization.contains("(answer − lowest) ÷ (highest − lowest) × 100"))
        XCTAssertEqual(wording.favorable, "the favorable answers of the question's scale (agree7 5–7, acc6 4–6, "
            + "likert 4–5, frequency 4–5); for reversed questions the unfavorable ones")
    }
}
