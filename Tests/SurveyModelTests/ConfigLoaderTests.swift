import Foundation
import SurveyModel
import XCTest

/// `pipeline.json` (SPEC §3.6): the defaults of a minimal config, a full config
/// read back, and config errors that name their key path and exit with status 2.
final class ConfigLoaderTests: XCTestCase {
    private let oneArea = #"[{"name": "Operations"}]"#

    private func parse(_ json: String) throws -> PipelineConfig {
        try ConfigLoader.parse(Data(json.utf8))
    }

    /// The config error `json` gives: its key path and message.
    private func failure(_ json: String, line: UInt = #line) -> (path: String, message: String)? {
        do throws(PipelineError) {
            _ = try ConfigLoader.parse(Data(json.utf8))
            XCTFail("expected a config error", line: line)
        } catch {
            XCTAssertEqual(error.exitCode, 2, line: line)
            if case .config(let path, let message) = error { return (path, message) }
            XCTFail("expected PipelineError.config, got \(error)", line: line)
        }
        return nil
    }

    private func assertPath(_ json: String, _ path: String, containing text: String = "", line: UInt = #line) {
        guard let error = failure(json, line: line) else { return }
        XCTAssertEqual(error.path, path, error.message, line: line)
        XCTAssertTrue(text.isEmpty || error.message.contains(text), "message \"\(error.message)\" lacks \"\(text)\"", line: line)
    }

