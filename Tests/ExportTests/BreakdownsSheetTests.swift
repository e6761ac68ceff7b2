import Foundation
@testable import Export
import Score
import XCTest

/// The breakdown heat-map sheets (SPEC §5.3), read back with openpyxl: one sheet per breakdown
/// before Comments, rows = areas, columns = values, a block for n, each construct and (e)NPS,
/// "hidden" where suppressed, blank where nobody is in the cell.
final class BreakdownsSheetTests: XCTestCase {
    private static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    /// Sheet name → rows of cell texts (numbers as Python prints them, None as "").
    private func sheets(_ report: ScoreReport) throws -> (names: [String], cells: [String: [[String]]]) {
        let folder = try TemporaryFolder()
        let path = folder.path("report.xlsx")
        try WorkbookWriter.write(report: report, metadata: WorkbookFixture.metadata, config: WorkbookFixture.config,
                                 to: path)
        let script = """
            import json, sys, openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            out = {"names": book.sheetnames, "cells": {}}
            for name in book.sheetnames:
                if " by " in name:
                    out["cells"][name] = [["" if c is None else str(c) for c in row]
                                          for row in book[name].iter_rows(values_only=True)]
            print(json.dumps(out))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return (try XCTUnwrap(json["names"] as? [String]), try XCTUnwrap(json["cells"] as? [String: [[String]]]))
    }

    func testOneSheetPerBreakdownWithABlockPerFigure() throws {
        var report = WorkbookFixture.report
        report.breakdowns = WorkbookFixture.breakdowns
        let (names, cells) = try sheets(report)
        XCTAssertEqual(names, ["Summary", "Areas", "Items", "Drivers", "Trends", "Customers", "Employees by role",
                               "Customers by channel", "Themes", "Comments", "Data quality", "Method", "Chart data"])
        let role = try XCTUnwrap(cells["Employees by role"])
        let headers = role.indices.filter { role[$0].first == "Area" }
        XCTAssertEqual(headers.count, 1 + 4 + 1, "n, four constructs, eNPS")
        XCTAssertEqual(role[headers[0] - 1].first, "Respondents (n)")
        XCTAssertEqual(role[headers[1] - 1].first, "Leadership: mean (0–100)")
        XCTAssertEqual(role[headers[5] - 1].first?.hasPrefix("eNPS"), true)
        XCTAssertEqual(Array(role[headers[0]].prefix(3)), ["Area", "Frontline", "Manager"])
        XCTAssertEqual(role[headers[0] + 1...headers[0] + 4].map(\.first), ["Operations", "Sales", "Support", "All areas"])
        XCTAssertEqual(Array(role[headers[0] + 3].prefix(3)), ["Support", "2", "1"], "counts are shown")
        XCTAssertEqual(Array(role[headers[1] + 1].prefix(3)), ["Operations", "70", "77"])
        XCTAssertEqual(Array(role[headers[1] + 3].prefix(3)), ["Support", "hidden", "hidden"])
        XCTAssertEqual(Array(role[headers[5] + 2].prefix(3)), ["Sales", "-20", "0"])
        // Customers by channel: Sales has nobody on the Web (blank, not hidden).
        let channel = try XCTUnwrap(cells["Customers by channel"])
        let mean = try XCTUnwrap(channel.firstIndex { $0.first == "Customer experience: mean (0–100)" })
        XCTAssertEqual(Array(channel[mean + 3].prefix(3)), ["Sales", "61", ""])
        XCTAssertEqual(Array(channel[mean + 4].prefix(3)), ["Support", "hidden", "hidden"])
    }

    func testSheetNamesAreValidAndDistinct() {
        let long = Breakdown(survey: .customer, column: "a very long [channel]: name/with?*", constructs: [],
                             recommendKey: "nps", values: [], areas: [], cells: [])
        let first = BreakdownsSheet.sheetName(long, taken: [])
        XCTAssertEqual(first, "Customers by a very long channe")
        XCTAssertEqual(first.count, 31)
        XCTAssertEqual(BreakdownsSheet.sheetName(long, taken: [first]), "Customers by a very long chan 2")
    }
}
