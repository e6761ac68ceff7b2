@testable import Export
import Foundation
@testable import Score
import SurveyModel
import XCTest
import XLSXWriter

/// SPEC §5.2's changes in the workbook, on the hand-made fixture with hand-set changes:
/// the Summary's marked change cell and its note lines, the Areas sheet's change columns,
/// the Trends sheet's ▲ / ▼ number formats and the faded wins' significance in words; and
/// the page estimate of the breakdown sheets and the scatter's label placement.
final class WorkbookChangesTests: XCTestCase {
    private static func change(_ delta: Double, _ p: Double) -> Change {
        Change(previousWave: "2026-Q2", delta: delta, pValue: p, significant: p < 0.05)
    }

    /// Operations: leadership +8.2 (p 0.01) and eNPS −12 (p 0.03) significant, management not;
    /// Sales: only customer experience significant (no readiness weight) and leadership not.
    private static var report: ScoreReport {
        var report = WorkbookFixture.report
        report.areas[0].changes = [("leadership", change(8.2, 0.01)), ("management", change(1.0, 0.4)),
                                   ("cx", nil), ("enps", change(-12, 0.03)), ("nps", nil)]
        report.areas[1].changes = [("leadership", change(-3, 0.2)), ("cx", change(5, 0.02))]
        return report
    }

    private func write(_ report: ScoreReport, in folder: TemporaryFolder) throws -> WorkbookArchive {
        let path = folder.path("changes.xlsx")
        try WorkbookWriter.write(report: report, metadata: WorkbookFixture.metadata, config: WorkbookFixture.config,
                                 to: path)
        return WorkbookArchive(path: path)
    }

    /// The number format of each cell style (`s` index), from styles.xml.
    private func formats(_ archive: WorkbookArchive) throws -> [String] {
        let styles = try archive.part("xl/styles.xml")
        var codes: [String: String] = ["0": "General"]
        for pair in matches(of: "<numFmt (numFmtId=\"[0-9]+\" formatCode=\"[^\"]*\")", in: styles) {
            let id = matches(of: "numFmtId=\"([0-9]+)\"", in: pair).first ?? ""
            codes[id] = matches(of: "formatCode=\"([^\"]*)\"", in: pair).first.map(Self.unescaped)
        }
        let xfs = matches(of: "<cellXfs[^>]*>(.*?)</cellXfs>", in: styles).first ?? ""
        return matches(of: "<xf ([^>]*)", in: xfs).map { attributes in
            codes[matches(of: "numFmtId=\"([0-9]+)\"", in: attributes).first ?? "0"] ?? "?"
        }
    }

