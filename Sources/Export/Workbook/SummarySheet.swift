import Score
import SurveyModel
import XLSXWriter

/// The first sheet: which areas are ready (best first), which way they moved since
/// the previous wave, whether change is led or only managed, what to do differently,
/// then the other headline figures. Printed it is one landscape page; the charts
/// follow on the next page.
struct SummarySheet {
    let report: ScoreReport
    let metadata: RunMetadata
    let config: PipelineConfig
    let workbook: XLSXWorkbook
    let data: ChartData
    /// "Readiness for systemic change — 2026-Q3" (a per-area workbook names its area too).
    let title: String

    static let headerRow = 5
    /// The columns every Summary has, in order; `changeCol` gets the previous wave in its title.
    static let columns = [
        "Area", "Readiness", "Band", "Change", "Quadrant", "Three things to do differently", "LMI", "Employee life",
        "Customer life", "Difference gap", "eNPS", "NPS", "Response rate",
    ]
    /// The widest each column may be (character units), so that the table prints on one landscape
    /// page at 73% or more (11-point text no smaller than 8 points); headers wrap instead.
    static let widths: [Double] = [14, 9, 9.5, 10.5, 12.5, 44, 6.5, 9.5, 9.5, 10, 6.5, 6.5, 9.5]
    static let readinessCol = 1
    static let changeCol = 3
    static let threeThingsCol = 5
    static let lmiCol = 6
    static let lifeCols = 7...8

    func write(_ writer: SheetWriter) throws(XLSXError) {
        try writeTitle(writer)
        var titles = Self.columns
        if let previous = previousWave { titles[Self.changeCol] = "Change since \(previous)" }
        let textCols: Set<Int> = [0, 2, 4, Self.threeThingsCol]
        try writer.header(Self.headerRow, 0, titles, textColumns: textCols)
        let (areas, totals) = ordered()
        var row = Self.headerRow + 1
        for area in areas {
            try writeRow(writer, row: row, area: area)
            row += 1
        }
        let lastArea = row - 1
        if !totals.isEmpty { row += 1 }  // a blank row sets All areas apart
        for area in totals {
            try writeRow(writer, row: row, area: area)
            row += 1
        }
        let lastRow = max(row - 1, Self.headerRow + 1)
        for (col, width) in Self.widths.enumerated() { writer.cap(col, width) }
        try writer.sheet.autofilter(CellRange(Self.headerRow, 0, max(lastArea, Self.headerRow), titles.count - 1))
        if !report.areas.isEmpty {
            try writeRules(writer, first: Self.headerRow + 1, last: lastRow)
        }
        let chartRow = try writeNotes(writer, from: lastRow + 2) + 1
        let charts = SummaryCharts(report: report, config: config, workbook: workbook, data: data)
        let chartPages = try charts.write(writer, belowRow: chartRow)
        try writer.finish(freezeRow: Self.headerRow + 1, freezeCol: 1, wrapColumns: textCols.subtracting([2]),
                          pageBreaksBefore: [chartRow] + chartPages)
        writer.sheet.activate()
    }

    /// Title, what the figures cover, and the notes that replace empty columns.
    private func writeTitle(_ writer: SheetWriter) throws(XLSXError) {
        let formats = writer.formats
        try writer.text(0, 0, title, formats.title, measure: false)
        let total = report.areas.first(where: \.isTotal)
        let people = total.map { " (\($0.employeeN) employees, \($0.customerN) customers answered)" } ?? ""
        let change = previousWave.map { "; change is against \($0) (▲ up, ▼ down)" } ?? ""
        try writer.text(1, 0, "Every figure covers the report wave \(report.wave)\(people)\(change). "
            + "Earlier waves: Trends sheet.", formats.section, measure: false)
        try writer.text(2, 0, "Scores are 0–100, best area first. \(WorkbookFormats.hiddenMarker): too few "
            + "respondents to show (see Method). An empty cell: no data. Leadership, management, respondents, intervals "
            + "and spread: Areas sheet and the chart on the next page.",
            formats.note, measure: false)
        var notes: [String] = []
        let absent = SurveyKind.allCases.filter { kind in !metadata.inputs.contains { $0.kind == kind } }
        // SPEC §3.7: say why the absent survey's figures are empty.
        notes += absent.map { "No \($0.rawValue) survey in this run: its figures are empty." }
        if previousWave != nil {
            notes.append("A change in bold with *: a figure behind readiness, eNPS or NPS changed significantly "
                + "(p < 0.05); the lines under the table name them.")
        }
        if !notes.isEmpty { try writer.text(3, 0, notes.joined(separator: " "), formats.note, measure: false) }
    }

    /// Under the table, said once instead of a column of mostly empty cells: the wins that faded
    /// (what "in plain words" adds to quadrant and band) and what readiness left out. Returns
    /// the next free row.
    private func writeNotes(_ writer: SheetWriter, from start: Int) throws(XLSXError) -> Int {
        var lines = significanceLines()
        for area in report.areas {
            if let fading = PlainLanguage.fading(area.area, evaporation: report.evaporation) {
                lines.append("\(area.area): \(fading).")
            }
        }
        let leftOut = report.areas.compactMap { area -> String? in
            guard area.readiness != nil, let missing = PlainLanguage.missing(area, instrument: config.instrument)
            else { return nil }
            return "\(area.area): \(missing)"
        }
        if !leftOut.isEmpty {
            lines.append("Left out of readiness (no figure shown): " + leftOut.joined(separator: "; ") + ".")
        } else if report.areas.contains(where: { $0.readiness != nil }) {
            lines.append("Left out of readiness: nothing missing (every readiness shown uses all its components).")
        }
        for (offset, line) in lines.enumerated() {
            try writer.text(start + offset, 0, line, writer.formats.plain, measure: false)
        }
        return start + lines.count
    }

