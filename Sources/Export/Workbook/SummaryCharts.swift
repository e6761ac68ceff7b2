import Score
import SurveyModel
import XLSXWriter

/// The two native charts of the Summary (readiness by area; leadership vs
/// management with the quadrant threshold) and the small data block they plot,
/// which lists only figures that are shown, so no hidden or missing figure is
/// ever drawn as zero.
struct SummaryCharts {
    let report: ScoreReport
    let config: PipelineConfig
    let workbook: XLSXWorkbook

    /// Rows a chart (288 px × 1.05) occupies at the default 20 px row height, plus a gap.
    static let chartRows = 17
    static let chartScale = (x: 1.3, y: 1.05)

    func write(_ writer: SheetWriter, belowRow chartRow: Int) throws(XLSXError) {
        let formats = writer.formats
        let bars = barRows()
        let points = scatterRows()
        var row = chartRow + Self.chartRows
        try writer.text(row, 0, "Chart data (only figures that are shown)", formats.section, measure: false)
        try writer.header(row + 1, 0, ["Area", "Readiness"])
        let barsFirst = row + 2
        for (offset, entry) in bars.enumerated() {
            try writer.text(barsFirst + offset, 0, entry.area)
            try writer.number(barsFirst + offset, 1, entry.readiness, formats.score)
        }
        row = barsFirst + bars.count + 1
        try writer.header(row, 0, ["Area", "Management", "Leadership"])
        let pointsFirst = row + 1
        for (offset, entry) in points.enumerated() {
            try writer.text(pointsFirst + offset, 0, entry.area, entry.total ? formats.label : nil)
            try writer.number(pointsFirst + offset, 1, entry.management, formats.score)
            try writer.number(pointsFirst + offset, 2, entry.leadership, formats.score)
        }
        row = pointsFirst + points.count + 1
        try writer.header(row, 0, ["Threshold line", "Management", "Leadership"])
        let linesFirst = row + 1
        let threshold = config.scoring.quadrantThreshold
        let lines = [("Leadership", 0.0, threshold), ("Leadership", 100.0, threshold),
                     ("Management", threshold, 0.0), ("Management", threshold, 100.0)]
        for (offset, line) in lines.enumerated() {
            try writer.text(linesFirst + offset, 0, line.0)
            try writer.number(linesFirst + offset, 1, line.1, formats.score)
            try writer.number(linesFirst + offset, 2, line.2, formats.score)
        }
        let secondCol = columnAfter(writer, pixels: 480 * Self.chartScale.x + 24)
        if !bars.isEmpty {
            let chart = try barChart(writer.name, rows: barsFirst...(barsFirst + bars.count - 1), bars: bars)
            try writer.insertChart(chart, row: chartRow, col: 0, xScale: Self.chartScale.x, yScale: Self.chartScale.y)
        }
        if !points.isEmpty {
            let chart = try scatterChart(writer.name, rows: pointsFirst...(pointsFirst + points.count - 1),
                                         totals: points.map(\.total), linesRow: linesFirst)
            try writer.insertChart(chart, row: chartRow, col: bars.isEmpty ? 0 : secondCol,
                                         xScale: Self.chartScale.x, yScale: Self.chartScale.y)
        }
    }

    /// Areas with a readiness figure, best first, then All areas.
    private func barRows() -> [(area: String, readiness: Double, band: Int)] {
        let rows = report.areas.compactMap { area -> (area: String, readiness: Double, band: Int, total: Bool)? in
            guard let readiness = area.readiness else { return nil }
            return (area.area, readiness, bandIndex(readiness), area.isTotal)
        }
        let sorted = rows.filter { !$0.total }.sorted { ($1.readiness, $0.area) < ($0.readiness, $1.area) }
            + rows.filter(\.total)
        return sorted.map { ($0.area, $0.readiness, $0.band) }
    }

    /// Areas with both leadership and management shown.
    private func scatterRows() -> [(area: String, management: Double, leadership: Double, total: Bool)] {
        report.areas.compactMap { area in
            guard let leadership = area.construct("leadership")?.shownMean,
                  let management = area.construct("management")?.shownMean else { return nil }
            return (area.area, management, leadership, area.isTotal)
        }
    }

    private func bandIndex(_ readiness: Double) -> Int {
        config.scoring.bands.firstIndex { readiness >= $0.min } ?? config.scoring.bands.count
    }

    private func barChart(_ sheet: String, rows: ClosedRange<Int>,
                          bars: [(area: String, readiness: Double, band: Int)]) throws(XLSXError) -> XLSXChart {
        let chart = try workbook.addChart(.bar)
        chart.title("Readiness by area", fontSize: 12, bold: true)
        chart.legend(.none)
        let series = try chart.addSeries(sheet: sheet, categories: CellRange(rows.lowerBound, 0, rows.upperBound, 0),
                                         values: CellRange(rows.lowerBound, 1, rows.upperBound, 1))
        series.fixedName("Readiness")
        let count = config.scoring.bands.count + 1
        try series.pointColors(bars.map { WorkbookFormats.bandColor(index: $0.band, count: count) })
        series.valueLabels(numberFormat: "0.0", position: .outsideEnd)
        // In a bar chart the x axis is the horizontal value axis and y the category axis.
        chart.axis(.x, AxisOptions(name: "Readiness (0–100)", min: 0, max: 100, majorUnit: 20))
        chart.axis(.y, AxisOptions(reversed: true, crossingAtMax: true))
        chart.seriesGap(60)
        return chart
    }

    private func scatterChart(_ sheet: String, rows: ClosedRange<Int>, totals: [Bool],
                              linesRow: Int) throws(XLSXError) -> XLSXChart {
        let chart = try workbook.addChart(.scatterStraightWithMarkers)
        chart.title("Led or only managed?", fontSize: 12, bold: true)
        chart.legend(.right)
        for (offset, row) in rows.enumerated() {
            let series = try chart.addSeries(sheet: sheet, categories: CellRange(row, 1, row, 1),
                                             values: CellRange(row, 2, row, 2))
            try series.name(sheet: sheet, row: row, col: 0)
            series.line(.none)
            if totals[offset] {
                series.marker(.diamond, size: 10, color: 0x404040)
            } else {
                let palette = WorkbookFormats.palette
                series.marker(.circle, size: 9, color: palette[offset % palette.count])
            }
        }
        for line in 0..<2 {
            let start = linesRow + line * 2
            let series = try chart.addSeries(sheet: sheet, categories: CellRange(start, 1, start + 1, 1),
                                             values: CellRange(start, 2, start + 1, 2))
            series.fixedName("Threshold")
            series.line(ChartLine(color: WorkbookFormats.grey, width: 1.25, dash: .dash))
            series.marker(.none, size: 7)
        }
        try chart.hideLegendEntries([rows.count + 1])
        chart.axis(.x, AxisOptions(name: "Management (0–100)", min: 0, max: 100, majorUnit: 20))
        chart.axis(.y, AxisOptions(name: "Leadership (0–100)", min: 0, max: 100, majorUnit: 20))
        return chart
    }

    /// The first column whose left edge is at least `pixels` from column A.
    private func columnAfter(_ writer: SheetWriter, pixels: Double) -> Int {
        var used = 0.0
        var col = 0
        while used < pixels && col < 200 {
            used += writer.finalWidth(col) * 7 + 5
            col += 1
        }
        return col
    }
}
