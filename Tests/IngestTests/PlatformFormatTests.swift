import Foundation
import Ingest
import SurveyModel
import XCTest

/// Platform exports (SPEC §3.6) read from Tests/Fixtures/platforms (README there): which format
/// `auto` picks, header rows skipped and counted, physical line numbers, the formats' default
/// columns, renames by question text, `not_a_response`, and the formats' date patterns.
final class PlatformFormatTests: XCTestCase {
    private static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/platforms")
    private static let leadTexts = [
        "Our leaders paint a clear picture of the future this change will bring",
        "We are given the resources needed to make that picture real",
        "Change here moves forward faster and smarter than it used to",
        "I believe in the change we are making",
        "I am empowered to push the change forward myself",
        "We act quickly on good but unproven ideas",
    ]
    private static let leadKeys = ["lead_vision", "lead_mobilize", "lead_momentum", "lead_inspire", "lead_empower",
                                   "lead_urgency"]

    private func read(_ name: String, format: InputFormat = .auto, renames: [String: String] = [:],
                      drop: Bool = true, idColumn: String? = "respondent_id") throws -> IngestedFile {
        var config = EmployeeCSV.config(renames: renames)
        config.inputs.formats = InputFormats(employee: format, customer: .plain)
        config.inputs.dropNonResponses = drop
        config.instrument.employee.idColumn = idColumn
        return try SurveyFileReader(config: config, kind: .employee)
            .read(path: Self.folder.appendingPathComponent(name).path, fileIndex: 0)
    }

    /// Renames of the lead items by their matrix question text, with `prefix` before each.
    private func leadRenames(_ prefix: String) -> [String: String] {
        Dictionary(uniqueKeysWithValues: zip(Self.leadKeys, Self.leadTexts.map { prefix + $0 }))
    }

    func testQualtricsCurrentExportDropsPreviewsAndUnfinishedRows() throws {
        let renames = leadRenames("How is change led here? - ").merging(["area": "Q2"]) { $1 }
        let file = try read("qualtrics_current.csv", renames: renames)
        XCTAssertEqual(file.layout.format, .qualtrics)
        XCTAssertEqual(file.layout.headerRows, 3)
        XCTAssertEqual(file.rowsRead, 6)
        XCTAssertEqual(file.rejects.map(\.line), [5, 6, 7, 9])
        XCTAssertEqual(file.rejects.map(\.reason), [.notAResponse, .notAResponse, .notAResponse, .unknownArea])
        // StartDate, EndDate and Progress are Qualtrics' own columns: expected, not "unknown columns ignored".
        XCTAssertEqual(file.unknownColumns, [])
        let table = try file.table
        XCTAssertEqual(Array(table.line), [4, 8])
        XCTAssertEqual((0..<table.count).map { table.ids.string($0) }, ["R_1", "R_5"])
        // submitted_at ← RecordedDate (2026-08-15 10:00:00), not EndDate (2026-08-14 09:10:00).
        XCTAssertEqual(table.submitted.first, 1_786_788_000)
        // lead_vision ← Q5_1 through its question text: 4 on row 4, 5 on row 8 (codes are value + 0 on 1–5).
        XCTAssertEqual(table.answers(row: 1).first, 5)
    }

    func testQualtricsRowsStayWhenDropNonResponsesIsFalse() throws {
        let renames = leadRenames("How is change led here? - ").merging(["area": "Q2"]) { $1 }
        let file = try read("qualtrics_current.csv", renames: renames, drop: false)
        XCTAssertEqual(file.rejects.map(\.line), [7, 9])
        XCTAssertEqual(file.rejects.map(\.reason), [.badDate, .unknownArea])
    }

    func testQualtricsLegacyExportHasTwoHeaderRowsAndStatusCodes() throws {
        let file = try read("qualtrics_legacy.csv")
        XCTAssertEqual(file.layout.format, .qualtrics)
        XCTAssertEqual(file.layout.headerRows, 2)
        XCTAssertEqual(file.rowsRead, 5)
        XCTAssertEqual(file.rejects.map(\.line), [4, 5, 6])
        XCTAssertEqual(Set(file.rejects.map(\.reason)), [.notAResponse])
        let table = try file.table
        // id ← ResponseID (row 2), submitted_at ← EndDate: there is no RecordedDate in legacy exports.
        XCTAssertEqual((0..<table.count).map { table.ids.string($0) }, ["R_a", "R_e"])
        XCTAssertEqual(table.submitted.first, 1_786_788_000)
    }

    func testSurveyMonkeyComposesMatrixNamesAndReadsItsDates() throws {
        let file = try read("surveymonkey.csv", renames: leadRenames("How is change led here? - ").merging([
            "area": "Which area do you work in?", "enps": "How likely are you to recommend working here?",
            "comment": "Anything else?",
        ]) { $1 })
        XCTAssertEqual(file.layout.format, .surveymonkey)
        XCTAssertEqual(file.layout.headerRows, 2)
        XCTAssertEqual(file.layout.names[7], "How is change led here? - We are given the resources needed to make that picture real")
        XCTAssertEqual(file.layout.names[5], "Which area do you work in?")
        XCTAssertEqual(file.rowsRead, 4)
        XCTAssertEqual(file.rejects.map(\.line), [6])
        XCTAssertEqual(file.rejects.map(\.reason), [.badDate])
        XCTAssertEqual(file.unknownColumns, [], "Collector ID, Start Date and IP Address are SurveyMonkey's own")
        let table = try file.table
        XCTAssertEqual((0..<table.count).map { table.ids.string($0) }, ["114000001", "114000002", "114000003"])
        // %m/%d/%Y %I:%M:%S %p: 10:15:32 AM and 01:05:09 PM.
        XCTAssertEqual(Array(table.submitted.prefix(2)), [1_786_788_932, 1_786_799_109])
    }