    /// One line per area (in table order) whose readiness constructs, eNPS or NPS changed
    /// significantly (SPEC §5.2), or one line saying none did; nothing without a previous wave.
    private func significanceLines() -> [String] {
        guard let previousWave else { return [] }
        let (areas, totals) = ordered()
        let lines = (areas + totals).compactMap { SignificantChanges($0, config: config).line(area: $0.area) }
        guard !lines.isEmpty else { return ["No significant changes since \(previousWave)."] }
        return lines.map { $0 + "." }
    }

    /// Configured areas by readiness, best first (areas without one last, in config order), and All areas.
    private func ordered() -> (areas: [AreaResult], totals: [AreaResult]) {
        let areas = report.areas.enumerated().filter { !$0.element.isTotal }.sorted { lhs, rhs in
            switch (lhs.element.readiness, rhs.element.readiness) {
            case let (left?, right?) where left != right: return left > right
            case (.some, nil): return true
            case (nil, .some): return false
            default: return lhs.offset < rhs.offset
            }
        }.map(\.element)
        return (areas, report.areas.filter(\.isTotal))
    }

    private var previousWave: String? { report.previousWave }

    /// Readiness now minus readiness in the previous wave (SPEC §5 trends); nil without both.
    private func readinessChange(_ area: String) -> Double? {
        guard let previousWave else { return nil }
        let points = report.trends.filter { $0.area == area }
        guard let now = points.first(where: { $0.wave == report.wave })?.readiness,
              let before = points.first(where: { $0.wave == previousWave })?.readiness else { return nil }
        return now - before
    }

    private func writeRow(_ writer: SheetWriter, row: Int, area: AreaResult) throws(XLSXError) {
        let formats = writer.formats
        let figures = AreaFigures(area: area, weights: config.scoring.weights)
        try writer.text(row, 0, area.area, area.isTotal ? formats.labelWrapped : formats.wrapped)
        try writer.figure(row, Self.readinessCol, figures.readiness, formats.score)
        try hiddenAwareText(writer, row, 2, figures.band)
        try writeChange(writer, row: row, area: area)
        try hiddenAwareText(writer, row, 4, figures.quadrant, wrapped: true)
        try writer.text(row, Self.threeThingsCol, PlainLanguage.threeThings(area, instrument: config.instrument),
                        formats.wrapped)
        try writer.figure(row, Self.lmiCol, figures.lmi, formats.signed)
        for (col, name) in zip(Self.lifeCols, ["employee_life", "customer_life"]) {
            try writer.figure(row, col, figures.construct(name), formats.score)
        }
        try writer.figure(row, 9, figures.differenceGap, formats.signed)
        try writer.figure(row, 10, Figure(area.enps.score, suppressed: area.enps.suppressed), formats.signed)
        try writer.figure(row, 11, Figure(area.nps.score, suppressed: area.nps.suppressed), formats.signed)
        try writer.number(row, 12, area.responseRate.map { $0 * 100 }, formats.percent)
    }

    /// Readiness's ▲ / ▼ change, bold and marked `*` when a figure behind it changed significantly
    /// (the note lines under the table name them); "* see note" when only the marks exist.
    private func writeChange(_ writer: SheetWriter, row: Int, area: AreaResult) throws(XLSXError) {
        let marked = !SignificantChanges(area, config: config).isEmpty
        if let change = readinessChange(area.area) {
            try writer.number(row, Self.changeCol, change, marked ? writer.formats.markedChange : writer.formats.change)
        } else if marked {
            try writer.text(row, Self.changeCol, "* see note", writer.formats.markedNote)
        }
    }

    private func writeRules(_ writer: SheetWriter, first: Int, last: Int) throws(XLSXError) {
        try ConditionalRules.bands(writer, range: CellRange(first, Self.readinessCol, last, Self.readinessCol + 1),
                                   readinessCol: Self.readinessCol, bands: config.scoring.bands)
        try ConditionalRules.direction(writer, range: CellRange(first, Self.changeCol, last, Self.changeCol))
        try ConditionalRules.diverging(writer, range: CellRange(first, Self.lmiCol, last, Self.lmiCol), spread: 20)
        try ConditionalRules.heatMap(writer, range: CellRange(first, Self.lifeCols.lowerBound, last,
                                                              Self.lifeCols.upperBound))
    }

    private func hiddenAwareText(_ writer: SheetWriter, _ row: Int, _ col: Int, _ text: String?,
                                 wrapped: Bool = false) throws(XLSXError) {
        guard let text else { return }
        let format = text == WorkbookFormats.hiddenMarker ? writer.formats.hidden : wrapped ? writer.formats.wrapped : nil
        try writer.text(row, col, text, format)
    }
}