    private static func unescaped(_ xml: String) -> String {
        xml.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The style index and value of a numeric cell, nil when the cell is not a number.
    private func numberCell(_ sheet: String, _ ref: String) -> (style: Int, value: Double)? {
        let found = matches(of: "<c r=\"\(ref)\" s=\"([0-9]+)\"><v>([^<]*)</v>", in: sheet, groups: 2)
        guard let first = found.first, let style = Int(first[0]), let value = Double(first[1]) else { return nil }
        return (style, value)
    }

    func testSummaryMarksTheChangeAndNamesTheSignificantChangesUnderTheTable() throws {
        let folder = try TemporaryFolder()
        let archive = try write(Self.report, in: folder)
        let sheet = try archive.part("xl/worksheets/sheet1.xml")
        let formats = try formats(archive)
        // Row 7 Operations (readiness 67.7), row 8 Sales (53.0); readiness +3 for both from the trends.
        let operations = try XCTUnwrap(numberCell(sheet, "D7"))
        let sales = try XCTUnwrap(numberCell(sheet, "D8"))
        XCTAssertEqual(operations.value, 3)
        XCTAssertEqual(formats[operations.style], WorkbookFormats.markedChangeFormat)
        XCTAssertTrue(formats[operations.style].hasSuffix("\"*\""))
        XCTAssertEqual(formats[sales.style], WorkbookFormats.changeFormat, "customer experience has no weight")
        let strings = try archive.part("xl/sharedStrings.xml")
        XCTAssertTrue(strings.contains("<t>Operations: Leadership ▲ +8.2 (p = 0.01), eNPS ▼ −12.0 (p = 0.03) since "
            + "2026-Q2.</t>"), strings)
        XCTAssertFalse(strings.contains("Sales: Leadership"))
        XCTAssertFalse(strings.contains("No significant changes"))
        let styles = try archive.part("xl/styles.xml")
        let xfs = matches(of: "<cellXfs[^>]*>(.*?)</cellXfs>", in: styles).first ?? ""
        let fontIDs = matches(of: "<xf [^>]*fontId=\"([0-9]+)\"", in: xfs).compactMap { Int($0) }
        let fonts = matches(of: "<font>(.*?)</font>", in: matches(of: "<fonts[^>]*>(.*?)</fonts>", in: styles).first ?? "")
        XCTAssertTrue(fonts[fontIDs[operations.style]].contains("<b/>"), "the marked cell is bold")
        XCTAssertFalse(fonts[fontIDs[sales.style]].contains("<b/>"))
    }

    func testWithoutSignificantChangesTheSummarySaysSoOnce() throws {
        var report = Self.report
        report.areas[0].changes = [("leadership", Self.change(8.2, 0.2))]
        report.areas[1].changes = []
        let folder = try TemporaryFolder()
        let strings = try write(report, in: folder).part("xl/sharedStrings.xml")
        XCTAssertEqual(matches(of: "(No significant changes since 2026-Q2\\.)", in: strings).count, 1)
        XCTAssertFalse(strings.contains("Operations: Leadership"), "p = 0.2 is no note line")
    }

    /// Areas rows 3–8 are Operations' constructs, 9–10 its eNPS and NPS: delta, p-value, yes / no.
    func testAreasSheetHasTheChangeColumnsOfTheJSON() throws {
        let folder = try TemporaryFolder()
        let archive = try write(Self.report, in: folder)
        let sheet = try archive.part("xl/worksheets/sheet2.xml")
        let strings = matches(of: "<si><t[^>]*>([^<]*)</t></si>", in: try archive.part("xl/sharedStrings.xml"))
        func text(_ ref: String) -> String? {
            matches(of: "<c r=\"\(ref)\" s=\"[0-9]+\" t=\"s\"><v>([0-9]+)</v>", in: sheet).first
                .flatMap { Int($0) }.map { strings[$0] }
        }
        XCTAssertEqual(text("J2"), "Change since 2026-Q2")
        XCTAssertEqual(numberCell(sheet, "J3")?.value, 8.2)
        XCTAssertEqual(numberCell(sheet, "K3")?.value, 0.01)
        XCTAssertEqual(text("L3"), "yes")
        XCTAssertEqual(numberCell(sheet, "J4")?.value, 1)
        XCTAssertEqual(text("L4"), "no")
        XCTAssertNil(numberCell(sheet, "J7"), "customer experience: no comparison")
        XCTAssertEqual(text("B9"), "eNPS")
        XCTAssertEqual(numberCell(sheet, "E9")?.value, 15, "35 % promoters − 20 % detractors")
        XCTAssertEqual(numberCell(sheet, "J9")?.value, -12)
        XCTAssertEqual(text("L9"), "yes")
        XCTAssertEqual(text("B10"), "NPS")
        XCTAssertNil(numberCell(sheet, "J10"))
        let format = try formats(archive)[try XCTUnwrap(numberCell(sheet, "J3")).style]
        XCTAssertTrue(format.contains("▲") && format.contains("▼"), format)
    }

    /// Trends row 4 is Operations 2026-Q2: readiness 58 against 55, a number shown with ▲ / ▼ sections.
    func testTrendsChangesAreNumbersWithArrowFormats() throws {
        let folder = try TemporaryFolder()
        let archive = try write(Self.report, in: folder)
        let sheet = try archive.part("xl/worksheets/sheet5.xml")
        let formats = try formats(archive)
        for ref in ["D4", "F4", "H4", "J4"] {
            let cell = try XCTUnwrap(numberCell(sheet, ref), ref)
            XCTAssertTrue(formats[cell.style].contains("▲") && formats[cell.style].contains("▼"), ref)
        }
        XCTAssertEqual(numberCell(sheet, "D4")?.value, 3)
        XCTAssertTrue(sheet.contains("ABS(D3)&lt;0.05"), "no change is grey")
    }

    func testFadedWinsSaySignificanceInPlainWords() {
        var entry = Evaporation(area: "Sales", metric: "employee_life", peakWave: "2026-Q1", peak: 66, latest: 52,
                                drop: 14)
        XCTAssertEqual(TrendsSheet.significance(entry), "not tested")
        entry.significant = false
        entry.pValue = 0.31
        XCTAssertEqual(TrendsSheet.significance(entry), "no")
        entry.significant = true
        entry.pValue = 0.0213
        XCTAssertEqual(TrendsSheet.significance(entry), "yes, p = 0.02")
        entry.pValue = 0.0004
        XCTAssertEqual(TrendsSheet.significance(entry), "yes, p < 0.001")
        XCTAssertEqual(SignificantChanges.pText(0.0496), "p = 0.050", "never a rounded 0.05 on the significant side")
        XCTAssertEqual(SignificantChanges.pText(0.004), "p = 0.004")
        XCTAssertEqual(SignificantChanges.arrow(-0.04), "= 0.0")
    }

    /// Pages hold 509 pt; a block of 7 areas takes 20 + 30 + 7 × 15 = 155 pt and a blank row 15.
    /// Page one (title and note 50): blocks at rows 3 and 12 (50 + 170 + 155 = 375); the third
    /// would end at 545, so it starts page two (20 + 170 + 155 = 345 with the fourth).
    func testBreakdownBlocksThatWouldSplitStartAPage() {
        XCTAssertEqual(BreakdownsSheet.pageBreaks(blockTops: [3, 12, 21, 30], blockRows: 9, scale: 1), [21])
        // At half scale a page holds 1,018 pt: all four (50 + 4 × 170 − 15 = 715) fit.
        XCTAssertEqual(BreakdownsSheet.pageBreaks(blockTops: [3, 12, 21, 30], blockRows: 9, scale: 0.5), [])
        // Taller than a page (50 + 38 × 15 = 620 pt): every block after the first starts a page.
        XCTAssertEqual(BreakdownsSheet.pageBreaks(blockTops: [3, 45, 87], blockRows: 40, scale: 1), [45, 87])
    }

    /// Up to 13 points every label is right of its point. 30 points as 15 pairs on the same spot (pairs
    /// 6 points apart on a diagonal): the two labels of a pair never take the same side, and no
    /// two estimated label boxes overlap, as they would if all were right of their points.
    func testScatterLabelsOfCrowdedPointsTakeDifferentSides() {
        func points(_ count: Int) -> [SummaryCharts.Point] {
            (0..<count).map { index in
                let at = 10 + Double(index / 2) * 6
                return SummaryCharts.Point(area: "Area \(index)", management: at, leadership: at, total: false)
            }
        }
        XCTAssertEqual(Set(SummaryCharts.labelPositions(points(13))), [.right])
        let crowded = points(30)
        let positions = SummaryCharts.labelPositions(crowded)
        for pair in stride(from: 0, to: 30, by: 2) {
            XCTAssertNotEqual(positions[pair], positions[pair + 1], "Area \(pair) and Area \(pair + 1)")
        }
        // 480 px × 0.8 over 0–100: 3.84 px a point; labels 7 characters × 4.6 px wide, 11 px high, 6 px off.
        func box(_ index: Int, _ position: LabelPosition) -> SummaryCharts.Box {
            let x = crowded[index].management * 3.84, y = crowded[index].leadership * 3.84
            let width = Double(crowded[index].area.count) * 4.6
            switch position {
            case .left: return SummaryCharts.Box(x: x - 6 - width, y: y - 5.5, width: width, height: 11)
            case .above: return SummaryCharts.Box(x: x - width / 2, y: y + 6, width: width, height: 11)
            case .below: return SummaryCharts.Box(x: x - width / 2, y: y - 17, width: width, height: 11)
            default: return SummaryCharts.Box(x: x + 6, y: y - 5.5, width: width, height: 11)
            }
        }
        XCTAssertGreaterThan(box(0, .right).overlap(box(1, .right)), 0, "all right, a pair's labels collide")
        for first in 0..<30 {
            for second in (first + 1)..<30 {
                XCTAssertEqual(box(first, positions[first]).overlap(box(second, positions[second])), 0,
                               "labels of Area \(first) and Area \(second)")
            }
        }
    }

    private func matches(of pattern: String, in text: String, groups: Int) -> [[String]] {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]) else {
            return []
        }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            (1...groups).compactMap { Range(match.range(at: $0), in: text).map { String(text[$0]) } }
        }
    }

    private func matches(of pattern: String, in text: String) -> [String] {
        matches(of: pattern, in: text, groups: 1).compactMap(\.first)
    }
}
