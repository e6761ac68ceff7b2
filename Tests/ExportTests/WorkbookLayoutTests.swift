@testable import Export
import Foundation
@testable import Score
import SurveyModel
import XCTest

/// The executive layout (SPEC §10): Summary order and columns, print setup on every
/// sheet, labelled charts that grow with the areas, heat maps at the band thresholds,
/// and no number shown as -0.0 (read back by openpyxl through check_workbook.py).
final class WorkbookLayoutTests: XCTestCase {
    private static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    private func write(_ report: ScoreReport, config: PipelineConfig = WorkbookFixture.config,
                       in folder: TemporaryFolder, name: String = "layout.xlsx") throws -> WorkbookArchive {
        let path = folder.path(name)
        try WorkbookWriter.write(report: report, metadata: WorkbookFixture.metadata, config: config, to: path)
        return WorkbookArchive(path: path)
    }

    /// Column A of the Summary, row by row (nil for an empty cell), shared strings resolved.
    private func summaryColumn(_ archive: WorkbookArchive, rows: ClosedRange<Int>) throws -> [String?] {
        let strings = matches(of: "<si><t[^>]*>([^<]*)</t></si>", in: try archive.part("xl/sharedStrings.xml"))
        let sheet = try archive.part("xl/worksheets/sheet1.xml")
        return rows.map { row in
            matches(of: "<c r=\"A\(row)\" s=\"[0-9]+\" t=\"s\"><v>([0-9]+)</v>", in: sheet).first
                .flatMap { Int($0) }.map { strings[$0] }
        }
    }

    /// Config order Support, Sales, Operations; readiness Operations 67.7 (0.3·72 + 0.1·64 + 0.2·70 +
    /// 0.15·58 + 0.25·68), Sales 53.0, Support hidden: best first, the area without one last, then a
    /// blank row and All areas.
    func testSummaryIsSortedByReadinessWithAllAreasSetApart() throws {
        var report = WorkbookFixture.report
        report.areas = [report.areas[2], report.areas[1], report.areas[0], report.areas[3]]
        let folder = try TemporaryFolder()
        let archive = try write(report, in: folder)
        XCTAssertEqual(try summaryColumn(archive, rows: 7...11), ["Operations", "Sales", "Support", nil, "All areas"])
        let strings = matches(of: "<si><t[^>]*>([^<]*)</t></si>", in: try archive.part("xl/sharedStrings.xml"))
        let sheet = try archive.part("xl/worksheets/sheet1.xml")
        let header = matches(of: "<c r=\"[A-Z]+6\" s=\"[0-9]+\" t=\"s\"><v>([0-9]+)</v>", in: sheet).compactMap { Int($0) }
            .map { strings[$0] }
        XCTAssertEqual(header, ["Area", "Readiness", "Band", "Change since 2026-Q2", "Quadrant",
                                "Three things to do differently", "LMI", "Employee life", "Customer life",
                                "Difference gap", "eNPS", "NPS", "Response rate"])
        // Readiness change from the trends: Operations 61 in 2026-Q3 against 58 in 2026-Q2.
        XCTAssertTrue(sheet.contains("<c r=\"D7\" s=\""), "Operations has a change")
        XCTAssertFalse(matches(of: "(<c r=\"D7\" s=\"[0-9]+\"><v>3</v></c>)", in: sheet).isEmpty, sheet)
    }

