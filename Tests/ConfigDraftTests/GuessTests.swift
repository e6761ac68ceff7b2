@testable import ConfigDraft
import Foundation
import SurveyModel
import XCTest

/// `init`'s guesses one by one (SPEC §8 `init`, §3.1 delimiter `auto`), on hand-made inputs.
final class GuessTests: XCTestCase {
    private func column(_ values: [String]) -> ColumnProfile {
        var profile = ColumnProfile(header: "c")
        for (line, value) in values.enumerated() { profile.add(Array(value.utf8), line: line + 2) }
        return profile
    }

    func testNarrowestBuiltInScaleThatHoldsEveryValue() {
        XCTAssertEqual(Guess.scale(column(["1", "5", "3", "NA", ""])), .builtIn(.likert))
        XCTAssertEqual(Guess.scale(column(["Agree", "Strongly agree", " agree "])), .builtIn(.likert))
        XCTAssertEqual(Guess.scale(column(["4", "Sometimes", "never"])), .builtIn(.frequency))
        XCTAssertEqual(Guess.scale(column(["0", "7", "10"])), .builtIn(.zeroToTen))
        XCTAssertEqual(Guess.scale(column(["0", "3", "9"])), .builtIn(.zeroToTen))
        XCTAssertEqual(Guess.scale(column(["1", "4", "6"])), .integers(1...6), "no 9 or 10: not 0-10")
        XCTAssertEqual(Guess.scale(column(["1", "7", "2"])), .integers(1...7), "integer codes: the range seen, not agree7's labels")
        XCTAssertEqual(Guess.scale(column(["10", "13", "12"])), .integers(10...13), "platform recode values")
        XCTAssertEqual(Guess.scale(column(["Agree", "Somewhat agree", "Strongly agree"])), .builtIn(.agree7),
                       "likert reads these too, but as two codes, not three")
        XCTAssertEqual(Guess.scale(column(["Most of the time", "Never", "Sometimes"])), .builtIn(.frequencyTime))
        XCTAssertEqual(DraftForm.integerScale(1...6), Scale(name: "int1_6", min: 1, max: 6))
        XCTAssertNil(DraftForm.integerScale(12...12), "one value: a scale needs min < max")
        XCTAssertNil(DraftForm.integerScale(0...101), "above the 100 a scale can hold")
        XCTAssertEqual(Guess.scale(column(["0", "10", "12"])), .integers(0...12))
        XCTAssertEqual(Guess.scale(column(["agree", "often"])),
                       .notAScale("answers that are no scale's labels, e.g. \"agree\""))
        XCTAssertEqual(Guess.scale(column(["NA", "-"])), .notAScale("no answers"))
        XCTAssertEqual(Guess.scale(column((0..<101).map { "text \($0)" })),
                       .notAScale("more than 100 different answers"))
    }

    func testOneConstructPerSharedPrefixElseOnePerSurvey() {
        let grouped = DraftForm.constructs(["lead_a", "Q3_1", "lead_b", "Q3_2", "solo", "x_only"], kind: .employee)
        XCTAssertEqual(grouped.map(\.name), ["lead", "Q3", "employee"])
        XCTAssertEqual(grouped.map(\.items), [["lead_a", "lead_b"], ["Q3_1", "Q3_2"], ["solo", "x_only"]])
        let flat = DraftForm.constructs(["easy", "fast"], kind: .customer)
        XCTAssertEqual(flat.map(\.name), ["customer"])
        XCTAssertEqual(flat.map(\.items), [["easy", "fast"]])
    }

