import Foundation
import SurveyModel
import XCTest

/// `instrument.scales` (SPEC §3.4): user-defined scales with their defaults for
/// odd and even k, the built-in scales, and each config error with its key path.
final class ScaleConfigTests: XCTestCase {
    /// A small instrument with `scales` (a JSON list) and item q1 on scale `scale`.
    private func config(scales: String, scale: String = "likert", extra: String = "") -> String {
        #"""
        {"areas": [{"name": "A"}], "scoring": {"weights": {"lead": 1}},
         "instrument": {
           "scales": \#(scales),
           "employee": {"id_column": "emp", "recommend_item": "enps",
                        "items": [{"key": "enps", "scale": "0-10"}, {"key": "q1", "scale": "\#(scale)"}\#(extra)]},
           "customer": {"id_column": "cust", "recommend_item": "nps",
                        "items": [{"key": "c1"}, {"key": "nps", "scale": "0-10"}]},
           "constructs": [{"name": "lead", "survey": "employee", "items": ["q1"]}]}}
        """#
    }

    private func scale(_ json: String) throws -> Scale {
        let config = try ConfigLoader.parse(Data(json.utf8))
        return try XCTUnwrap(config.instrument.employee.items.first { $0.key == "q1" }?.scale)
    }

    private func assertError(_ json: String, _ path: String, containing text: String = "", line: UInt = #line) {
        do throws(PipelineError) {
            _ = try ConfigLoader.parse(Data(json.utf8))
            XCTFail("expected a config error at \(path)", line: line)
        } catch {
            guard case .config(let errorPath, let message) = error else {
                return XCTFail("expected a config error, got \(error)", line: line)
            }
            XCTAssertEqual(errorPath, path, message, line: line)
            XCTAssertTrue(text.isEmpty || message.contains(text), "message \"\(message)\" lacks \"\(text)\"", line: line)
        }
    }

    func testAUserScaleIsReadWithItsLabelsRecodesAndRanges() throws {
        let json = config(scales: #"""
            [{"name": "acc6", "min": 1, "max": 6, "labels": {"Very  Inaccurate": 1, "very accurate": 6},
              "values": {"10": 1, "11": 2}, "favorable": [5, 6], "unfavorable": [1, 3], "missing": ["Skipped"]}]
            """#, scale: "acc6")
        let scale = try scale(json)
        XCTAssertEqual(scale.name, "acc6")
        XCTAssertEqual(scale.min, 1)
        XCTAssertEqual(scale.max, 6)
        XCTAssertEqual(scale.labels, ["very inaccurate": 1, "very accurate": 6], "keys in their comparison form")
        XCTAssertEqual(scale.recodes, ["10": 1, "11": 2])
        XCTAssertEqual(scale.favorable, 5...6)
        XCTAssertEqual(scale.unfavorable, 1...3)
        XCTAssertEqual(scale.missing, ["skipped"])
    }

    func testEvenKDefaultsSplitInHalvesWithNothingNeutral() throws {
        let six = try scale(config(scales: #"[{"name": "s6", "min": 1, "max": 6}]"#, scale: "s6"))
        XCTAssertEqual(six.favorable, 4...6)
        XCTAssertEqual(six.unfavorable, 1...3)
        let four = try scale(config(scales: #"[{"name": "s4", "min": 0, "max": 3}]"#, scale: "s4"))
        XCTAssertEqual(four.favorable, 2...3)
        XCTAssertEqual(four.unfavorable, 0...1)
        let two = try scale(config(scales: #"[{"name": "yes_no", "min": 0, "max": 1}]"#, scale: "yes_no"))
        XCTAssertEqual(two.favorable, 1...1)
        XCTAssertEqual(two.unfavorable, 0...0)
    }

    func testOddKDefaultsLeaveTheMidpointNeutral() throws {
        let seven = try scale(config(scales: #"[{"name": "s7", "min": 1, "max": 7}]"#, scale: "s7"))
        XCTAssertEqual(seven.favorable, 5...7)
        XCTAssertEqual(seven.unfavorable, 1...3)
        let three = try scale(config(scales: #"[{"name": "s3", "min": 10, "max": 12}]"#, scale: "s3"))
        XCTAssertEqual(three.favorable, 12...12)
        XCTAssertEqual(three.unfavorable, 10...10)
    }

    func testBuiltInScalesHaveTheRangesOfTheSpec() {
        XCTAssertEqual(Scale.likert.favorable, 4...5)
        XCTAssertEqual(Scale.likert.unfavorable, 1...2)
        XCTAssertEqual(Scale.frequency.favorable, 4...5)
        XCTAssertEqual(Scale.frequencyTime.unfavorable, 1...2)
        XCTAssertEqual(Scale.agree7.favorable, 5...7)
        XCTAssertEqual(Scale.agree7.unfavorable, 1...3)
        XCTAssertEqual(Scale.zeroToTen.favorable, 6...10)
        XCTAssertEqual(Scale.zeroToTen.unfavorable, 0...4)
        XCTAssertEqual(Scale.builtIn.map(\.name), ["likert", "frequency", "agree7", "frequency_time", "0-10"])
    }

    func testBuiltInScalesCanBeNamedWithoutDefiningThem() throws {
        XCTAssertEqual(try scale(config(scales: "[]", scale: "agree7")), .agree7)
        XCTAssertEqual(try scale(config(scales: "[]", scale: "frequency_time")), .frequencyTime)
    }

    func testAZeroToTenItemMayBeInAConstructButNotTheRecommendItem() throws {
        let json = config(scales: "[]", scale: "0-10")
        XCTAssertEqual(try scale(json), .zeroToTen)
    }

    func testConfigErrorsNameTheirKeyPath() {
        let s = "instrument.scales[0]"
        assertError(config(scales: "[]", scale: "agree5"), "instrument.employee.items[1].scale", containing: "agree5")
        assertError(config(scales: #"[{"name": "likert", "min": 1, "max": 5}]"#), "\(s).name", containing: "built-in")
        assertError(config(scales: #"[{"name": "0-10", "min": 0, "max": 10}]"#), "\(s).name", containing: "built-in")
        assertError(config(scales: #"[{"name": "a", "min": 1, "max": 5}, {"name": "a", "min": 1, "max": 4}]"#),
                    "instrument.scales[1].name", containing: "twice")
        assertError(config(scales: #"[{"name": "a", "min": 5, "max": 5}]"#), "\(s).max", containing: "more than min")
        assertError(config(scales: #"[{"name": "a", "min": 6, "max": 2}]"#), "\(s).max", containing: "more than min")
        assertError(config(scales: #"[{"name": "a", "min": -1, "max": 5}]"#), "\(s).min", containing: "0 to 100")
        assertError(config(scales: #"[{"name": "a", "min": 1, "max": 101}]"#), "\(s).max", containing: "0 to 100")
        assertError(config(scales: #"[{"name": "a", "min": 1.5, "max": 5}]"#), "\(s).min", containing: "integer")
        assertError(config(scales: #"[{"name": "a", "max": 5}]"#), "\(s).min")
        assertError(config(scales: #"[{"name": "a", "min": 1, "max": 5, "favorable": [4, 5]}]"#),
                    "\(s).unfavorable", containing: "both")
        assertError(config(scales: #"[{"name": "a", "min": 1, "max": 5, "unfavorable": [1, 2]}]"#),
                    "\(s).favorable", containing: "both")
        assertError(config(scales: #"[{"name": "a", "min": 1, "max": 5, "favorable": [4, 6], "unfavorable": [1, 2]}]"#),
                    "\(s).favorable", containing: "[lo, hi]")
        assertError(config(scales: #"[{"name": "a", "min": 1, "max": 5, "favorable": [3, 5], "unfavorable": [1, 3]}]"#),
                    "\(s).unfavorable", containing: "overlaps")
        assertError(config(scales: #"[{"name": "a", "min": 1, "max": 5, "labels": {"top": 6}}]"#),
                    "\(s).labels.top", containing: "1 to 5")
        assertError(config(scales: #"[{"name": "a", "min": 1, "max": 4, "values": {"14": 5}}]"#),
                    "\(s).values.14", containing: "1 to 4")
        assertError(config(scales: #"[{"name": "a", "min": 1, "max": 5, "colour": "red"}]"#), "\(s).colour")
        assertError(config(scales: #"{"name": "a"}"#), "instrument.scales", containing: "array")
    }

    func testAConstructWhoseExactUnitsWouldNotFitIsAConfigError() {
        // Ranges 97 and 89 (primes) and 2 items: R = 8633, L = 2, R · L = 17266 fits; adding 83 and 79 does not.
        let scales = #"""
            [{"name": "p97", "min": 0, "max": 97}, {"name": "p89", "min": 0, "max": 89},
             {"name": "p83", "min": 0, "max": 83}, {"name": "p79", "min": 0, "max": 79}]
            """#
        let items = #", {"key": "q2", "scale": "p89"}, {"key": "q3", "scale": "p83"}, {"key": "q4", "scale": "p79"}"#
        let json = config(scales: scales, scale: "p97", extra: items)
            .replacingOccurrences(of: #""items": ["q1"]"#, with: #""items": ["q1", "q2", "q3", "q4"]"#)
        assertError(json, "instrument.constructs[0].items", containing: "exact totals")
        let fits = config(scales: scales, scale: "p97", extra: items)
            .replacingOccurrences(of: #""items": ["q1"]"#, with: #""items": ["q1", "q2"]"#)
        XCTAssertNoThrow(try ConfigLoader.parse(Data(fits.utf8)))
    }
}
