import Score
import SurveyModel
import XLSXWriter

/// The first sheet: which areas are ready, whether change is led or only
/// managed, and what difference it makes to employees and customers.
struct SummarySheet {
    let report: ScoreReport
    let metadata: RunMetadata
    let config: PipelineConfig
    let workbook: XLSXWorkbook

    static let headerRow = 5
    static let columns = [
        "Area", "Readiness", "Band", "LMI", "Quadrant", "Leadership", "Management", "Employee life",
        "Customer life", "Difference gap", "eNPS", "eNPS low", "eNPS high", "NPS", "NPS low", "NPS high",
        "Employee n", "Customer n", "Response rate", "Three things to do differently", "In plain words",
        "Left out of readiness",
    ]
    static let readinessCol = 1
    static let lmiCol = 3
    static let textCols: Set<Int> = [19, 20, 21]

    func write(_ writer: SheetWriter) throws(XLSXError) {
        let formats = writer.formats
        try writer.text(0, 0, "Readiness for systemic change — \(report.wave)", formats.title, measure: false)
        try writer.text(1, 0, "Report wave: \(report.wave)", formats.section, measure: false)
        let window = metadata.dataWindow.map { "\($0.first) to \($0.last)" } ?? "not known"
        try writer.text(2, 0, "Data window: \(window)", formats.plain, measure: false)
        try writer.text(3, 0, "Scores are 0–100. \(WorkbookFormats.hiddenMarker): too few respondents to show "
            + "(see Method). An empty cell: no data.", formats.note, measure: false)
        let absent = SurveyKind.allCases.filter { kind in !metadata.inputs.contains { $0.kind == kind } }
        if !absent.isEmpty {
            // SPEC §3.7: say why the absent survey's figures are empty.
            try writer.text(4, 0, absent.map { "No \($0.rawValue) survey in this run: its figures are empty." }
                .joined(separator: " "), formats.note, measure: false)
        }
        try writer.header(Self.headerRow, 0, Self.columns, textColumns: Set([0, 2, 4]).union(Self.textCols))
        for (offset, area) in report.areas.enumerated() {
            try writeRow(writer, row: Self.headerRow + 1 + offset, area: area)
        }
        let lastRow = Self.headerRow + max(report.areas.count, 1)
        writer.cap(19, 50)
        writer.cap(20, 40)
        writer.cap(21, 36)
        writer.cap(0, 28)
        try writer.sheet.autofilter(CellRange(Self.headerRow, 0, lastRow, Self.columns.count - 1))
        if !report.areas.isEmpty {
            let first = Self.headerRow + 1
            try ConditionalRules.bands(writer, range: CellRange(first, Self.readinessCol, lastRow, Self.readinessCol + 1),
                                       readinessCol: Self.readinessCol, bands: config.scoring.bands)
            try ConditionalRules.diverging(writer, range: CellRange(first, Self.lmiCol, lastRow, Self.lmiCol), spread: 20)
            try ConditionalRules.heatMap(writer, range: CellRange(first, 5, lastRow, 8))
        }
        let charts = SummaryCharts(report: report, config: config, workbook: workbook)
        try charts.write(writer, belowRow: lastRow + 2)
        try writer.finish(freezeRow: Self.headerRow + 1, freezeCol: 1, wrapColumns: Self.textCols)
        writer.sheet.activate()
    }

    private func writeRow(_ writer: SheetWriter, row: Int, area: AreaResult) throws(XLSXError) {
        let formats = writer.formats
        let figures = AreaFigures(area: area, weights: config.scoring.weights)
        try writer.text(row, 0, area.area, area.isTotal ? formats.label : nil)
        try writer.figure(row, 1, figures.readiness, formats.score)
        try hiddenAwareText(writer, row, 2, figures.band)
        try writer.figure(row, 3, figures.lmi, formats.signed)
        try hiddenAwareText(writer, row, 4, figures.quadrant)
        for (offset, name) in ["leadership", "management", "employee_life", "customer_life"].enumerated() {
            try writer.figure(row, 5 + offset, figures.construct(name), formats.score)
        }
        try writer.figure(row, 9, figures.differenceGap, formats.signed)
        try writeNPS(writer, row: row, col: 10, area.enps)
        try writeNPS(writer, row: row, col: 13, area.nps)
        try writer.count(row, 16, area.employeeN)
        try writer.count(row, 17, area.customerN)
        try writer.number(row, 18, area.responseRate.map { $0 * 100 }, formats.percent)
        try writer.text(row, 19, PlainLanguage.threeThings(area, instrument: config.instrument), formats.wrapped)
        try writer.text(row, 20, PlainLanguage.verdict(figures, evaporation: report.evaporation), formats.wrapped)
        try writer.text(row, 21, PlainLanguage.missing(area, instrument: config.instrument), formats.wrapped)
    }

    private func hiddenAwareText(_ writer: SheetWriter, _ row: Int, _ col: Int, _ text: String?) throws(XLSXError) {
        guard let text else { return }
        try writer.text(row, col, text, text == WorkbookFormats.hiddenMarker ? writer.formats.hidden : nil)
    }

    private func writeNPS(_ writer: SheetWriter, row: Int, col: Int, _ nps: NPSResult) throws(XLSXError) {
        try writer.figure(row, col, Figure(nps.score, suppressed: nps.suppressed), writer.formats.signed)
        try writer.figure(row, col + 1, Figure(nps.ciLow, suppressed: nps.suppressed), writer.formats.signed)
        try writer.figure(row, col + 2, Figure(nps.ciHigh, suppressed: nps.suppressed), writer.formats.signed)
    }
}
