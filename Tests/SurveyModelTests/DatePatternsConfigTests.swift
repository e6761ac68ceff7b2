import Foundation
import SurveyModel
import XCTest

/// `inputs.date_formats` (SPEC §3.4, §3.9): compiled once at config load into tokens, and a
/// config error naming the element's key path for each kind of invalid pattern.
final class DatePatternsConfigTests: XCTestCase {
    private func config(dateFormats: String) throws(PipelineError) -> PipelineConfig {
        try ConfigLoader.parse(Data(#"{"areas": [{"name": "Operations"}], "inputs": {"date_formats": \#(dateFormats)}}"#.utf8))
    }

    /// The config error of `dateFormats`, checked to be at `path` and to mention `text`.
    private func assertError(_ dateFormats: String, at path: String, containing text: String, line: UInt = #line) {
        do throws(PipelineError) {
            _ = try config(dateFormats: dateFormats)
            XCTFail("expected a config error for \(dateFormats)", line: line)
        } catch {
            XCTAssertEqual(error.exitCode, 2, line: line)
            guard case .config(let errorPath, let message) = error else {
                return XCTFail("expected PipelineError.config, got \(error)", line: line)
            }
            XCTAssertEqual(errorPath, path, message, line: line)
            XCTAssertTrue(message.contains(text), "message \"\(message)\" lacks \"\(text)\"", line: line)
        }
    }

    func testPatternsCompileToTokensInOrder() throws {
        let patterns = try config(dateFormats: #"["%Y/%m/%d %I:%M:%S %p %z", "%d.%m.%Y %H:%M:%S.%f%%"]"#)
            .inputs.datePatterns.patterns
        XCTAssertEqual(patterns.map(\.text), ["%Y/%m/%d %I:%M:%S %p %z", "%d.%m.%Y %H:%M:%S.%f%%"])
        let slash = DatePattern.Token.literal(UInt8(ascii: "/")), colon = DatePattern.Token.literal(UInt8(ascii: ":"))
        XCTAssertEqual(patterns[0].tokens, [.year, slash, .month, slash, .day, .spaces, .hour12, colon, .minute, colon,
                                            .second, .spaces, .meridiem, .spaces, .zone])
        let dot = DatePattern.Token.literal(UInt8(ascii: "."))
        XCTAssertEqual(patterns[1].tokens, [.day, dot, .month, dot, .year, .spaces, .hour24, colon, .minute, colon,
                                            .second, dot, .fraction, .literal(UInt8(ascii: "%"))])
    }

    func testAbsentOrEmptyListMeansOnlyTheBuiltInForms() throws {
        XCTAssertEqual(try config(dateFormats: "[]").inputs.datePatterns, .none)
        XCTAssertEqual(try ConfigLoader.parse(Data(#"{"areas": [{"name": "A"}]}"#.utf8)).inputs.datePatterns, .none)
    }

    func testEachKindOfInvalidPatternNamesItsElement() {
        let good = #""%Y-%m-%d""#
        assertError(#"[\#(good), "%Y-%m-%d %H:%q"]"#, at: "inputs.date_formats[1]", containing: "unknown directive %q")
        assertError(#"["%Y-%m-%d %y"]"#, at: "inputs.date_formats[0]", containing: "unknown directive %y")
        assertError(#"[\#(good), "%Y-%m-%d %Y"]"#, at: "inputs.date_formats[1]", containing: "%Y appears twice")
        assertError(#"[\#(good), "%m/%d/%Y %H:%M %H"]"#, at: "inputs.date_formats[1]", containing: "%H appears twice")
        assertError(#"[\#(good), "%m/%Y"]"#, at: "inputs.date_formats[1]", containing: "has no %d")
        assertError(#"["%H:%M:%S"]"#, at: "inputs.date_formats[0]", containing: "has no %Y, %m, %d")
        assertError(#"[\#(good), "%m/%d/%Y %I:%M:%S"]"#, at: "inputs.date_formats[1]", containing: "%I and %p together")
        assertError(#"["%m/%d/%Y %H:%M %p"]"#, at: "inputs.date_formats[0]", containing: "%I and %p together")
        assertError(#"["%m/%d/%Y %H %I %p"]"#, at: "inputs.date_formats[0]", containing: "both %H and %I")
        assertError(#"["%m/%d/%Y %M"]"#, at: "inputs.date_formats[0]", containing: "%M without an hour")
        assertError(#"["%m/%d/%Y %H:%S"]"#, at: "inputs.date_formats[0]", containing: "%S without %M")
        assertError(#"["%m/%d/%Y %H:%M.%f"]"#, at: "inputs.date_formats[0]", containing: "%f without %S")
        assertError(#"["%m/%d/%Y %"]"#, at: "inputs.date_formats[0]", containing: "lone %")
        assertError(#"[\#(good), 7]"#, at: "inputs.date_formats[1]", containing: "expected string")
        assertError(#""%Y-%m-%d""#, at: "inputs.date_formats", containing: "expected array")
    }

    func testAppendingKeepsOrderAndSkipsRepeats() throws {
        let user = try DatePatterns(compiling: ["%d/%m/%Y", "%m/%d/%Y %H:%M:%S"], path: "inputs.date_formats")
        let platform = try DatePatterns(compiling: ["%m/%d/%Y %H:%M:%S", "%Y/%m/%d %I:%M:%S %p %z"], path: "format")
        XCTAssertEqual(user.appending(platform).patterns.map(\.text),
                       ["%d/%m/%Y", "%m/%d/%Y %H:%M:%S", "%Y/%m/%d %I:%M:%S %p %z"])
        XCTAssertEqual(DatePatterns.none.appending(user), user)
    }
}
