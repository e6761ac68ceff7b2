@testable import Export
import Foundation
@testable import Score
import SurveyModel
import XCTest

/// The executive workbook: structure, privacy marker, no formulas, determinism, and a golden sheet.
final class WorkbookTests: XCTestCase {
    private func writeFixture(_ report: ScoreReport = WorkbookFixture.report, in folder: TemporaryFolder,
                              name: String = "report.xlsx") throws -> WorkbookArchive {
        let path = folder.path(name)
        try WorkbookWriter.write(report: report, metadata: WorkbookFixture.metadata, config: WorkbookFixture.config,
                                 to: path)
        return WorkbookArchive(path: path)
    }

    func testSheetsAreInOrderWithSummaryFirstAndActive() throws {
        let folder = try TemporaryFolder()
        let archive = try writeFixture(in: folder)
        let workbook = try archive.part("xl/workbook.xml")
        let names = matches(of: "<sheet name=\"([^\"]+)\"", in: workbook)
        XCTAssertEqual(names, ["Summary", "Areas", "Items", "Drivers", "Trends", "Customers", "Themes", "Comments",
                               "Data quality", "Method", "Chart data"])
        XCTAssertTrue(workbook.contains("<sheet name=\"Chart data\" sheetId=\"11\" state=\"hidden\""), workbook)
        XCTAssertFalse(workbook.contains("activeTab="), "Summary (the first sheet) is the active tab")
        XCTAssertTrue(try archive.part("xl/worksheets/sheet1.xml").contains("tabSelected=\"1\""))
    }

    func testNativeChartsExist() throws {
        let folder = try TemporaryFolder()
        let parts = try writeFixture(in: folder).partNames()
        for chart in 1...4 {
            XCTAssertTrue(parts.contains("xl/charts/chart\(chart).xml"), "chart\(chart).xml missing: \(parts)")
        }
    }

    func testSummaryHasConditionalFormatsFrozenHeaderAndFilter() throws {
        let folder = try TemporaryFolder()
        let summary = try writeFixture(in: folder).part("xl/worksheets/sheet1.xml")
        XCTAssertTrue(summary.contains("<conditionalFormatting"))
        XCTAssertTrue(summary.contains("<colorScale>"))
        XCTAssertTrue(summary.contains("state=\"frozen\""))
        XCTAssertTrue(summary.contains("<autoFilter"))
        XCTAssertTrue(summary.contains("orientation=\"landscape\""))
        XCTAssertTrue(summary.contains("fitToHeight=\"0\""))
    }

    func testSuppressedFiguresShowTheHiddenMarker() throws {
        let folder = try TemporaryFolder()
        let archive = try writeFixture(in: folder)
        let strings = matches(of: "<si><t[^>]*>([^<]*)</t></si>", in: try archive.part("xl/sharedStrings.xml"))
        let index = try XCTUnwrap(strings.firstIndex(of: "hidden"), "the marker is a shared string")
        let summary = try archive.part("xl/worksheets/sheet1.xml")
        // Support has no readiness, so it sorts after Operations and Sales: header on row 6, its row is 9;
        // B = readiness, G = LMI, H = employee life, K = eNPS, L = NPS.
        for cell in ["B9", "G9", "H9", "K9", "L9"] {
            XCTAssertTrue(summary.contains("<c r=\"\(cell)\" s=\""), "\(cell) is written")
            let pattern = "<c r=\"\(cell)\" s=\"[0-9]+\" t=\"s\"><v>\(index)</v></c>"
            XCTAssertFalse(matches(of: "(\(pattern))", in: summary).isEmpty, "\(cell) holds the marker")
        }
        XCTAssertFalse(strings.contains("n<5"))
    }

    func testNoSheetContainsAFormulaAndInputTextStaysText() throws {
        let folder = try TemporaryFolder()
        let archive = try writeFixture(in: folder)
        let sheets = try archive.partNames().filter { $0.hasPrefix("xl/worksheets/sheet") }
        XCTAssertEqual(sheets.count, 11)
        for sheet in sheets {
            XCTAssertFalse(try archive.part(sheet).contains("<f>"), "\(sheet) contains a formula")
            XCTAssertFalse(try archive.part(sheet).contains("<f "), "\(sheet) contains a formula")
        }
        let strings = try archive.part("xl/sharedStrings.xml")
        XCTAssertTrue(strings.contains("<t>=HYPERLINK(&quot;http://example.com&quot;,&quot;click&quot;)</t>")
            || strings.contains("<t>=HYPERLINK(\"http://example.com\",\"click\")</t>"))
        let index = try XCTUnwrap(matches(of: "<si><t[^>]*>([^<]*)</t></si>", in: strings).firstIndex(of: "@SUM(A1:A9)"))
        let comments = try archive.part("xl/worksheets/sheet8.xml")
        XCTAssertTrue(comments.contains("t=\"s\"><v>\(index)</v>"), "a text cell, not a formula")
    }

