import Foundation
import SurveyModel
import XCTest

/// The limits of `pipeline.json` (SPEC §3.9, §7): at most 65,535 areas, and
/// `inputs.max_field_bytes` (default 1 MiB) from 1 byte to 1 GiB; beyond them a config
/// error naming the key, never a trap later on.
final class ConfigLimitTests: XCTestCase {
    /// A config of `count` areas named `Area 0` … in generated JSON.
    static func areas(_ count: Int) -> String {
        "[" + (0..<count).map { "{\"name\": \"Area \($0)\"}" }.joined(separator: ",") + "]"
    }

    func testSixtyFiveThousandFiveHundredThirtyFiveAreasLoad() throws {
        let config = try ConfigLoader.parse(Data(#"{"areas": \#(Self.areas(65_535))}"#.utf8))
        XCTAssertEqual(config.areas.count, 65_535)
        XCTAssertEqual(config.areaCatalog.match("area 65534"), 65_534)
    }

    func testOneAreaMoreIsAConfigErrorNamingTheKey() {
        XCTAssertThrowsError(try ConfigLoader.parse(Data(#"{"areas": \#(Self.areas(65_536))}"#.utf8))) { error in
            XCTAssertEqual(error as? PipelineError,
                           .config(path: "areas", message: "65536 areas; at most 65535 are supported"))
            XCTAssertEqual((error as? PipelineError)?.exitCode, 2)
        }
    }

    func testMaxFieldBytes() throws {
        let oneArea = #"[{"name": "Operations"}]"#
        XCTAssertEqual(try ConfigLoader.parse(Data(#"{"areas": \#(oneArea)}"#.utf8)).inputs.maxFieldBytes, 1_048_576)
        let set = try ConfigLoader.parse(Data(#"{"areas": \#(oneArea), "inputs": {"max_field_bytes": 4096}}"#.utf8))
        XCTAssertEqual(set.inputs.maxFieldBytes, 4096)
        for bad in ["0", "-1", "1073741825", "\"1 MiB\"", "1.5"] {
            XCTAssertThrowsError(try ConfigLoader.parse(
                Data(#"{"areas": \#(oneArea), "inputs": {"max_field_bytes": \#(bad)}}"#.utf8)), bad) { error in
                guard case .config(let path, _) = error as? PipelineError else { return XCTFail("\(error)") }
                XCTAssertEqual(path, "inputs.max_field_bytes", bad)
            }
        }
    }
}
