import Foundation
import XCTest
import XLSXWriter

/// The XLSXWriter wrapper against a workbook another implementation wrote:
/// Tests/Fixtures/reference/reference.xlsx comes from Python's XlsxWriter
/// (make_reference.py; libxlsxwriter is a port of it). The same sheet is written
/// here through the wrapper and every XML part is compared element by element,
/// the way libxlsxwriter's and rust_xlsxwriter's own test suites compare with
/// Excel's files: XML split at tag boundaries, creation dates in docProps/core.xml
/// removed, and the entries of relationship and content-type parts sorted (their
/// order carries no meaning).
final class ReferenceWorkbookTests: XCTestCase {
    private static let reference = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/reference/reference.xlsx").path

    /// The sheet of make_reference.py, cell for cell. `southScore` lets a test change one cell.
    static func writeReferenceSheet(to path: String, southScore: Double = 61) throws {
        let workbook = try XLSXWorkbook(path: path)
        try workbook.setProperties(title: "Reference sheet", subject: "Wrapper conformance",
                                   author: "SurveyPipeline tests", created: 1_767_312_000)
        let sheet = try workbook.addSheet("Reference")
        let header = try workbook.addFormat(CellStyle(bold: true, vertical: .top, wrapsText: true, fill: 0xDCE6F1,
                                                      bottomBorder: Border(.thin, color: 0x8EA9C1)))
        let score = try workbook.addFormat(CellStyle(numberFormat: "0.0", horizontal: .right))
        let share = try workbook.addFormat(CellStyle(italic: true, fontColor: 0x808080, numberFormat: "0%"))
        for (col, title) in ["Region", "Score", "Share"].enumerated() {
            try sheet.string(0, col, title, header)
        }
        let rows: [(String, Double, Double)] = [("North", 72.5, 0.25), ("South", southScore, 0.5),
                                                ("East & West <3", 48.25, 0.125)]
        for (offset, (region, value, fraction)) in rows.enumerated() {
            try sheet.string(offset + 1, 0, region, nil)
            try sheet.number(offset + 1, 1, value, score)
            try sheet.number(offset + 1, 2, fraction, share)
        }
        try sheet.boolean(4, 0, true, nil)
        try sheet.columnWidth(0, 18)
        try sheet.freeze(row: 1, col: 0)
        sheet.setLandscape()
        sheet.fitToPages(wide: 1, tall: 0)
        try sheet.repeatRows(0, 0)
        try sheet.printSetup(PrintSetup(header: "&L" + PrintSetup.escaped("R&D report") + "&RWave 2026-Q3",
                                        footer: "&LConfidential: survey results&RPage &P of &N",
                                        margins: (left: 0.3, right: 0.3, top: 0.6, bottom: 0.6), pageBreaksBefore: [6]))
        let chart = try workbook.addChart(.column)
        let series = try chart.addSeries(sheet: "Reference", categories: CellRange(1, 0, 3, 0),
                                         values: CellRange(1, 1, 3, 1))
        try series.name(sheet: "Reference", row: 0, col: 1)
        try series.pointLabels([.text("North"), .none, .text("=East")], position: .outsideEnd, fontSize: 8)
        chart.title("Score by region")
        chart.legend(.none)
        try sheet.insertChart(chart, row: 1, col: 4, ChartPlacement())
        try workbook.addSheet("Chart data").hide()
        try workbook.close()
    }

    func testTheWrapperWritesWhatXlsxWriterWrites() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("wrapper.xlsx")
        try Self.writeReferenceSheet(to: path)
        let differences = try Self.differences(got: WorkbookArchive(path: path),
                                               expected: WorkbookArchive(path: Self.reference))
        XCTAssertEqual(differences, [], differences.joined(separator: "\n"))
    }

    /// The comparison can fail: one changed number shows up in the sheet and in the chart's cached values.
    func testAChangedCellIsReported() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("changed.xlsx")
        try Self.writeReferenceSheet(to: path, southScore: 62)
        let differences = try Self.differences(got: WorkbookArchive(path: path),
                                               expected: WorkbookArchive(path: Self.reference))
        let report = differences.joined(separator: "\n")
        XCTAssertEqual(differences.map { String($0.prefix { $0 != ":" }) },
                       ["xl/charts/chart1.xml", "xl/worksheets/sheet1.xml"], report)
        XCTAssertTrue(differences.last?.contains("got <v>62</v>, expected <v>61</v>") ?? false, report)
    }

    func testTheReferenceHasEveryPartCompared() throws {
        let names = try WorkbookArchive(path: Self.reference).partNames()
        for part in ["[Content_Types].xml", "xl/workbook.xml", "xl/styles.xml", "xl/sharedStrings.xml",
                     "xl/worksheets/sheet1.xml", "xl/charts/chart1.xml", "docProps/core.xml"] {
            XCTAssertTrue(names.contains(part), part)
        }
    }

    /// One line per differing part (or a missing one), empty when the workbooks match.
    static func differences(got: WorkbookArchive, expected: WorkbookArchive) throws -> [String] {
        let gotNames = try got.partNames().sorted()
        let expectedNames = try expected.partNames().sorted()
        guard gotNames == expectedNames else {
            return ["parts: got \(gotNames), expected \(expectedNames)"]
        }
        var differences: [String] = []
        for name in expectedNames {
            let gotElements = elements(of: try got.part(name), part: name)
            let expectedElements = elements(of: try expected.part(name), part: name)
            guard gotElements != expectedElements else { continue }
            let index = zip(gotElements, expectedElements).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(gotElements.count, expectedElements.count)
            let gotElement = index < gotElements.count ? gotElements[index] : "(end)"
            let expectedElement = index < expectedElements.count ? expectedElements[index] : "(end)"
            differences.append("\(name): element \(index): got \(gotElement), expected \(expectedElement)")
        }
        return differences
    }

    /// A part's XML as a list of elements, normalized as described on the type.
    static func elements(of xml: String, part: String) -> [String] {
        var text = xml.replacingOccurrences(of: "\r", with: "").trimmingCharacters(in: .whitespacesAndNewlines)
        if part == "docProps/core.xml" {
            text = text.replacingOccurrences(of: #"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"#, with: "",
                                             options: .regularExpression)
        }
        var elements = text.components(separatedBy: "><").map { element in
            (element.hasPrefix("<") ? "" : "<") + element + (element.hasSuffix(">") ? "" : ">")
        }
        if part == "[Content_Types].xml" || part.hasSuffix(".rels"), elements.count > 3 {
            // Keep the declaration, the root's opening and closing tags in place; sort the entries between.
            let entries = elements[2..<(elements.count - 1)].sorted()
            elements = Array(elements[0..<2]) + entries + [elements[elements.count - 1]]
        }
        return elements
    }
}
