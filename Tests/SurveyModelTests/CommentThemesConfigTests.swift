import Foundation
import SurveyModel
import XCTest

/// The config keys of SPEC §9.1 and §10 that later stages use: `instrument.comment_themes`,
/// `output.comment_examples` and `output.per_area`, read back and checked with their key paths.
final class CommentThemesConfigTests: XCTestCase {
    private let oneArea = #"[{"name": "Operations"}]"#

    private func config(themes: String) -> String {
        let form = #"{"id_column": "id", "recommend_item": null, "items": [{"key": "q1"}]}"#
        return #"{"areas": \#(oneArea), "instrument": {"employee": \#(form), "customer": \#(form), "#
            + #""constructs": [{"name": "c", "survey": "employee", "items": ["q1"]}], "comment_themes": \#(themes)}}"#
    }

    private func configError(_ json: String, line: UInt = #line) -> (path: String, message: String)? {
        do {
            _ = try ConfigLoader.parse(Data(json.utf8))
            XCTFail("expected a config error", line: line)
        } catch {
            if case .config(let path, let message) = error { return (path, message) }
            XCTFail("expected PipelineError.config, got \(error)", line: line)
        }
        return nil
    }

    func testThemesAreReadInConfigOrderWithTheLabelDefaultingToTheName() throws {
        let themes = #"[{"name": "waiting", "label": "Waiting", "keywords": ["wait*", "approval*"]}, "#
            + #"{"name": "motion", "keywords": ["find the tools"]}]"#
        let parsed = try ConfigLoader.parse(Data(config(themes: themes).utf8))
        XCTAssertEqual(parsed.instrument.commentThemes, [
            CommentTheme(name: "waiting", label: "Waiting", keywords: ["wait*", "approval*"]),
            CommentTheme(name: "motion", label: "motion", keywords: ["find the tools"]),
        ])
    }

    func testNoThemesAndTheOutputDefaults() throws {
        // Without an instrument section the default instrument applies, with the eight wastes.
        let parsed = try ConfigLoader.parse(Data(#"{"areas": \#(oneArea)}"#.utf8))
        XCTAssertEqual(parsed.instrument.commentThemes.map(\.name),
                       ["defects", "overproduction", "waiting", "talent", "transport", "inventory", "motion", "processing"])
        XCTAssertEqual(parsed.output, OutputOptions(commentExamples: 3, perArea: false))
        let set = try ConfigLoader.parse(Data(#"{"areas": \#(oneArea), "output": {"comment_examples": 0, "per_area": true}}"#.utf8))
        XCTAssertEqual(set.output, OutputOptions(commentExamples: 0, perArea: true))
    }

    func testThemeErrorsNameTheirKeyPath() {
        let good = #"{"name": "a", "keywords": ["x"]}"#
        let cases: [(themes: String, path: String, says: String)] = [
            (#"[\#(good), {"name": "b", "keywords": ["y"]}, {"name": "c", "keywords": []}]"#,
             "instrument.comment_themes[2].keywords", "non-empty"),
            (#"[\#(good), {"name": "c"}]"#, "instrument.comment_themes[1].keywords", "non-empty"),
            (#"[\#(good), {"name": "a", "keywords": ["z"]}]"#, "instrument.comment_themes[1].name", "listed twice"),
            (#"[{"name": "", "keywords": ["x"]}]"#, "instrument.comment_themes[0].name", "theme name"),
            (#"[{"name": "other", "keywords": ["x"]}]"#, "instrument.comment_themes[0].name", "match no theme"),
            (#"[{"name": "a", "keywords": ["x", " * "]}]"#, "instrument.comment_themes[0].keywords[1]", "at least one word"),
            (#"[{"name": "a", "keywords": ["x", 3]}]"#, "instrument.comment_themes[0].keywords[1]", "expected string"),
            (#"[{"name": "a", "keywords": ["x"], "colour": "red"}]"#, "instrument.comment_themes[0].colour", "unknown key"),
            (#"{"name": "a"}"#, "instrument.comment_themes", "expected array"),
            ("[" + (0...64).map { #"{"name": "t\#($0)", "keywords": ["x"]}"# }.joined(separator: ", ") + "]",
             "instrument.comment_themes", "at most 64 themes"),
        ]
        for entry in cases {
            let error = configError(config(themes: entry.themes))
            XCTAssertEqual(error?.path, entry.path, entry.themes)
            XCTAssertTrue(error?.message.contains(entry.says) ?? false, "\(entry.themes): \(error?.message ?? "")")
        }
    }

    func testSixtyFourThemesAreAllowed() throws {
        let themes = "[" + (0..<64).map { #"{"name": "t\#($0)", "keywords": ["x"]}"# }.joined(separator: ", ") + "]"
        let parsed = try ConfigLoader.parse(Data(config(themes: themes).utf8))
        XCTAssertEqual(parsed.instrument.commentThemes.count, 64)
    }

    func testOutputErrorsNameTheirKeyPath() {
        let cases: [(output: String, path: String, says: String)] = [
            (#"{"comment_examples": -1}"#, "output.comment_examples", "at least 0"),
            (#"{"comment_examples": 2.5}"#, "output.comment_examples", "expected integer"),
            (#"{"per_area": "yes"}"#, "output.per_area", "true or false"),
        ]
        for entry in cases {
            let error = configError(#"{"areas": \#(oneArea), "output": \#(entry.output)}"#)
            XCTAssertEqual(error?.path, entry.path, entry.output)
            XCTAssertTrue(error?.message.contains(entry.says) ?? false, "\(entry.output): \(error?.message ?? "")")
        }
    }
}