    /// The Comments sheet holds the examples of the report's theme summary, one row each, with the
    /// theme's label and the question; the Themes sheet one row per group, hidden groups marked.
    func testCommentsSheetShowsTheExamplesAndThemesSheetTheShares() throws {
        let folder = try TemporaryFolder()
        let archive = try writeFixture(in: folder)
        let strings = try archive.part("xl/sharedStrings.xml")
        let comments = resolveSharedStrings(try archive.part("xl/worksheets/sheet8.xml"), strings: strings)
        XCTAssertFalse(matches(of: "(<c r=\"C3\" s=\"[0-9]+\" t=\"s\"><v>Waiting</v></c>)", in: comments).isEmpty,
                       "the theme's label")
        XCTAssertFalse(matches(of: "(<c r=\"C4\" s=\"[0-9]+\" t=\"s\"><v>Other</v></c>)", in: comments).isEmpty)
        XCTAssertTrue(comments.contains("<v>Less waiting for parts would give me back an hour a day.</v>"))
        XCTAssertEqual(matches(of: "<row r=\"([0-9]+)\"", in: comments).count, 2 + 4, "title, header, four examples")
        XCTAssertFalse(comments.contains("slow refunds"), "only the examples, not every comment")
        let themes = resolveSharedStrings(try archive.part("xl/worksheets/sheet7.xml"), strings: strings)
        // Rows: title, blank, "Employee survey", header, Operations (5), Support (6), All areas (7).
        // Operations: 4 comments, waiting 1 of 4 = 25; All areas' talent 1 of 8 = 12.5.
        XCTAssertFalse(matches(of: "(<c r=\"B5\" s=\"[0-9]+\"><v>4</v></c>)", in: themes).isEmpty, themes)
        XCTAssertFalse(matches(of: "(<c r=\"C5\" s=\"[0-9]+\"><v>25</v></c>)", in: themes).isEmpty, themes)
        XCTAssertFalse(matches(of: "(<c r=\"D7\" s=\"[0-9]+\"><v>12.5</v></c>)", in: themes).isEmpty, themes)
        XCTAssertTrue(themes.contains("<conditionalFormatting sqref=\"C5:D7\">"), "themes coloured, other not")
        XCTAssertEqual(matches(of: "(>hidden<)", in: themes).count, 4, "Support's comments and three shares")
        XCTAssertTrue(try archive.partNames().contains("xl/charts/chart5.xml"), "the All areas themes chart")
    }

    func testDataQualityReconciliationIsABooleanCell() throws {
        let folder = try TemporaryFolder()
        let sheet = try writeFixture(in: folder).part("xl/worksheets/sheet9.xml")
        XCTAssertEqual(matches(of: "(t=\"b\"><v>1</v>)", in: sheet).count, 3, "two files and the total reconcile")
    }

    func testWritingTwiceGivesIdenticalBytes() throws {
        let folder = try TemporaryFolder()
        let first = try writeFixture(in: folder, name: "first.xlsx")
        Thread.sleep(forTimeInterval: 2.1)
        let second = try writeFixture(in: folder, name: "second.xlsx")
        let firstData = try Data(contentsOf: URL(fileURLWithPath: first.path))
        let secondData = try Data(contentsOf: URL(fileURLWithPath: second.path))
        XCTAssertEqual(firstData, secondData)
        XCTAssertTrue(try first.part("docProps/core.xml").contains("2026-09-28T00:00:00Z"))
    }

    /// The Areas sheet XML of a tiny fixture, byte for byte, except that each shared-string
    /// index is replaced by its text (so the golden reads by eye and does not shift when
    /// another sheet's wording changes).
    func testAreasSheetMatchesGolden() throws {
        let folder = try TemporaryFolder()
        let archive = try writeFixture(WorkbookFixture.tiny, in: folder)
        let areas = resolveSharedStrings(try archive.part("xl/worksheets/sheet2.xml"),
                                         strings: try archive.part("xl/sharedStrings.xml"))
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/golden/areas-sheet.xml")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try areas.write(to: golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        XCTAssertEqual(areas, expected, "Areas sheet differs from \(golden.path); rerun with UPDATE_GOLDEN=1 and inspect")
    }

