import Foundation
import XCTest

/// `init` then `validate` / `run` (SPEC §8 `init`): the draft is accepted on the files it was
/// drafted from, run scores them, and an existing config is replaced only with --force.
final class InitTests: XCTestCase {
    private let repo = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent().path

    /// The samples, with their hand-made bad rows: init, validate (0), run (0, a workbook).
    func testInitOnTheSamplesThenValidateAndRun() throws {
        let binary = try CLI.binary(), folder = try Fixtures.temporaryFolder()
        let config = folder + "/pipeline.json"
        let drafted = try CLI.output(binary, ["init", "--employees", repo + "/samples/employees.csv",
                                              "--customers", repo + "/samples/customers.csv", "--out", config])
        XCTAssertEqual(drafted.status, 0, drafted.stderr)
        XCTAssertTrue(drafted.stdout.contains("constructs: lead (6 items), mgmt (4 items), life (3 items), "
                                              + "waste (8 items), cx (4 items)"), drafted.stdout)
        let validated = try CLI.output(binary, ["validate", "--config", config])
        XCTAssertEqual(validated.status, 0, validated.stdout + validated.stderr)
        // Every hand-made bad row but the unknown area (init made "Narnia" an area) is still rejected.
        XCTAssertTrue(validated.stdout.contains("  rejected: 6\n"), validated.stdout)
        let out = folder + "/reports"
        let ran = try CLI.output(binary, ["run", "--config", config, "--out", out, "--quiet"])
        XCTAssertEqual(ran.status, 0, ran.stderr)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: out + "/readiness-2025-Q4.json"))) as? [String: Any])
        let areas = try XCTUnwrap(json["areas"] as? [[String: Any]])
        XCTAssertEqual(areas.count, 19 + 1, "19 spellings of areas, then All areas")
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/readiness-2025-Q4.xlsx"))
    }

    /// A hand-made plain file: a 1–5 column, a 0–10 column and the labels "Agree" / "Strongly agree"
    /// become likert, 0-10 (the recommend item) and likert; validate accepts every row.
    func testInitOnAHandMadePlainFile() throws {
        let binary = try CLI.binary(), folder = try Fixtures.temporaryFolder()
        try writeStaff(in: folder)
        let drafted = try CLI.output(binary, ["init", "--employees", "staff.csv", "--customers",
                                              repo + "/Tests/Fixtures/tiny/customers.csv"], in: folder)
        XCTAssertEqual(drafted.status, 0, drafted.stderr)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: folder + "/pipeline.json"))) as? [String: Any])
        let instrument = try XCTUnwrap(json["instrument"] as? [String: Any])
        let employee = try XCTUnwrap(instrument["employee"] as? [String: Any])
        let items = try XCTUnwrap(employee["items"] as? [[String: Any]])
        XCTAssertEqual(items.map { $0["key"] as? String }, ["pace", "recommend", "support"])
        XCTAssertEqual(items.map { $0["scale"] as? String }, ["likert", "0-10", "likert"])
        XCTAssertEqual(employee["recommend_item"] as? String, "recommend")
        let themes = try XCTUnwrap(instrument["comment_themes"] as? [[String: Any]])
        XCTAssertEqual(themes.map { $0["name"] as? String },
                       ["defects", "overproduction", "waiting", "talent", "transport", "inventory", "motion", "processing"])
        XCTAssertEqual((themes[2]["keywords"] as? [String])?.first, "wait*")
        let validated = try CLI.output(binary, ["validate"], in: folder)
        XCTAssertEqual(validated.status, 0, validated.stdout + validated.stderr)
        XCTAssertTrue(validated.stdout.contains("staff.csv: employee survey\n  format: plain\n  header rows: 1\n  encoding: utf-8\n  rows read: 3\n"
                                                + "  accepted: 3\n  rejected: 0\n"), validated.stdout)
    }

    /// A hand-made Qualtrics export: its question-text and ImportId rows are header, not answers,
    /// so Q1_1 / Q1_2 are likert and Q2 the 0-10 item; the config says `qualtrics` for employees.
    func testInitOnAQualtricsExportSkipsItsHeaderRows() throws {
        let binary = try CLI.binary(), folder = try Fixtures.temporaryFolder()
        try Data("""
            ResponseId,RecordedDate,Status,Finished,Department,Q1_1,Q1_2,Q2
            Response ID,Recorded Date,Response Type,Finished,Department,Leaders - Vision,Leaders - Pace,How likely?
            {"ImportId":"_recordId"},{"ImportId":"recordedDate"},{"ImportId":"status"},{"ImportId":"finished"},\
            {"ImportId":"QID3"},{"ImportId":"QID1_1"},{"ImportId":"QID1_2"},{"ImportId":"QID2"}
            R_1,2026-07-01 10:00:00,IP Address,True,North,Agree,Strongly agree,9
            R_2,2026-07-02 11:00:00,IP Address,True,North,Disagree,Neither agree nor disagree,3

            """.utf8).write(to: URL(fileURLWithPath: folder + "/qualtrics.csv"))
        let drafted = try CLI.output(binary, ["init", "--employees", "qualtrics.csv", "--customers",
                                              repo + "/Tests/Fixtures/tiny/customers.csv"], in: folder)
        XCTAssertEqual(drafted.status, 0, drafted.stderr)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: folder + "/pipeline.json"))) as? [String: Any])
        let inputs = try XCTUnwrap(json["inputs"] as? [String: Any])
        XCTAssertEqual(inputs["format"] as? [String: String], ["employee": "qualtrics", "customer": "plain"])
        let employee = try XCTUnwrap((json["instrument"] as? [String: Any])?["employee"] as? [String: Any])
        let items = try XCTUnwrap(employee["items"] as? [[String: Any]])
        XCTAssertEqual(items.map { $0["key"] as? String }, ["Q1_1", "Q1_2", "Q2"])
        XCTAssertEqual(items.map { $0["scale"] as? String }, ["likert", "likert", "0-10"])
        let validated = try CLI.output(binary, ["validate"], in: folder)
        XCTAssertEqual(validated.status, 0, validated.stdout + validated.stderr)
        XCTAssertTrue(validated.stdout.contains("qualtrics.csv: employee survey\n  format: qualtrics\n  header rows: 3\n"
                                                + "  encoding: utf-8\n  rows read: 2\n"
                                                + "  accepted: 2\n  rejected: 0\n"), validated.stdout)
    }

    /// A survey file none of whose columns is a scale is left out (either survey runs alone),
    /// rather than written as a form without items that validate rejects.
    func testASurveyWithoutAScaleColumnIsLeftOut() throws {
        let binary = try CLI.binary(), folder = try Fixtures.temporaryFolder()
        try writeStaff(in: folder)
        try Data("response_id,submitted_at,area,remark\nc1,2026-07-01,North,fine\nc2,2026-07-02,South,slow\n".utf8)
            .write(to: URL(fileURLWithPath: folder + "/clients.csv"))
        let drafted = try CLI.output(binary, ["init", "--employees", "staff.csv", "--customers", "clients.csv"], in: folder)
        XCTAssertEqual(drafted.status, 0, drafted.stderr)
        XCTAssertTrue(drafted.stdout.contains("clients.csv: no column holds a scale's answers, so the customer survey is left out"),
                      drafted.stdout)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: folder + "/pipeline.json"))) as? [String: Any])
        let inputs = try XCTUnwrap(json["inputs"] as? [String: Any])
        XCTAssertEqual(inputs["employees"] as? [String], ["staff.csv"])
        XCTAssertEqual(inputs["customers"] as? [String], [])
        XCTAssertEqual(try CLI.output(binary, ["validate"], in: folder).status, 0)
        XCTAssertEqual(try CLI.output(binary, ["run", "--out", "reports", "--quiet"], in: folder).status, 0)
    }

    /// The staff file saved by Excel on Windows (Windows-1252: "é" is E9) and as "Unicode text"
    /// (UTF-16 LE with a byte-order mark): init reads the areas right and writes the encoding.
    func testInitReadsWindows1252AndUTF16Files() throws {
        let binary = try CLI.binary(), folder = try Fixtures.temporaryFolder()
        let text = "respondent_id,submitted_at,area,pace,recommend\ne1,2026-07-01,Opérations,1,10\n"
            + "e2,2026-07-02,Opérations,5,0\ne3,2026-07-03,Süd,3,9\n"
        let cp1252 = text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
        try Data(cp1252).write(to: URL(fileURLWithPath: folder + "/cp1252.csv"))
        try Data([0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            .write(to: URL(fileURLWithPath: folder + "/utf16.csv"))
        for (file, encoding) in [("cp1252.csv", "windows-1252"), ("utf16.csv", "utf-16")] {
            let drafted = try CLI.output(binary, ["init", "--employees", file, "--out", file + ".json"], in: folder)
            XCTAssertEqual(drafted.status, 0, drafted.stderr)
            let json = try XCTUnwrap(try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: folder + "/" + file + ".json"))) as? [String: Any])
            let inputs = try XCTUnwrap(json["inputs"] as? [String: Any])
            XCTAssertEqual(inputs["encoding"] as? [String: String], ["employee": encoding], file)
            let areas = try XCTUnwrap(json["areas"] as? [[String: Any]])
            XCTAssertEqual(areas.map { $0["name"] as? String }, ["Opérations", "Süd"], file)
            let validated = try CLI.output(binary, ["validate", "--config", file + ".json"], in: folder)
            XCTAssertEqual(validated.status, 0, validated.stdout + validated.stderr)
            XCTAssertTrue(validated.stdout.contains("  rows read: 3\n  accepted: 3\n  rejected: 0\n"), validated.stdout)
        }
    }

    /// A 1–6 research item (answers 1…6, no 9 or 10) gets a user-defined scale `int1_6` of min 1, max 6
    /// in instrument.scales, so run accepts every answer instead of leaving the column out.
    func testAnIntegerColumnOfNoBuiltInScaleGetsAUserDefinedScale() throws {
        let binary = try CLI.binary(), folder = try Fixtures.temporaryFolder()
        try Data("""
            respondent_id,submitted_at,area,A1,A2,recommend
            e1,2026-07-01,North,1,6,10
            e2,2026-07-02,North,6,2,0
            e3,2026-07-03,North,3,1,9

            """.utf8).write(to: URL(fileURLWithPath: folder + "/bfi.csv"))
        let drafted = try CLI.output(binary, ["init", "--employees", "bfi.csv"], in: folder)
        XCTAssertEqual(drafted.status, 0, drafted.stderr)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: folder + "/pipeline.json"))) as? [String: Any])
        let instrument = try XCTUnwrap(json["instrument"] as? [String: Any])
        let scales = try XCTUnwrap(instrument["scales"] as? [[String: Any]])
        XCTAssertEqual(scales.count, 1)
        XCTAssertEqual(scales.first?["name"] as? String, "int1_6")
        XCTAssertEqual(scales.first?["min"] as? Int, 1)
        XCTAssertEqual(scales.first?["max"] as? Int, 6)
        let items = try XCTUnwrap((instrument["employee"] as? [String: Any])?["items"] as? [[String: Any]])
        XCTAssertEqual(items.map { $0["scale"] as? String }, ["0-10", "int1_6", "int1_6"])
        let validated = try CLI.output(binary, ["validate"], in: folder)
        XCTAssertEqual(validated.status, 0, validated.stdout + validated.stderr)
        XCTAssertTrue(validated.stdout.contains("  rows read: 3\n  accepted: 3\n  rejected: 0\n"), validated.stdout)
    }

    private func writeStaff(in folder: String) throws {
        try Data("""
            respondent_id,submitted_at,area,pace,recommend,support
            e1,2026-07-01,North,1,10,Agree
            e2,2026-07-02,South,5,0,Strongly agree
            e3,2026-07-03,North,3,9,agree

            """.utf8).write(to: URL(fileURLWithPath: folder + "/staff.csv"))
    }

    func testExistingConfigIsReplacedOnlyWithForce() throws {
        let binary = try CLI.binary(), folder = try Fixtures.temporaryFolder()
        let config = folder + "/pipeline.json"
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: config))
        try writeStaff(in: folder)
        let arguments = ["init", "--employees", folder + "/staff.csv",
                         "--customers", repo + "/Tests/Fixtures/tiny/customers.csv", "--out", config]
        let refused = try CLI.output(binary, arguments)
        XCTAssertEqual(refused.status, 2)
        XCTAssertEqual(refused.stderr, "usage: \(config) exists; pass --force to replace it\n")
        XCTAssertEqual(try String(contentsOfFile: config, encoding: .utf8), "keep me")
        let forced = try CLI.output(binary, arguments + ["--force"])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertEqual(try CLI.output(binary, ["validate", "--config", config]).status, 0)
    }
}
