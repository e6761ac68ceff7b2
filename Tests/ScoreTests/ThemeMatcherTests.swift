@testable import Score
import SurveyModel
import XCTest

/// Keyword matching of SPEC §9.1: whole words after full case folding, phrases as consecutive
/// words, a trailing `*` as a prefix of the last word, several themes at once, none = other.
final class ThemeMatcherTests: XCTestCase {
    private let matcher = ThemeMatcher([
        CommentTheme(name: "waiting", label: "Waiting", keywords: ["wait*", "on hold"]),
        CommentTheme(name: "talent", label: "Talent", keywords: ["ideas", "not listened"]),
        CommentTheme(name: "transport", label: "Transport", keywords: ["übergabe*", "straße"]),
        CommentTheme(name: "defects", label: "Defects", keywords: ["right the first time", "re do"]),
    ])

    private func themes(_ comment: String) -> [Int] {
        var scratch = ThemeMatcher.Scratch()
        let bits = matcher.themes(of: Array(comment.utf8)[...], scratch: &scratch)
        return (0..<4).filter { bits & (1 << UInt64($0)) != 0 }
    }

    func testWholeWordsOnly() {
        XCTAssertEqual(themes("Good ideas"), [1])
        XCTAssertEqual(themes("ideasx and idea"), [], "ideas is not a prefix keyword; idea is another word")
        XCTAssertEqual(themes("await the reply"), [], "wait* matches words that start with wait, not inside one")
        XCTAssertEqual(themes("ideas, ideas!"), [1])
        XCTAssertEqual(themes("my_ideas"), [], "_ is a word character")
        XCTAssertEqual(themes("ideas2"), [], "a digit is a word character")
    }

    func testPhrasesAreConsecutiveWordsAcrossAnyNonWordCharacters() {
        XCTAssertEqual(themes("put ON   HOLD again"), [0])
        XCTAssertEqual(themes("on-hold"), [0])
        XCTAssertEqual(themes("on\nhold"), [0])
        XCTAssertEqual(themes("hold on"), [], "order matters")
        XCTAssertEqual(themes("on the hold"), [], "consecutive words only")
        XCTAssertEqual(themes("we were not listened to"), [1])
        XCTAssertEqual(themes("re-do it"), [3])
        XCTAssertEqual(themes("right the first"), [], "the whole phrase")
    }

    func testWildcardIsAPrefixOfTheLastWord() {
        XCTAssertEqual(themes("wait"), [0])
        XCTAssertEqual(themes("Waiting"), [0])
        XCTAssertEqual(themes("waited, waits"), [0])
        XCTAssertEqual(themes("wai"), [])
    }

    func testFullCaseFoldingOfNonASCII() {
        XCTAssertEqual(themes("WARTEZEIT"), [], "wart* is not a keyword here")
        let german = ThemeMatcher([CommentTheme(name: "waiting", label: "Waiting", keywords: ["wart*"])])
        var scratch = ThemeMatcher.Scratch()
        for text in ["Warte", "WARTEZEIT", "die Wartezeit ist lang", "Wartezeit", "ﬁx WARTEN"] {
            XCTAssertEqual(german.themes(of: Array(text.utf8)[...], scratch: &scratch), 1, text)
        }
        XCTAssertEqual(german.themes(of: Array("Erwartung".utf8)[...], scratch: &scratch), 0, "not a prefix")
        XCTAssertEqual(themes("Die ÜBERGABE dauert"), [2])
        XCTAssertEqual(themes("Übergabezeit"), [2])
        XCTAssertEqual(themes("STRASSE"), [2], "ß folds to ss")
        XCTAssertEqual(themes("Straße"), [2])
        XCTAssertEqual(themes("ÜBERGABE"), [2])
    }

    func testACommentInSeveralThemesAndOther() {
        XCTAssertEqual(themes("Waiting for ideas to be used; nothing right the first time"), [0, 1, 3])
        XCTAssertEqual(themes("All good, thank you"), [], "no theme: other")
        XCTAssertEqual(themes(""), [])
        XCTAssertEqual(themes("تحسين العمليات يوفر الوقت"), [])
    }

    func testNoThemesMatchNothing() {
        var scratch = ThemeMatcher.Scratch()
        XCTAssertEqual(ThemeMatcher([]).themes(of: Array("wait".utf8)[...], scratch: &scratch), 0)
    }

    func testWordsAreLettersDigitsAndUnderscoreAfterFolding() {
        var scratch = ThemeMatcher.Scratch()
        ThemeMatcher.split(Array("Ab_1 c-d  É2\te".utf8)[...], into: &scratch)
        let words = zip(scratch.starts, scratch.ends).map { String(decoding: scratch.folded[$0..<$1], as: UTF8.self) }
        XCTAssertEqual(words, ["ab_1", "c", "d", "é2", "e"])
    }
}