    func testEmptyReportAndHostileNamesStillWriteWithoutFormulas() throws {
        let folder = try TemporaryFolder()
        var empty = WorkbookFixture.report
        empty.areas = []
        empty.waves = []
        empty.trends = []
        empty.evaporation = []
        empty.psychometrics = []
        empty.breakdowns = []
        empty.comments = []
        empty.themes = ThemeSummary()
        let emptyArchive = try writeFixture(empty, in: folder, name: "empty.xlsx")
        XCTAssertFalse(try emptyArchive.partNames().contains { $0.hasPrefix("xl/charts/") })

        var hostile = WorkbookFixture.report
        hostile.areas[0].area = "=cmd|' /C calc'!A0"
        hostile.trends = hostile.trends.map { point in
            var point = point
            if point.area == "Operations" { point.area = hostile.areas[0].area }
            return point
        }
        let archive = try writeFixture(hostile, in: folder, name: "hostile.xlsx")
        for part in try archive.partNames() where part.hasPrefix("xl/worksheets/sheet") {
            XCTAssertFalse(try archive.part(part).contains("<f>"), part)
        }
        for part in try archive.partNames() where part.hasPrefix("xl/charts/") {
            let references = matches(of: "<c:f>([^<]*)</c:f>", in: try archive.part(part))
            XCTAssertFalse(references.isEmpty)
            for reference in references {
                XCTAssertNotNil(reference.range(of: "^'Chart data'!\\$[A-Z]+\\$[0-9]+(:\\$[A-Z]+\\$[0-9]+)?$",
                                                options: .regularExpression),
                                "\(part): a chart formula is not a plain cell reference: \(reference)")
            }
        }
    }

    func testCreatedTimeComesFromTheDataWindow() {
        XCTAssertEqual(WorkbookWriter.createdTime("2026-09-28"), 1_790_553_600)
        XCTAssertEqual(WorkbookWriter.createdTime("1970-01-01"), 0)
        XCTAssertEqual(WorkbookWriter.createdTime(nil), 946_684_800)
        XCTAssertEqual(WorkbookWriter.createdTime("garbage"), 946_684_800)
    }

    func testLibraryFailureBecomesAPipelineError() {
        let path = "/nonexistent-folder-\(UUID().uuidString)/report.xlsx"
        XCTAssertThrowsError(try WorkbookWriter.write(report: WorkbookFixture.report, metadata: WorkbookFixture.metadata,
                                                      config: WorkbookFixture.config, to: path)) { error in
            guard case .other(let message)? = error as? PipelineError else {
                return XCTFail("expected PipelineError.other, got \(error)")
            }
            XCTAssertTrue(message.contains("libxlsxwriter"), message)
        }
    }

    /// `WORKBOOK_SAMPLE=/path/report.xlsx swift test --filter WorkbookTests` keeps a sample
    /// workbook for `scripts/render-workbook`.
    func testWriteSampleForRendering() throws {
        guard let path = ProcessInfo.processInfo.environment["WORKBOOK_SAMPLE"] else {
            throw XCTSkip("set WORKBOOK_SAMPLE to keep a sample workbook")
        }
        try WorkbookWriter.write(report: WorkbookFixture.report, metadata: WorkbookFixture.metadata,
                                 config: WorkbookFixture.config, to: path)
    }

    /// `t="s"><v>12</v>` → `t="s"><v>the text of string 12</v>` (text kept XML-escaped).
    private func resolveSharedStrings(_ sheet: String, strings: String) -> String {
        let table = matches(of: "<si><t[^>]*>([^<]*)</t></si>", in: strings)
        guard let regex = try? NSRegularExpression(pattern: "t=\"s\"><v>([0-9]+)</v>") else { return sheet }
        var result = sheet
        for match in regex.matches(in: sheet, range: NSRange(sheet.startIndex..., in: sheet)).reversed() {
            guard let whole = Range(match.range, in: sheet), let digits = Range(match.range(at: 1), in: sheet),
                  let index = Int(sheet[digits]), table.indices.contains(index) else { continue }
            let start = result.index(result.startIndex, offsetBy: sheet.distance(from: sheet.startIndex, to: whole.lowerBound))
            let end = result.index(start, offsetBy: sheet.distance(from: whole.lowerBound, to: whole.upperBound))
            result.replaceSubrange(start..<end, with: "t=\"s\"><v>\(table[index])</v>")
        }
        return result
    }

    private func matches(of pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