    func testEveryPrintedSheetHasHeaderFooterLandscapeAndFitsThePageWidth() throws {
        let folder = try TemporaryFolder()
        let archive = try write(WorkbookFixture.report, in: folder)
        for index in 1...10 {
            let sheet = try archive.part("xl/worksheets/sheet\(index).xml")
            XCTAssertTrue(sheet.contains("orientation=\"landscape\""), "sheet\(index)")
            XCTAssertTrue(sheet.contains("<pageSetUpPr fitToPage=\"1\"/>"), "sheet\(index)")
            XCTAssertTrue(sheet.contains("fitToHeight=\"0\""), "sheet\(index): one page wide, as many down as needed")
            XCTAssertTrue(sheet.contains("<oddHeader>&amp;Lreadiness-2026-Q3&amp;RWave 2026-Q3</oddHeader>"),
                          "sheet\(index)")
            XCTAssertTrue(sheet.contains("<oddFooter>&amp;LConfidential: survey results&amp;RPage &amp;P of "
                + "&amp;N</oddFooter>"), "sheet\(index)")
        }
        let workbook = try archive.part("xl/workbook.xml")
        XCTAssertTrue(workbook.contains("localSheetId=\"9\">Method!$1:$1</definedName>"),
                      "Method's later pages repeat its title only")
        XCTAssertTrue(workbook.contains("localSheetId=\"1\">Areas!$1:$2</definedName>"))
        XCTAssertTrue(workbook.contains("localSheetId=\"0\">Summary!$1:$6</definedName>"))
        XCTAssertTrue(try archive.part("xl/worksheets/sheet1.xml").contains("<rowBreaks"), "the charts start a page")
    }

    func testAnAmpersandInTheReportNameIsPrintedLiterally() {
        let context = SheetContext(reportName: "R&D 2026", wave: "2026-Q3", bands: [])
        XCTAssertEqual(context.print.header, "&LR&&D 2026&RWave 2026-Q3")
    }

    /// The leadership-vs-management chart: one label per area point (its name) and the four quadrant names.
    func testScatterChartLabelsEachPointAndNamesTheQuadrants() throws {
        let folder = try TemporaryFolder()
        let archive = try write(WorkbookFixture.report, in: folder)
        let charts = try archive.partNames().filter { $0.hasPrefix("xl/charts/chart") }
        let scatter = try XCTUnwrap(try charts.map { try archive.part($0) }.first { $0.contains("Led or only managed") })
        XCTAssertTrue(scatter.contains("<c:scatterChart>"))
        let labels = matches(of: "<c:dLbl><c:idx val=\"[0-9]+\"/><c:layout/><c:tx><c:rich>.*?<a:t>([^<]*)</a:t>",
                             in: scatter)
        XCTAssertEqual(labels, ["Operations", "Sales", "All areas", "Led, loosely managed", "Stalled",
                                "Led and managed", "Managed, not led"])
    }

    /// Readiness chart: 6 areas + All areas fit the minimum 288 px; 30 + All areas need 96 + 20 × 31 = 716 px.
    /// Its anchor spans rows of 20 px below the table: (to row − from row) × 20 + (to − from offset) / 9,525
    /// EMU per pixel. Every bar is labelled with its area.
    func testReadinessChartHeightGrowsWithTheAreas() throws {
        let folder = try TemporaryFolder()
        for (count, height) in [(6, 288), (30, 716)] {
            var report = WorkbookFixture.report
            let areas = (1...count).map { index in
                WorkbookFixture.area("Area \(index)", employeeN: 40, customerN: 30, headcount: 50,
                                     lead: 40 + Double(index), mgmt: 50, life: 55, waste: 50, cx: 60, customerLife: 58)
            }
            report.areas = areas + [WorkbookFixture.areas[3]]
            let archive = try write(report, in: folder, name: "areas-\(count).xlsx")
            let drawing = try archive.part("xl/drawings/drawing1.xml")
            let rows = matches(of: "<xdr:row>([0-9]+)</xdr:row>", in: drawing).prefix(2).compactMap { Int($0) }
            let offsets = matches(of: "<xdr:rowOff>([0-9]+)</xdr:rowOff>", in: drawing).prefix(2).compactMap { Int($0) }
            XCTAssertEqual(rows.count, 2, drawing)
            XCTAssertEqual(offsets.count, 2, drawing)
            guard rows.count == 2, offsets.count == 2 else { continue }
            XCTAssertEqual((rows[1] - rows[0]) * 20 + (offsets[1] - offsets[0]) / 9525, height, "\(count) areas")
            let bars = try archive.part("xl/charts/chart1.xml")
            for index in 1...count {
                XCTAssertTrue(bars.contains("<a:t>Area\u{00A0}\(index)</a:t>"), "bar \(index) of \(count) is labelled")
            }
        }
    }