    func testGoogleFormsHasNoIdAndItsOwnDatePatterns() throws {
        let renames = Dictionary(uniqueKeysWithValues: zip(Self.leadKeys, Self.leadTexts)).merging([
            "area": "Which area do you work in?", "role": "What is your role?",
            "enps": "How likely are you to recommend working here?",
        ]) { $1 }
        let file = try read("google_forms.csv", renames: renames)
        XCTAssertEqual(file.layout.format, .googleForms)
        XCTAssertEqual(file.layout.headerRows, 1)
        XCTAssertEqual(file.rowsRead, 5)
        XCTAssertEqual(file.rejects.map(\.line), [6])
        XCTAssertEqual(file.rejects.map(\.reason), [.badDate])
        let table = try file.table
        // GMT+1 and GMT+5:30 are offsets; %m/%d/%Y %H:%M:%S has none (UTC).
        XCTAssertEqual(Array(table.submitted), [1_786_785_332, 1_786_785_332, 1_786_884_173, 1_786_991_400])
        // Rows 2 and 3 are the same answers at the same time, yet two respondents: their keys differ.
        XCTAssertNotEqual(table.ids.string(0), table.ids.string(1))
    }

    func testPlainFilesKeepOneHeaderRow() throws {
        let folder = try ScratchFolder()
        let path = try folder.write("plain.csv", EmployeeCSV.bytes([EmployeeCSV.header, EmployeeCSV.row()]))
        let file = try SurveyFileReader(config: EmployeeCSV.config(), kind: .employee).read(path: path, fileIndex: 0)
        XCTAssertEqual(file.layout.format, .plain)
        XCTAssertEqual(file.layout.headerRows, 1)
        XCTAssertEqual(Array(try file.table.line), [2])
    }

    func testRenameTheFileLacksIsAnInputErrorNamingRenameAndFile() throws {
        XCTAssertThrowsError(try read("google_forms.csv", renames: ["area": "Department"])) { error in
            guard case .input(let file, _, let message) = error as? PipelineError else { return XCTFail("\(error)") }
            XCTAssertTrue(file.hasSuffix("google_forms.csv"))
            XCTAssertTrue(message.contains("inputs.columns.employee.area"), message)
            XCTAssertTrue(message.contains("\"Department\""), message)
        }
    }

    func testTwoOfOurColumnsOnOneFileColumnIsAConfigError() throws {
        let renames = leadRenames("How is change led here? - ").merging(["area": "Q2", "role": "Q2"]) { $1 }
        XCTAssertThrowsError(try read("qualtrics_current.csv", renames: renames)) { error in
            guard case .config(let path, let message) = error as? PipelineError else { return XCTFail("\(error)") }
            XCTAssertTrue(path.hasPrefix("inputs.columns.employee."), path)
            XCTAssertTrue(message.contains("\"Q2\""), message)
        }
    }

    func testQuestionTextNamingTwoColumnsIsAConfigError() throws {
        // Two Qualtrics columns with one question text (row 2): a rename by that text is ambiguous.
        let layout = HeaderLayout.detect([["Q1", "Q2"], ["Same question", "Same question"],
                                          ["{\"ImportId\":\"QID1\"}", "{\"ImportId\":\"QID2\"}"]],
                                         configured: .auto, xlsx: false)
        XCTAssertEqual(layout.format, .qualtrics)
        XCTAssertEqual(layout.headerRows, 3)
        var resolver = ColumnResolverProbe(layout: layout)
        XCTAssertThrowsError(try resolver.find("area", rename: "same  QUESTION")) { error in
            guard case .config(let path, let message) = error as? PipelineError else { return XCTFail("\(error)") }
            XCTAssertEqual(path, "inputs.columns.employee.area")
            XCTAssertTrue(message.contains("names 2 columns"), message)
        }
    }

    func testAutoDetectionFollowsTheOrderOfSpec36() {
        func format(_ records: [[String]], xlsx: Bool = false) -> InputFormat {
            HeaderLayout.detect(records, configured: .auto, xlsx: xlsx).format
        }
        XCTAssertEqual(format([["ID", "Start time", "Completion time", "Email"]], xlsx: true), .microsoftForms)
        XCTAssertEqual(format([["ID", "Start time", "Completion time", "Email"]]), .plain)
        XCTAssertEqual(format([["a", "b"], ["A", "B"], ["{'ImportId': 'QID1'}", ""]]), .qualtrics)
        XCTAssertEqual(format([["a", "b"], ["A", "B"], ["", ""]]), .plain)
        XCTAssertEqual(format([["V1", "V2", "V3", "Q1"], ["ResponseID", "ResponseSet", "Name", "Q"]]), .qualtrics)
        XCTAssertEqual(format([["Respondent ID", "Collector ID", "Q"], ["", "", "Response"]]), .surveymonkey)
        XCTAssertEqual(format([["Respondent ID", "Collector ID", "Q"], ["", "", "Yes"]]), .plain)
        XCTAssertEqual(format([["Timestamp", "Q"]]), .googleForms)
        XCTAssertEqual(format([["respondent_id", "Timestamp"]]), .plain)
    }
}

/// `ColumnResolver` over a hand-made layout, for the rename rules that need no file.
private struct ColumnResolverProbe {
    var layout: HeaderLayout

    mutating func find(_ canonical: String, rename: String) throws -> Int? {
        let form = SurveyForm(kind: .employee, idColumn: nil, items: [], recommendItem: "enps", breakdowns: [])
        let map = try HeaderMap(layout: layout, form: form, renames: [canonical: rename, "submitted_at": "Q1"],
                                file: "probe.csv", catchAll: true)
        return map.area
    }
}
