import Foundation
import Pipeline
import XCTest
import XLSXWriter

/// A Microsoft Forms export (SPEC §3.6 `microsoft_forms`, §3.8 XLSX input) written at test time by
/// the project's own libxlsxwriter wrapper, then scored by `run`: `auto` finds the format from
/// the header `ID, Start time, Completion time, Email, Name`, the dates are serial numbers with a
/// date format, the answers label texts and numbers. The figures below are computed by hand.
final class MicrosoftFormsXLSXTests: XCTestCase {
    /// One response: the area, the likert label, the agree7 code, the 0–10 answer, the comment and
    /// the completion time in Unix seconds (UTC).
    private struct Response {
        var team: String, strategy: String, tools: Double, recommend: Double, comment: String?, completed: Int
    }

    /// Sheet rows 2–9. Rows 2–7 are the report wave 2024-Q1 (row 2 at its first second); row 8's
    /// recommend answer 7.5 is no integer (`invalid_value`); row 9 is the second before, 2023-Q4.
    private static let responses = [
        Response(team: "Sales", strategy: "Agree", tools: 7, recommend: 9, comment: nil, completed: 1_704_067_200),
        Response(team: "Sales", strategy: "Strongly agree", tools: 6, recommend: 10, comment: "Très bien", completed: 1_709_544_090),
        Response(team: "sales ", strategy: "Neither agree nor disagree", tools: 4, recommend: 7, comment: nil, completed: 1_709_630_490),
        Response(team: "Sales", strategy: "Disagree", tools: 2, recommend: 3, comment: "Slow tools", completed: 1_709_716_890),
        Response(team: "Sales", strategy: "Strongly agree", tools: 5, recommend: 9, comment: nil, completed: 1_709_803_290),
        Response(team: "Sales", strategy: "Agree", tools: 1, recommend: 0, comment: nil, completed: 1_709_889_690),
        Response(team: "Sales", strategy: "Agree", tools: 3, recommend: 7.5, comment: nil, completed: 1_709_976_090),
        Response(team: "Sales", strategy: "Disagree", tools: 1, recommend: 0, comment: nil, completed: 1_704_067_199),
    ]

    /// The Excel serial number (1900 date system) of a Unix time: days since 1899-12-30.
    private static func serial(_ unix: Int) -> Double { Double(unix) / 86_400 + 25_569 }

    /// Writes the export to `path` (InitPlatformTests drafts a config from it too).
    static func writeWorkbook(_ path: String) throws {
        let workbook = try XLSXWorkbook(path: path)
        let sheet = try workbook.addSheet("Form1")
        let date = try workbook.addFormat(CellStyle(numberFormat: "m/d/yy h:mm:ss"))
        let header = ["ID", "Start time", "Completion time", "Email", "Name", "Which team are you in?",
                      "I understand our strategy", "I have the tools I need", "How likely are you to recommend us?", "Comments"]
        for (column, text) in header.enumerated() { try sheet.string(0, column, text, nil) }
        for (index, response) in responses.enumerated() {
            let row = index + 1
            try sheet.number(row, 0, Double(row), nil)
            try sheet.number(row, 1, serial(response.completed - 300), date)
            try sheet.number(row, 2, serial(response.completed), date)
            try sheet.string(row, 3, "anonymous", nil)
            try sheet.string(row, 4, "", nil)
            try sheet.string(row, 5, response.team, nil)
            try sheet.string(row, 6, response.strategy, nil)
            try sheet.number(row, 7, response.tools, nil)
            try sheet.number(row, 8, response.recommend, nil)
            if let comment = response.comment { try sheet.string(row, 9, comment, nil) }
        }
        try workbook.close()
    }