    /// lcm(1…15) × 4 = 1,441,440 fits the 2^21 limit, lcm(1…16) × 4 = 2,882,880 does not: 21 likert
    /// items become parts of 15 and 6; one 0–10 item beside likert ones (lcm 20) fits only 12.
    func testAConstructTooLargeForExactTotalsIsSplitIntoPartsThatFit() {
        let keys = (1...21).map { "q\($0)" }
        let parts = DraftForm.fitted([DraftConstruct(name: "employee", survey: .employee, items: keys)]) { _ in 4 }
        XCTAssertEqual(parts.map(\.name), ["employee", "employee_2"])
        XCTAssertEqual(parts.map(\.items), [Array(keys[0..<15]), Array(keys[15...])])
        let mixed = DraftForm.fitted([DraftConstruct(name: "c", survey: .customer, items: keys)]) { $0 == "q1" ? 10 : 4 }
        XCTAssertEqual(mixed.map(\.items.count), [12, 9])
        let small = DraftForm.fitted([DraftConstruct(name: "c", survey: .customer, items: ["a", "b"])]) { _ in 4 }
        XCTAssertEqual(small.map(\.items), [["a", "b"]])
    }

    func testRolesAndMetadataColumns() {
        let header = ["ResponseId", "RecordedDate", "Department", "Status", "Q1", "Comments"]
        XCTAssertEqual(Guess.idColumn(header, kind: .employee), 0)
        XCTAssertEqual(Guess.dateColumn(header), 1)
        XCTAssertEqual(Guess.areaColumn(header), 2)
        XCTAssertEqual(Guess.areaColumn(["Q1", "Q2"], texts: ["Your team's name?", "Which area do you work in?"]), 0,
                       "by question text, a whole word")
        XCTAssertNil(Guess.areaColumn(["Q1"], texts: ["Are you teamed up?"]))
        XCTAssertEqual(Guess.commentColumn(["Q1", "Q9"], texts: ["Pace", "Any other comments?"]), 1)
        XCTAssertEqual(Guess.commentColumn(header), 5)
        XCTAssertTrue(Guess.isMetadata("Status"))
        XCTAssertFalse(Guess.isMetadata("Q1"))
        XCTAssertEqual(Guess.prefix("lead_vision"), "lead")
        XCTAssertNil(Guess.prefix("_x"))
        XCTAssertNil(Guess.prefix("plain"))
    }

    /// A plain file with a 1–5 column, a 0–10 column, agreement labels and free text: likert,
    /// 0-10 (the recommend item), likert; the text column is left out with a note; areas in order
    /// of first appearance, other spellings folded into the first one; the input path relative to
    /// the config's folder.
    func testDraftOfAHandMadePlainFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("draft-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("staff.csv").path
        try Data("""
            respondent_id,submitted_at,Area,pace,recommend,support,notes
            e1,2026-07-01,North, 1,10,Agree,a
            e2,2026-07-02,south,5,0,Strongly agree,b
            e3,2026-07-03,NORTH,3,9,agree,c

            """.utf8).write(to: URL(fileURLWithPath: path))
        let draft = try ConfigDrafter.draft(employees: path, customers: nil, configFolder: folder.path)
        let config = try ConfigLoader.parse(Data(draft.json.utf8))
        let form = config.instrument.employee
        XCTAssertEqual(form.items.map(\.key), ["pace", "support", "recommend"])
        XCTAssertEqual(form.items.map(\.scale), [.likert, .likert, .zeroToTen])
        XCTAssertEqual(form.recommendItem, "recommend")
        XCTAssertEqual(form.idColumn, "respondent_id")
        XCTAssertEqual(config.inputs.employees, ["staff.csv"])
        XCTAssertEqual(config.inputs.renames[.employee], [:], "headers match without case")
        XCTAssertEqual(config.areas.map(\.name), ["North", "south"])
        XCTAssertEqual(config.instrument.constructs.map(\.name), ["employee"])
        XCTAssertEqual(config.instrument.constructs.first?.items, ["pace", "support"])
        XCTAssertEqual(config.scoring.weights, ["employee": 1])
        XCTAssertTrue(draft.notes.contains("\(path): \"notes\" left out: answers that are no scale's labels, e.g. \"a\""),
                      "\(draft.notes)")
        XCTAssertTrue(draft.notes.contains { $0.hasPrefix("2 areas (rows): North 2, south 1;") }, "\(draft.notes)")
    }
}