    /// 45 areas whose readiness rises with their number: the chart shows Areas 45–26 and 20–1, says so,
    /// and leaves out Areas 21–25 (the Summary table still lists all 45).
    func testBeyondFortyAreasTheChartShowsTheHighestAndLowestTwenty() throws {
        var report = WorkbookFixture.report
        report.areas = (1...45).map { index in
            WorkbookFixture.area("Area \(index)", employeeN: 40, customerN: 30, headcount: 50,
                                 lead: 30 + Double(index), mgmt: 50, life: 55, waste: 50, cx: 60, customerLife: 58)
        } + [WorkbookFixture.areas[3]]
        let folder = try TemporaryFolder()
        let bars = try write(report, in: folder).part("xl/charts/chart1.xml")
        XCTAssertTrue(bars.contains("Readiness by area, 2026-Q3: the 20 highest and 20 lowest of 45 areas"))
        for index in Array(1...20) + Array(26...45) {
            XCTAssertTrue(bars.contains("<a:t>Area\u{00A0}\(index)</a:t>"), "Area \(index) has its bar")
        }
        for index in 21...25 {
            XCTAssertFalse(bars.contains("<a:t>Area\u{00A0}\(index)</a:t>"), "Area \(index) is in the middle")
        }
        XCTAssertTrue(bars.contains("<a:t>All\u{00A0}areas</a:t>"))
    }

    /// With bands 70 / 50 the heat maps colour at 70 and 50, not at 40 / 60 / 80.
    func testHeatMapsBreakAtTheConfiguredBands() throws {
        var config = WorkbookFixture.config
        config.scoring.bands = [Band(label: "Ready", min: 70), Band(label: "Emerging", min: 50)]
        let folder = try TemporaryFolder()
        let archive = try write(WorkbookFixture.report, config: config, in: folder)
        let areas = try archive.part("xl/worksheets/sheet2.xml")
        XCTAssertTrue(areas.contains("<formula>AND(ISNUMBER(E3),E3&gt;=70)</formula>"), areas)
        XCTAssertTrue(areas.contains("<formula>AND(ISNUMBER(E3),E3&gt;=50,E3&lt;70)</formula>"))
        XCTAssertTrue(areas.contains("<formula>AND(ISNUMBER(E3),E3&lt;50)</formula>"))
        for sheet in 1...9 {
            XCTAssertFalse(try archive.part("xl/worksheets/sheet\(sheet).xml").contains("<cfvo type=\"num\" val=\"80\"/>"))
        }
        XCTAssertTrue(try archive.part("xl/worksheets/sheet1.xml").contains("H7&gt;=70"), "Summary's employee life")
    }

    /// LMI −0.03, a difference gap of −0.0 and a trend change of −0.02: none may show as -0.0.
    func testNoNumberShowsAsNegativeZero() throws {
        var report = WorkbookFixture.report
        report.areas[0].lmi = -0.03
        report.areas[0].differenceGap = -0.0
        report.trends = report.trends.map { point in
            var point = point
            if point.area == "Sales" && point.wave == "2026-Q3" { point.readiness = (point.readiness ?? 0) - 3.02 }
            return point
        }
        let folder = try TemporaryFolder()
        let archive = try write(report, in: folder)
        XCTAssertFalse(try archive.part("xl/worksheets/sheet1.xml").contains("<v>-0</v>"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.tests.appendingPathComponent("check_workbook.py").path, "--numbers",
                             archive.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, text)
    }

    private func matches(of pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]) else {
            return []
        }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
