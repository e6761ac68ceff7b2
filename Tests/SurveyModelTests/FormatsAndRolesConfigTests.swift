import Foundation
import SurveyModel
import XCTest

/// The config keys of SPEC §3.6 and §5 Roles: `inputs.format` (one value or per kind),
/// `inputs.drop_non_responses`, `id_column: null`, `scoring.roles`, weights that must name constructs.
final class FormatsAndRolesConfigTests: XCTestCase {
    private let oneArea = #"[{"name": "Operations"}]"#

    private func parse(_ json: String) throws -> PipelineConfig {
        try ConfigLoader.parse(Data(json.utf8))
    }

    private func configError(_ json: String, line: UInt = #line) -> (path: String, message: String)? {
        do {
            _ = try parse(json)
            XCTFail("expected a config error", line: line)
        } catch {
            if case .config(let path, let message) = error as? PipelineError { return (path, message) }
            XCTFail("expected PipelineError.config, got \(error)", line: line)
        }
        return nil
    }

    func testFormatIsAutoByDefaultOneValueOrPerKind() throws {
        XCTAssertEqual(try parse(#"{"areas": \#(oneArea)}"#).inputs.formats, InputFormats(employee: .auto, customer: .auto))
        XCTAssertEqual(try parse(#"{"areas": \#(oneArea), "inputs": {"format": "qualtrics"}}"#).inputs.formats,
                       InputFormats(employee: .qualtrics, customer: .qualtrics))
        let perKind = try parse(#"{"areas": \#(oneArea), "inputs": {"format": {"employee": "google_forms"}}}"#)
        XCTAssertEqual(perKind.inputs.formats, InputFormats(employee: .googleForms, customer: .auto))
        XCTAssertTrue(try parse(#"{"areas": \#(oneArea)}"#).inputs.dropNonResponses)
        XCTAssertFalse(try parse(#"{"areas": \#(oneArea), "inputs": {"drop_non_responses": false}}"#)
            .inputs.dropNonResponses)
    }

    func testAnUnknownFormatNamesItsKey() {
        let error = configError(#"{"areas": \#(oneArea), "inputs": {"format": {"customer": "typeform"}}}"#)
        XCTAssertEqual(error?.path, "inputs.format.customer")
        XCTAssertTrue(error?.message.contains("\"surveymonkey\"") ?? false, error?.message ?? "")
    }

    func testRolesMapToConstructsOrNull() throws {
        let config = try parse(#"{"areas": \#(oneArea), "scoring": {"roles": {"low_waste": null, "leadership": "management"}}}"#)
        XCTAssertNil(config.scoring.roles[.lowWaste])
        XCTAssertEqual(config.scoring.roles[.leadership], "management")
        XCTAssertEqual(config.scoring.roles[.employeeLife], "employee_life")
        XCTAssertEqual(config.scoring.roles.unplayed(in: config.instrument), [.lowWaste])
        XCTAssertEqual(config.scoring.roles.driverConstructs, ["management"])
    }

    func testARoleNamingNoConstructOrAnUnknownRoleIsAConfigError() {
        var error = configError(#"{"areas": \#(oneArea), "scoring": {"roles": {"leadership": "vision"}}}"#)
        XCTAssertEqual(error?.path, "scoring.roles.leadership")
        error = configError(#"{"areas": \#(oneArea), "scoring": {"roles": {"culture": "leadership"}}}"#)
        XCTAssertEqual(error?.path, "scoring.roles.culture")
    }

    func testWeightsMustNameConstructs() {
        let error = configError(#"{"areas": \#(oneArea), "scoring": {"weights": {"leadership": 1, "lmi": 1}}}"#)
        XCTAssertEqual(error?.path, "scoring.weights.lmi")
    }

    func testIdColumnMayBeNullButNotMissing() throws {
        let form = #"{"recommend_item": "enps", "items": [{"key": "enps", "scale": "0-10"}, {"key": "a"}]}"#
        let base = #"{"areas": \#(oneArea), "instrument": {"constructs": [{"name": "c", "survey": "employee", "items": ["a"]}], "#
        let null = try parse(base + #""employee": \#(form.dropLast()), "id_column": null}, "customer": \#(form.dropLast()), "id_column": "response_id"}}}"#)
        XCTAssertNil(null.instrument.employee.idColumn)
        XCTAssertEqual(null.instrument.customer.idColumn, "response_id")
        let error = configError(base + #""employee": \#(form), "customer": \#(form)}}"#)
        XCTAssertEqual(error?.path, "instrument.employee.id_column")
    }
}