    private func run() throws -> (json: [String: Any], rejects: [[String]]) {
        let folder = try Fixtures.temporaryFolder()
        let workbook = folder + "/Employee pulse(1-8).xlsx"
        try Self.writeWorkbook(workbook)
        let config: [String: Any] = [
            "inputs": [
                "employees": [workbook],
                "columns": ["employee": [
                    "area": "Which team are you in?", "goal": "I understand our strategy",
                    "tools": "I have the tools I need", "recommend": "How likely are you to recommend us?",
                    "comment": "Comments",
                ]],
            ],
            "areas": [["name": "Sales"]],
            "instrument": [
                "employee": [
                    "id_column": "respondent_id", "recommend_item": "recommend", "breakdowns": [String](),
                    "items": [["key": "goal", "text": "I understand our strategy", "scale": "likert"],
                              ["key": "tools", "text": "I have the tools I need", "scale": "agree7"],
                              ["key": "recommend", "text": "How likely are you to recommend us?", "scale": "0-10"]],
                ],
                "constructs": [["name": "strategy", "survey": "employee", "items": ["goal", "tools"]]],
            ],
            "scoring": ["weights": ["strategy": 1]],
            "privacy": ["min_group_size": 3, "min_comment_group_size": 3],
            "quality_gate": ["max_reject_fraction": 0.2],
        ]
        try JSONSerialization.data(withJSONObject: config).write(to: URL(fileURLWithPath: folder + "/pipeline.json"))
        var options = RunOptions()
        options.configPath = folder + "/pipeline.json"
        options.outputFolder = folder + "/out"
        options.log = RunLog(format: .text, quiet: true)
        let outcome = try Runner.run(options)
        let data = try Data(contentsOf: URL(fileURLWithPath: outcome.jsonPath))
        return (try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any]),
                try RejectsFile.rows(outcome.rejectsPath))
    }

    func testAFormsWorkbookWrittenByOurWriterIsScoredByHand() throws {
        let (json, rejects) = try run()
        let input = try XCTUnwrap((json["inputs"] as? [[String: Any]])?.first)
        XCTAssertEqual(input["format"] as? String, "microsoft_forms")
        XCTAssertEqual(input["header_rows"] as? Int, 1)
        XCTAssertEqual(input["rows_read"] as? Int, 8)
        XCTAssertEqual(input["accepted"] as? Int, 7)
        XCTAssertEqual(rejects.map { Array($0.prefix(4).dropFirst()) }, [["8", "invalid_value", "recommend"]],
                       "sheet row 8, its 7.5")
        // Serial dates: 2024-01-01 00:00:00 is 2024-Q1, the second before it 2023-Q4.
        XCTAssertEqual(json["wave"] as? String, "2024-Q1")
        XCTAssertEqual(json["waves"] as? [String], ["2023-Q4", "2024-Q1"])

        let area = try XCTUnwrap((json["areas"] as? [[String: Any]])?.first { $0["area"] as? String == "Sales" })
        XCTAssertEqual(area["employee_n"] as? Int, 6)
        // goal (likert, (x − 1)/4 × 100): Agree 75, Strongly agree 100, Neither 50, Disagree 25, 100, 75.
        // tools (agree7, (x − 1)/6 × 100): 7 → 100, 6 → 83.33, 4 → 50, 2 → 16.67, 5 → 66.67, 1 → 0.
        // Person scores (means of the two): 87.5, 91.67, 50, 20.83, 83.33, 37.5; their mean is
        // (1050 + 1100 + 600 + 250 + 1000 + 450) / 12 / 6 = 4450 / 72 = 61.8055…
        let strategy = try XCTUnwrap((area["constructs"] as? [String: Any])?["strategy"] as? [String: Any])
        XCTAssertEqual(strategy["n"] as? Int, 6)
        XCTAssertEqual(strategy["mean"] as? Double ?? 0, 2225.0 / 36, accuracy: 1e-9)
        // Sample variance of the person scores: 191125 / 216; SD = 29.7462…
        XCTAssertEqual(strategy["sd"] as? Double ?? 0, (191_125.0 / 216).squareRoot(), accuracy: 1e-9)
        // Alpha, k = 2: var(goal) = 5125/6, var(tools) = 40250/27, var(goal + tools) = 191125/54:
        // 2 · (1 − (5125/6 + 40250/27) / (191125/54)) = 1032 / 1529.
        XCTAssertEqual(strategy["alpha"] as? Double ?? 0, 1032.0 / 1529, accuracy: 1e-9)

        let items = try XCTUnwrap(area["items"] as? [String: [String: Any]])
        // goal: favorable 4–5 (Agree, Strongly agree ×2, Agree) 4 of 6, neutral 1, unfavorable 1.
        XCTAssertEqual(items["goal"]?["favorable"] as? Double ?? 0, 400.0 / 6, accuracy: 1e-9)
        XCTAssertEqual(items["goal"]?["neutral"] as? Double ?? 0, 100.0 / 6, accuracy: 1e-9)
        // tools on agree7: favorable 5–7 (7, 6, 5) 3 of 6, neutral 4 one, unfavorable 1–3 (2, 1) two.
        XCTAssertEqual(items["tools"]?["favorable"] as? Double ?? 0, 50, accuracy: 1e-9)
        XCTAssertEqual(items["tools"]?["unfavorable"] as? Double ?? 0, 200.0 / 6, accuracy: 1e-9)
        // eNPS over 9, 10, 7, 3, 9, 0: promoters 3 of 6 (50%), detractors 2 (33.3%): 16.67.
        let enps = try XCTUnwrap(area["enps"] as? [String: Any])
        XCTAssertEqual(enps["n"] as? Int, 6)
        XCTAssertEqual(enps["score"] as? Double ?? 0, 50.0 / 3, accuracy: 1e-9)
        XCTAssertEqual(enps["promoters"] as? Double ?? 0, 50, accuracy: 1e-9)
    }
}