    func testMinimalConfigGetsTheDefaults() throws {
        let config = try parse(#"{"areas": \#(oneArea)}"#)
        XCTAssertEqual(config.areas, [Area(name: "Operations", aliases: [], headcount: nil)])
        XCTAssertNil(config.catchAllArea)
        XCTAssertEqual(config.wavePeriod, .quarter)
        XCTAssertEqual(config.instrument, DefaultInstrument.value)
        XCTAssertEqual(config.inputs, InputConfig(employees: [], customers: [], delimiter: nil, renames: [:]))
        XCTAssertNil(config.inputs.delimiter, "delimiter auto by default (SPEC §3.1)")
        XCTAssertEqual(config.inputs.encoding(.employee), .utf8)
        XCTAssertEqual(config.inputs.encoding(.customer), .utf8)
        XCTAssertEqual(config.maxRejectFraction, 0.05)
        XCTAssertEqual(config.outputFolder, "reports")
        XCTAssertEqual(config.reportName, "readiness-{wave}")
        // SPEC §4, §5 and §9 defaults.
        XCTAssertEqual(config.scoring.minAnsweredFraction, 0.5)
        XCTAssertEqual(config.scoring.quadrantThreshold, 60)
        XCTAssertEqual(config.scoring.weights, ["leadership": 0.30, "management": 0.10, "employee_life": 0.20,
                                                "low_waste": 0.15, "customer_life": 0.25])
        XCTAssertEqual(config.scoring.bands, [Band(label: "Ready", min: 75), Band(label: "Emerging", min: 60)])
        XCTAssertEqual(config.scoring.lowestBand, "Not ready")
        XCTAssertEqual(config.scoring.evaporationDrop, 10)
        XCTAssertEqual(config.scoring.minDriverN, 30)
        XCTAssertEqual(config.privacy.minGroupSize, 5)
        XCTAssertEqual(config.privacy.minCommentGroupSize, 10)
    }

    func testFullConfigIsReadBack() throws {
        let config = try parse(#"""
        {"inputs": {"employees": ["e/*.csv"], "customers": ["c.csv"], "delimiter": "tab",
                    "columns": {"employee": {"respondent_id": "Employee ID"}}},
         "areas": [{"name": "Operations", "aliases": ["Ops"], "headcount": 40},
                   {"name": "Other", "aliases": [], "headcount": null}],
         "catch_all_area": " other ", "wave_period": "month",
         "scoring": {"min_answered_fraction": 1, "weights": {"leadership": 2, "cx": 1},
                     "bands": [{"label": "Low", "min": 10}, {"label": "High", "min": 80}], "min_driver_n": 2},
         "privacy": {"min_group_size": 3, "min_comment_group_size": 3},
         "quality_gate": {"max_reject_fraction": 0.2},
         "output": {"folder": "out", "report_name": "r-{wave}"}}
        """#)
        XCTAssertEqual(config.inputs.employees, ["e/*.csv"])
        XCTAssertEqual(config.inputs.customers, ["c.csv"])
        XCTAssertEqual(config.inputs.delimiter, 9)
        XCTAssertEqual(config.inputs.renames, [.employee: ["respondent_id": "Employee ID"]])
        XCTAssertEqual(config.areas, [Area(name: "Operations", aliases: ["Ops"], headcount: 40), Area(name: "Other")])
        XCTAssertEqual(config.catchAllArea, " other ")
        XCTAssertEqual(config.areaCatalog.match("nowhere"), 1)
        XCTAssertEqual(config.wavePeriod, .month)
        XCTAssertEqual(config.scoring.minAnsweredFraction, 1)
        XCTAssertEqual(config.scoring.weights, ["leadership": 2, "cx": 1])
        XCTAssertEqual(config.scoring.bands.map(\.label), ["High", "Low"])
        XCTAssertEqual(config.privacy.minGroupSize, 3)
        XCTAssertEqual(config.maxRejectFraction, 0.2)
        XCTAssertEqual(config.outputFolder, "out")
        XCTAssertEqual(config.reportName, "r-{wave}")
    }

    func testDelimiterSpellings() throws {
        for (text, byte) in [(",", 44), (";", 59), ("semicolon", 59), ("\\t", 9), ("tab", 9), ("|", 124)] {
            let json = #"{"areas": \#(oneArea), "inputs": {"delimiter": "\#(text)"}}"#
            XCTAssertEqual(try parse(json).inputs.delimiter, UInt8(byte), text)
        }
        assertPath(#"{"areas": \#(oneArea), "inputs": {"delimiter": ":"}}"#, "inputs.delimiter")
    }

    func testDelimiterAutoIsNil() throws {
        XCTAssertNil(try parse(#"{"areas": \#(oneArea), "inputs": {"delimiter": "auto"}}"#).inputs.delimiter)
    }

    /// `inputs.encoding` (SPEC §3.1): one value for both surveys, or one per kind.
    func testEncodingOneValueOrPerKind() throws {
        for (text, value) in [("utf-8", InputEncoding.utf8), ("windows-1252", .windows1252), ("UTF-16", .utf16),
                              ("auto", .auto)] {
            let config = try parse(#"{"areas": \#(oneArea), "inputs": {"encoding": "\#(text)"}}"#)
            XCTAssertEqual(config.inputs.encoding(.employee), value, text)
            XCTAssertEqual(config.inputs.encoding(.customer), value, text)
        }
        let config = try parse(#"{"areas": \#(oneArea), "inputs": {"encoding": {"customer": "windows-1252"}}}"#)
        XCTAssertEqual(config.inputs.encoding(.employee), .utf8)
        XCTAssertEqual(config.inputs.encoding(.customer), .windows1252)
    }

    func testEncodingErrorsNameTheKeyPath() {
        assertPath(#"{"areas": \#(oneArea), "inputs": {"encoding": "latin-1"}}"#, "inputs.encoding",
                   containing: "\"windows-1252\"")
        assertPath(#"{"areas": \#(oneArea), "inputs": {"encoding": {"customer": "ebcdic"}}}"#,
                   "inputs.encoding.customer", containing: "(got \"ebcdic\")")
        assertPath(#"{"areas": \#(oneArea), "inputs": {"encoding": {"staff": "utf-8"}}}"#, "inputs.encoding.staff",
                   containing: "unknown key")
        assertPath(#"{"areas": \#(oneArea), "inputs": {"encoding": 8}}"#, "inputs.encoding", containing: "expected")
        assertPath(#"{"areas": \#(oneArea), "inputs": {"encoding": {"employee": 8}}}"#, "inputs.encoding.employee",
                   containing: "expected string")
    }

    func testUnknownKeysNameTheirPath() {
        assertPath(#"{"areas": \#(oneArea), "colour": "blue"}"#, "colour", containing: "unknown key")
        assertPath(#"{"areas": \#(oneArea), "privacy": {"min_group": 3}}"#, "privacy.min_group", containing: "unknown key")
        assertPath(#"{"areas": [{"name": "A", "alias": ["B"]}]}"#, "areas[0].alias", containing: "unknown key")
    }

    /// A column rename for a column the survey does not have is an unknown key (SPEC §3.6), not silently ignored.
    func testRenameOfAnUnknownColumnIsAConfigError() {
        assertPath(#"{"areas": \#(oneArea), "inputs": {"columns": {"employee": {"respondant_id": "Employee ID"}}}}"#,
                   "inputs.columns.employee.respondant_id")
        assertPath(#"{"areas": \#(oneArea), "inputs": {"columns": {"customer": {"respondent_id": "ID"}}}}"#,
                   "inputs.columns.customer.respondent_id")
    }

    func testHeadcountAsStringIsNotAnInteger() {
        let json = #"{"areas": [{"name": "A", "headcount": 7}, {"name": "B", "headcount": "12"}]}"#
        guard let error = failure(json) else { return }
        XCTAssertEqual(error.path, "areas[1].headcount")
        XCTAssertEqual(error.message, "expected integer")
        XCTAssertEqual(PipelineError.config(path: error.path, message: error.message).description,
                       "config error: areas[1].headcount: expected integer")
        assertPath(#"{"areas": [{"name": "A", "headcount": 12.5}]}"#, "areas[0].headcount", containing: "integer")
        assertPath(#"{"areas": [{"name": "A", "headcount": 0}]}"#, "areas[0].headcount", containing: "positive")
    }

    func testAreasMustBeAListOfDistinctNames() {
        assertPath(#"{"areas": [{"name": "Operations"}, {"name": "  OPERATIONS "}]}"#, "areas[1].name",
                   containing: "Operations")
        assertPath(#"{"areas": []}"#, "areas")
        assertPath(#"{"wave_period": "month"}"#, "areas")
        assertPath(#"{"areas": [{"name": "  "}]}"#, "areas[0].name")
        assertPath(#"{"areas": {"name": "A"}}"#, "areas", containing: "array")
    }

    func testAnAliasSharedByTwoAreas() {
        assertPath(#"{"areas": [{"name": "Operations", "aliases": ["Ops"]}, {"name": "Finance", "aliases": ["Fin", "OPS"]}]}"#,
                   "areas[1].aliases[1]", containing: "Operations")
        assertPath(#"{"areas": [{"name": "Ops"}, {"name": "Finance", "aliases": ["ops"]}]}"#, "areas[1].aliases[0]")
        assertPath(#"{"areas": [{"name": "A", "aliases": ["x"]}, {"name": "X"}]}"#, "areas[1].name")
    }

    func testCatchAllMustBeAConfiguredArea() {
        assertPath(#"{"areas": \#(oneArea), "catch_all_area": "Elsewhere"}"#, "catch_all_area")
    }

    func testScoringAndPrivacyBounds() {
        assertPath(#"{"areas": \#(oneArea), "scoring": {"weights": {"leadership": 0, "management": 0.0}}}"#,
                   "scoring.weights", containing: "sum")
        assertPath(#"{"areas": \#(oneArea), "scoring": {"weights": {"leadership": -1}}}"#, "scoring.weights.leadership")
        assertPath(#"{"areas": \#(oneArea), "scoring": {"weights": {"speed": 1}}}"#, "scoring.weights.speed")
        assertPath(#"{"areas": \#(oneArea), "privacy": {"min_group_size": 0}}"#, "privacy.min_group_size",
                   containing: "at least 1")
        assertPath(#"{"areas": \#(oneArea), "scoring": {"min_answered_fraction": 1.5}}"#,
                   "scoring.min_answered_fraction")
        assertPath(#"{"areas": \#(oneArea), "scoring": {"min_answered_fraction": 0}}"#, "scoring.min_answered_fraction")
        assertPath(#"{"areas": \#(oneArea), "quality_gate": {"max_reject_fraction": 2}}"#,
                   "quality_gate.max_reject_fraction")
        assertPath(#"{"areas": \#(oneArea), "scoring": {"quadrant_threshold": "high"}}"#,
                   "scoring.quadrant_threshold", containing: "number")
        assertPath(#"{"areas": \#(oneArea), "output": {"report_name": "../x"}}"#, "output.report_name")
    }

    func testWavePeriodMustBeQuarterOrMonth() {
        assertPath(#"{"areas": \#(oneArea), "wave_period": "week"}"#, "wave_period")
        assertPath(#"{"areas": \#(oneArea), "wave_period": 3}"#, "wave_period", containing: "string")
    }

    /// A small two-form instrument whose first construct lists `items`.
    private func instrument(_ items: String) -> String {
        #"""
        {"areas": [{"name": "A"}], "scoring": {"weights": {"lead": 1}},
         "instrument": {
           "employee": {"id_column": "emp", "recommend_item": "enps",
                        "items": [{"key": "enps", "scale": "0-10"}, {"key": "q1"}, {"key": "w1", "scale": "frequency", "reverse": true}]},
           "customer": {"id_column": "cust", "recommend_item": "nps",
                        "items": [{"key": "c1", "text": "Easy"}, {"key": "nps", "scale": "0-10"}]},
           "constructs": [{"name": "lead", "survey": "employee", "items": \#(items)}]}}
        """#
    }

    func testAnInstrumentIsReadAndItsConstructsChecked() throws {
        let config = try parse(instrument(#"["q1", "w1"]"#))
        XCTAssertEqual(config.instrument.employee.items.map(\.key), ["q1", "w1", "enps"])
        XCTAssertEqual(config.instrument.employee.items.map(\.reversed), [false, true, false])
        XCTAssertEqual(config.instrument.customer.items.first, Item(key: "c1", text: "Easy", scale: .likert))
        XCTAssertEqual(config.instrument.constructs, [Construct(name: "lead", label: "lead", survey: .employee,
                                                                items: ["q1", "w1"])])
        assertPath(instrument(#"["q1", "q9"]"#), "instrument.constructs[0].items[1]", containing: "q9")
        assertPath(instrument(#"["c1"]"#), "instrument.constructs[0].items[0]")
        assertPath(instrument(#"["enps"]"#), "instrument.constructs[0].items[0]")
    }

    func testMalformedJSONIsAConfigError() {
        assertPath(#"{"areas": [}"#, "", containing: "not valid JSON")
        assertPath(#"["areas"]"#, "", containing: "object")
    }

    func testExitCodes() {
        XCTAssertEqual(PipelineError.config(path: "x", message: "y").exitCode, 2)
        XCTAssertEqual(PipelineError.usage("u").exitCode, 2)
        XCTAssertEqual(PipelineError.input(file: "f", line: 1, message: "m").exitCode, 3)
        XCTAssertEqual(PipelineError.qualityGate(rejected: 1, read: 10, limit: 0.05).exitCode, 4)
        XCTAssertEqual(PipelineError.other("o").exitCode, 1)
    }
}
