import Score
import SurveyModel
import XLSXWriter

/// One heat-map sheet per breakdown (SPEC §5.3): rows = the areas then All areas, columns =
/// the values (employee role; customer segment, channel), one block for the respondents, one
/// per construct of the form and one for eNPS / NPS. A suppressed cell shows the "hidden"
/// marker like the other sheets; an empty cell (nobody of that area and value) stays blank.
struct BreakdownsSheet {
    let breakdown: Breakdown
    let report: ScoreReport
    let config: PipelineConfig

    /// Values shown: Excel has 16,384 columns, one is the area's (the JSON has every value).
    static let maxValues = 16_383

    /// Creates and writes a sheet for each breakdown, in the order of `report.breakdowns`.
    static func writeAll(report: ScoreReport, config: PipelineConfig, workbook: XLSXWorkbook,
                         formats: WorkbookFormats, context: SheetContext) throws(XLSXError) {
        var used: Set<String> = []
        for breakdown in report.breakdowns {
            let name = sheetName(breakdown, taken: used)
            used.insert(name)
            let writer = SheetWriter(try workbook.addSheet(name), formats, context: context)
            try BreakdownsSheet(breakdown: breakdown, report: report, config: config).write(writer)
        }
    }

    /// "Employees by role", "Customers by segment": Excel's 31 characters, none of `[]:*?/\`,
    /// and a number added when a sanitized name is taken already.
    static func sheetName(_ breakdown: Breakdown, taken: Set<String>) -> String {
        let survey = breakdown.survey == .employee ? "Employees" : "Customers"
        let column = String(breakdown.column.unicodeScalars.filter { !"[]:*?/\\'".unicodeScalars.contains($0) })
        let base = String("\(survey) by \(column)".prefix(31))
        var name = base, number = 2
        while taken.contains(name) {
            let suffix = " \(number)"
            name = String(base.prefix(31 - suffix.count)) + suffix
            number += 1
        }
        return name
    }

    func write(_ writer: SheetWriter) throws(XLSXError) {
        let formats = writer.formats
        let values = Array(breakdown.values.prefix(Self.maxValues))
        let survey = breakdown.survey == .employee ? "Employees" : "Customers"
        let recommend = breakdown.survey == .employee ? "eNPS" : "NPS"
        let shown = values.count < breakdown.values.count
            ? "; the first \(values.count) of \(breakdown.values.count) values, every value is in the JSON" : ""
        try writer.text(0, 0, "\(survey) by \(breakdown.column), \(report.wave): each figure by area and "
                        + "\(breakdown.column)\(shown)", formats.section, measure: false)
        try writer.text(1, 0, "\"\(WorkbookFormats.hiddenMarker)\": fewer than \(config.privacy.minGroupSize) "
                        + "respondents, or hidden so that no other hidden figure can be worked out from its "
                        + "row or column; blank: nobody in that cell", formats.note, measure: false)
        var row = 3
        var tops = [row]
        row = try block(writer, at: row, title: "Respondents (n)", values: values.count, heat: nil) { cell in
            .count(cell.n)
        }
        for (index, name) in breakdown.constructs.enumerated() {
            let label = config.instrument.constructs.first { $0.name == name }?.label ?? name
            tops.append(row)
            row = try block(writer, at: row, title: "\(label): mean (0–100)", values: values.count, heat: .score) {
                .figure(Figure($0.constructs[index].value, suppressed: $0.constructs[index].suppressed), formats.score)
            }
        }
        tops.append(row)
        _ = try block(writer, at: row, title: "\(recommend): % promoters − % detractors (−100 to 100)",
                      values: values.count, heat: .signed) {
            .figure(Figure($0.recommend.value, suppressed: $0.recommend.suppressed), formats.signed)
        }
        try writer.finish(freezeRow: 1, freezeCol: 1,
                          pageBreaksBefore: Self.pageBreaks(blockTops: tops, blockRows: breakdown.areas.count + 2,
                                                            scale: Self.printScale(writer, columns: values.count + 1)))
    }

    /// Printable area of a landscape page in points, the smaller of A4 and Letter, inside the margins
    /// of `SheetContext` (0.3 in left and right, 0.6 in top and bottom).
    static let pageWidth = (11.0 - 0.6) * 72, pageHeight = (8.27 - 1.2) * 72
    /// Heights in points the page estimate allows: the section title, a wrapped (two-line) header, a row.
    static let titleHeight = 20.0, headerHeight = 30.0, rowHeight = 15.0

    /// The scale that fitting `columns` columns to one page width gives (at most 1).
    static func printScale(_ writer: SheetWriter, columns: Int) -> Double {
        let points = (0..<columns).reduce(0.0) { $0 + (writer.finalWidth($1) * 7 + 5) * 0.75 }
        return min(1, pageWidth / max(points, 1))
    }

    /// The block tops that start a printed page so that no block splits across pages, given each block's
    /// rows (title, header, areas) at `scale`; the sheet's title row repeats on every page. A block taller
    /// than a page starts one and is split by the printer.
    static func pageBreaks(blockTops: [Int], blockRows: Int, scale: Double) -> [Int] {
        let available = pageHeight / scale
        let block = titleHeight + headerHeight + Double(blockRows - 2) * rowHeight
        var used = titleHeight + 2 * rowHeight  // the title, the note and a blank row
        var breaks: [Int] = []
        for top in blockTops {
            if used + block > available, top != blockTops.first {
                breaks.append(top)
                used = titleHeight
            }
            used += block + rowHeight
        }
        return breaks
    }

    private enum Content {
        case count(Int)
        case figure(Figure, XLSXFormat)
    }

    private enum Heat { case score, signed }

    /// One block: a title, a header of the values, a row per area; returns the row after it and a blank one.
    private func block(_ writer: SheetWriter, at top: Int, title: String, values: Int, heat: Heat?,
                       content: (BreakdownCell) -> Content) throws(XLSXError) -> Int {
        let formats = writer.formats
        try writer.text(top, 0, title, formats.section, measure: false)
        try writer.header(top + 1, 0, ["Area"] + breakdown.values.prefix(values))
        for (offset, area) in breakdown.areas.enumerated() {
            let row = top + 2 + offset
            try writer.text(row, 0, area, area == breakdown.areas.last ? formats.label : nil)
            for value in 0..<values {
                switch content(breakdown.cells[offset][value]) {
                case .count(let n): try writer.count(row, 1 + value, n)
                case .figure(let figure, let format): try writer.figure(row, 1 + value, figure, format)
                }
            }
        }
        let last = top + 1 + breakdown.areas.count
        if values > 0, !breakdown.areas.isEmpty {
            let range = CellRange(top + 2, 1, last, values)
            switch heat {
            case .score: try ConditionalRules.heatMap(writer, range: range)
            case .signed: try ConditionalRules.diverging(writer, range: range, spread: 50)
            case nil: break
            }
        }
        return last + 2
    }
}
