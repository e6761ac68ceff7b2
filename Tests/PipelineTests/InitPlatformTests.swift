import Foundation
import XCTest

/// `init` on platform-shaped exports (SPEC §8 `init`, §3.6, §3.1, §3.4): the format, encoding and
/// scales it detects are written into the config, and `validate` then `run` accept the files
/// (exit 0). The files are hand-made here, each in its platform's shape.
final class InitPlatformTests: XCTestCase {
    /// Runs init on `employees` (in `folder`), then validate and run on the draft; the draft as JSON.
    private func draftValidateRun(_ employees: String, in folder: String,
                                  file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        let binary = try CLI.binary()
        let drafted = try CLI.output(binary, ["init", "--employees", employees], in: folder)
        XCTAssertEqual(drafted.status, 0, drafted.stdout + drafted.stderr, file: file, line: line)
        let validated = try CLI.output(binary, ["validate"], in: folder)
        XCTAssertEqual(validated.status, 0, validated.stdout + validated.stderr, file: file, line: line)
        let ran = try CLI.output(binary, ["run", "--out", folder + "/reports", "--quiet"], in: folder)
        XCTAssertEqual(ran.status, 0, ran.stderr, file: file, line: line)
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/pipeline.json"))
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    private func employeeForm(_ config: [String: Any]) throws -> [String: Any] {
        try XCTUnwrap((config["instrument"] as? [String: Any])?["employee"] as? [String: Any])
    }

    /// A current Qualtrics export: three header rows, the area question found by its text, a
    /// preview row, a 1–5 matrix question Q2_1…Q2_2, a 7-point item (codes 1–7: a user-defined scale of
    /// the range seen, listed after the label and 0–10 items) and a 0–10 item.
    func testQualtricsExportWithASevenPointItem() throws {
        let folder = try Fixtures.temporaryFolder()
        let meta = "StartDate,EndDate,Status,Progress,Finished,RecordedDate,ResponseId"
        let rows = [
            meta + ",Q1,Q2_1,Q2_2,Q3,Q4",
            "Start Date,End Date,Response Type,Progress,Finished,Recorded Date,Response ID,Which department are you in?,"
                + "Work here - I know what is expected of me,Work here - I have what I need,"
                + "I would stay here for two more years,How likely are you to recommend working here?",
            #""{""ImportId"":""startDate""}","{""ImportId"":""endDate""}","{""ImportId"":""status""}","#
                + #""{""ImportId"":""progress""}","{""ImportId"":""finished""}","{""ImportId"":""recordedDate""}","#
                + #""{""ImportId"":""_recordId""}","{""ImportId"":""QID1""}","{""ImportId"":""QID2_1""}","#
                + #""{""ImportId"":""QID2_2""}","{""ImportId"":""QID3""}","{""ImportId"":""QID4""}""#,
            "2026-08-14 09:00:00,2026-08-14 09:10:00,Survey Preview,100,True,2026-08-15 10:00:00,R_0,Sales,1,1,1,0",
            "2026-08-14 09:00:00,2026-08-14 09:10:00,IP Address,100,True,2026-08-15 10:01:00,R_1,Sales,4,5,7,9",
            "2026-08-14 09:00:00,2026-08-14 09:10:00,IP Address,100,True,2026-08-15 10:02:00,R_2,Support,2,3,6,10",
            "2026-08-14 09:00:00,2026-08-14 09:10:00,IP Address,100,True,2026-08-15 10:03:00,R_3,Sales,5,4,1,3",
        ]
        try Data(("\u{FEFF}" + rows.joined(separator: "\r\n") + "\r\n").utf8)
            .write(to: URL(fileURLWithPath: folder + "/export.csv"))
        let config = try draftValidateRun("export.csv", in: folder)
        let inputs = try XCTUnwrap(config["inputs"] as? [String: Any])
        XCTAssertEqual(inputs["format"] as? [String: String], ["employee": "qualtrics"])
        XCTAssertNil(inputs["encoding"], "UTF-8 (with a BOM) is the default")
        XCTAssertEqual(inputs["customers"] as? [String], [], "no customer survey given: its file list is empty")
        XCTAssertEqual(inputs["columns"] as? [String: [String: String]], ["employee": ["area": "Q1"]],
                       "RecordedDate and ResponseId are Qualtrics' default columns: no renames")
        let form = try employeeForm(config)
        XCTAssertEqual(form["id_column"] as? String, "ResponseId")
        XCTAssertEqual(form["recommend_item"] as? String, "Q4")
        let items = try XCTUnwrap(form["items"] as? [[String: String]])
        XCTAssertEqual(items.map { $0["key"] }, ["Q2_1", "Q2_2", "Q4", "Q3"])
        XCTAssertEqual(items.map { $0["scale"] }, ["likert", "likert", "0-10", "int1_7"])
        XCTAssertEqual(items.map { $0["text"] }, ["Work here - I know what is expected of me",
                                                  "Work here - I have what I need",
                                                  "How likely are you to recommend working here?",
                                                  "I would stay here for two more years"])
        XCTAssertEqual((config["areas"] as? [[String: Any]])?.compactMap { $0["name"] as? String }, ["Sales", "Support"])
    }

    /// A Google Forms download saved by Excel on Windows: Windows-1252 (`é`, `ô` as single bytes),
    /// `Timestamp` as `2026/08/15 10:15:32 AM GMT+1`, no id column and no 0–10 item.
    func testWindows1252GoogleFormsWithoutIdColumn() throws {
        let folder = try Fixtures.temporaryFolder()
        let text = """
            Timestamp,Department,I feel valued,Comments
            2026/08/15 10:15:32 AM GMT+1,Entrepôt,Agree,Très bien
            2026/08/15 11:15:32 AM GMT+1,Entrepôt,Strongly agree,
            2026/08/16 09:01:02 AM GMT+1,Bureau,Disagree,Café froid

            """
        let bytes = try XCTUnwrap(text.data(using: .windowsCP1252))
        XCTAssertNil(String(data: bytes, encoding: .utf8), "the fixture must not be valid UTF-8")
        try bytes.write(to: URL(fileURLWithPath: folder + "/responses.csv"))
        let config = try draftValidateRun("responses.csv", in: folder)
        let inputs = try XCTUnwrap(config["inputs"] as? [String: Any])
        XCTAssertEqual(inputs["format"] as? [String: String], ["employee": "google_forms"])
        XCTAssertEqual(inputs["encoding"] as? [String: String], ["employee": "windows-1252"])
        XCTAssertEqual(inputs["columns"] as? [String: [String: String]],
                       ["employee": ["area": "Department", "comment": "Comments"]],
                       "Timestamp is Google Forms' default submission column")
        let form = try employeeForm(config)
        XCTAssertTrue(form["id_column"] is NSNull, "\(form)")
        XCTAssertTrue(form["recommend_item"] is NSNull, "\(form)")
        XCTAssertEqual((form["items"] as? [[String: String]])?.map { $0["scale"] }, ["likert"])
        XCTAssertEqual((config["areas"] as? [[String: Any]])?.compactMap { $0["name"] as? String },
                       ["Entrepôt", "Bureau"], "area names transcoded")
    }

    /// A research data set with 1–6 items (R psych's `bfi` shape) and one item stored as platform
    /// recode values 10–13: one user-defined integer scale per distinct range.
    func testOneToSixAndRecodedIntegerColumns() throws {
        let folder = try Fixtures.temporaryFolder()
        try Data("""
            respondent_id,submitted_at,area,bfi_a1,bfi_a2,recoded
            r1,2026-07-01,North,1,6,10
            r2,2026-07-02,North,6,1,13
            r3,2026-07-03,South,3,5,12

            """.utf8).write(to: URL(fileURLWithPath: folder + "/bfi.csv"))
        let config = try draftValidateRun("bfi.csv", in: folder)
        XCTAssertNil((config["inputs"] as? [String: Any])?["format"], "plain: the default, not written")
        let instrument = try XCTUnwrap(config["instrument"] as? [String: Any])
        let scales = try XCTUnwrap(instrument["scales"] as? [[String: Any]])
        XCTAssertEqual(scales.map { "\($0["name"] ?? "") \($0["min"] ?? "") \($0["max"] ?? "")" },
                       ["int1_6 1 6", "int10_13 10 13"])
        XCTAssertEqual(scales.map(\.count), [3, 3], "name, min and max only")
        let form = try employeeForm(config)
        XCTAssertEqual((form["items"] as? [[String: String]])?.map { $0["scale"] }, ["int1_6", "int1_6", "int10_13"])
        XCTAssertTrue(form["recommend_item"] is NSNull)
        XCTAssertEqual((instrument["constructs"] as? [[String: Any]])?.compactMap { $0["name"] as? String },
                       ["bfi", "employee"])
    }

    /// A Microsoft Forms workbook (MicrosoftFormsXLSXTests' export, written by our libxlsxwriter
    /// wrapper): the format from the header, `ID` and `Completion time` its defaults (no renames),
    /// the area found by its question text, likert labels, agree7 codes 1–7 as the range seen; the
    /// metadata columns Start time, Email, Name skipped. The 0–10 column holds a 7.5, so it is left
    /// out with a note (init keeps only columns a scale holds whole) and every row is accepted.
    func testMicrosoftFormsWorkbook() throws {
        let folder = try Fixtures.temporaryFolder()
        try MicrosoftFormsXLSXTests.writeWorkbook(folder + "/pulse.xlsx")
        let binary = try CLI.binary()
        let drafted = try CLI.output(binary, ["init", "--employees", "pulse.xlsx"], in: folder)
        XCTAssertEqual(drafted.status, 0, drafted.stdout + drafted.stderr)
        XCTAssertTrue(drafted.stdout.contains("pulse.xlsx: read as microsoft_forms (1 header row), a workbook; 8 rows, "
                                              + "2 items (1 int1_7, 1 likert)\n"), drafted.stdout)
        XCTAssertTrue(drafted.stdout.contains("pulse.xlsx: \"How likely are you to recommend us?\" left out: answers that "
                                              + "are no scale's labels, e.g. \"7.5\"\n"), drafted.stdout)
        let validated = try CLI.output(binary, ["validate"], in: folder)
        XCTAssertEqual(validated.status, 0, validated.stdout + validated.stderr)
        XCTAssertTrue(validated.stdout.contains("  format: microsoft_forms\n  header rows: 1\n  encoding: utf-8\n"
                                                + "  rows read: 8\n  accepted: 8\n  rejected: 0\n"), validated.stdout)
        let ran = try CLI.output(binary, ["run", "--out", folder + "/reports", "--quiet"], in: folder)
        XCTAssertEqual(ran.status, 0, ran.stderr)
        let config = try XCTUnwrap(try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: folder + "/pipeline.json"))) as? [String: Any])
        let inputs = try XCTUnwrap(config["inputs"] as? [String: Any])
        XCTAssertEqual(inputs["format"] as? [String: String], ["employee": "microsoft_forms"])
        XCTAssertEqual(inputs["columns"] as? [String: [String: String]],
                       ["employee": ["area": "Which team are you in?", "comment": "Comments"]])
        let form = try employeeForm(config)
        XCTAssertEqual(form["id_column"] as? String, "ID")
        XCTAssertTrue(form["recommend_item"] is NSNull, "\(form)")
        let items = try XCTUnwrap(form["items"] as? [[String: String]])
        XCTAssertEqual(items.map { $0["key"] }, ["I understand our strategy", "I have the tools I need"])
        XCTAssertEqual(items.map { $0["scale"] }, ["likert", "int1_7"])
        XCTAssertEqual((config["areas"] as? [[String: Any]])?.compactMap { $0["name"] as? String }, ["Sales"],
                       "\"sales \" is the same area")
    }

    /// The platform-shaped sample (samples/qualtrics/README.md): 7-point labels for Q2, 1–5 codes
    /// for Q3, 0–10 Q4, the comment found by its question text, two previews and one unfinished row.
    func testQualtricsSample() throws {
        let folder = try Fixtures.temporaryFolder()
        let sample = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("samples/qualtrics/employees.csv").path
        try FileManager.default.copyItem(atPath: sample, toPath: folder + "/employees.csv")
        let config = try draftValidateRun("employees.csv", in: folder)
        let inputs = try XCTUnwrap(config["inputs"] as? [String: Any])
        XCTAssertEqual(inputs["format"] as? [String: String], ["employee": "qualtrics"])
        XCTAssertEqual(inputs["columns"] as? [String: [String: String]], ["employee": ["area": "Q1", "comment": "Q5"]])
        let items = try XCTUnwrap(try employeeForm(config)["items"] as? [[String: String]])
        XCTAssertEqual(items.map { $0["scale"] }, Array(repeating: "agree7", count: 4) + Array(repeating: "likert", count: 3)
                       + ["0-10"])
        let validated = try CLI.output(try CLI.binary(), ["validate"], in: folder)
        XCTAssertTrue(validated.stdout.contains("  rows read: 60\n  accepted: 57\n  rejected: 3\n    not_a_response: 3\n"),
                      validated.stdout)
    }
}
