import Score
import SurveyModel
import XLSXWriter

/// Sustainment: each area's headline figures per wave with the change from
/// the previous wave, faded wins highlighted, and readiness over time as a
/// line chart in which the areas whose wins faded stand out in colour, All areas
/// is dashed and the rest are grey (its data on the hidden chart-data sheet).
struct TrendsSheet {
    let report: ScoreReport
    let workbook: XLSXWorkbook
    let data: ChartData

    static let columns = [
        "Area", "Wave", "Readiness", "Change", "Employee life", "Change", "Customer life", "Change", "LMI", "Change",
        "Faded win",
    ]
    static var metrics: [(name: String, value: (TrendPoint) -> Double?, signed: Bool)] {
        [
            ("readiness", { $0.readiness }, false), ("employee_life", { $0.employeeLife }, false),
            ("customer_life", { $0.customerLife }, false), ("lmi", { $0.lmi }, true),
        ]
    }

    func write(_ writer: SheetWriter) throws(XLSXError) {
        let formats = writer.formats
        try writer.text(0, 0, "Trends by wave (report wave \(report.wave)); highlighted: a win that faded "
            + "(the report wave is well below an earlier peak)", formats.section, measure: false)
        try writer.header(1, 0, Self.columns, textColumns: [0, 1, Self.columns.count - 1])
        var row = 2
        let points = pointsByArea()
        let faded = Dictionary(grouping: report.evaporation, by: \.area)
        for area in orderedAreas() {
            var previous: TrendPoint?
            for wave in report.waves {
                let point = points[area]?[wave]
                if let point {
                    try writeRow(writer, row: row, point: point, previous: previous,
                                 faded: point.wave == report.wave ? faded[area] ?? [] : [])
                    row += 1
                }
                previous = point
            }
        }
        writer.cap(Self.columns.count - 1, 48)
        if row > 2 {
            try writer.sheet.autofilter(CellRange(1, 0, row - 1, Self.columns.count - 1))
            for index in Self.metrics.indices {
                try ConditionalRules.direction(writer, range: CellRange(2, 3 + index * 2, row - 1, 3 + index * 2))
            }
        }
        // The chart goes under the table, on a printed page of its own, so the table prints at a readable size.
        let chartRow = row + 1
        let charted = try writeWideBlock(writer, points: points, row: chartRow)
        try writer.finish(freezeRow: 2, freezeCol: 2, wrapColumns: [Self.columns.count - 1],
                          pageBreaksBefore: charted ? [chartRow] : [])
    }

    /// Areas in report order (configured areas, then All areas), then any others found in the trends.
    private func orderedAreas() -> [String] {
        var names = report.areas.map(\.area)
        var seen = Set(names)
        for point in report.trends where seen.insert(point.area).inserted { names.append(point.area) }
        return names
    }

    /// The trend points of each area by wave (the first one where there are several): looked up
    /// per row and cell, so that a report of many areas is not scanned once per cell.
    private func pointsByArea() -> [String: [String: TrendPoint]] {
        Dictionary(grouping: report.trends, by: \.area).mapValues { points in
            Dictionary(points.map { ($0.wave, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// - Parameter faded: the area's evaporation rows when `point` is of the report wave, else none.
    private func writeRow(_ writer: SheetWriter, row: Int, point: TrendPoint, previous: TrendPoint?,
                          faded: [Evaporation]) throws(XLSXError) {
        let formats = writer.formats
        try writer.text(row, 0, point.area)
        try writer.text(row, 1, point.wave)
        for (index, metric) in Self.metrics.enumerated() {
            let col = 2 + index * 2
            let value = metric.value(point)
            let isFaded = faded.contains { $0.metric == metric.name }
            let format = isFaded ? (metric.signed ? formats.fadedSigned : formats.fadedScore)
                : (metric.signed ? formats.signed : formats.score)
            try writer.number(row, col, value, format)
            if isFaded && value == nil { try writer.sheet.blank(row, col, format) }
            if let value, let before = previous.flatMap(metric.value) {
                try writer.number(row, col + 1, value - before, formats.change)
            }
        }
        let notes = faded.map { entry in
            "\(PlainLanguage.metricLabel(entry.metric)) \(Self.oneDecimal(entry.latest)), down "
                + "\(Self.oneDecimal(entry.drop)) from its \(entry.peakWave) peak of \(Self.oneDecimal(entry.peak)); "
                + "significant: \(Self.significance(entry))"
        }
        if !notes.isEmpty { try writer.text(row, Self.columns.count - 1, notes.joined(separator: "; "), formats.wrapped) }
    }

    /// Wave × area readiness, the data of the line chart, on the chart-data sheet; the chart at `row`.
    /// Returns whether there was a chart to draw.
    private func writeWideBlock(_ writer: SheetWriter, points: [String: [String: TrendPoint]],
                                row: Int) throws(XLSXError) -> Bool {
        let areas = orderedAreas().filter { area in
            points[area]?.values.contains { $0.readiness != nil } ?? false
        }
        guard !report.waves.isEmpty, !areas.isEmpty else { return false }
        let first = try data.block("Readiness by wave", header: ["Wave"] + areas, rows: report.waves.map { wave in
            [.text(wave)] + areas.map { area in points[area]?[wave]?.readiness.map(ChartCell.number) ?? .blank }
        })
        let header = first - 1
        let lastRow = first + report.waves.count - 1
        let chart = try workbook.addChart(.line)
        let faded = Set(report.evaporation.map(\.area))
        chart.title(faded.isEmpty ? "Readiness by area over waves (dashed: All areas)"
                        : "Readiness over waves: areas whose wins faded in colour, the rest grey", fontSize: 12, bold: true)
        chart.legend(.right)
        let totals = Set(report.areas.filter(\.isTotal).map(\.area))
        let colors = WorkbookFormats.palette(count: areas.count)
        var unlabelled: [Int] = []
        for (index, area) in areas.enumerated() {
            let series = try chart.addSeries(sheet: data.sheet, categories: CellRange(first, 0, lastRow, 0),
                                             values: CellRange(first, 1 + index, lastRow, 1 + index))
            try series.name(sheet: data.sheet, row: header, col: 1 + index)
            let total = totals.contains(area)
            let highlighted = faded.contains(area) || faded.isEmpty
            let color: Color = total ? WorkbookFormats.totalMarker : highlighted ? colors[index] : WorkbookFormats.fadedLine
            series.line(ChartLine(color: color, width: total ? 2.75 : highlighted ? 2.25 : 1, dash: total ? .dash : nil))
            series.marker(.circle, size: highlighted || total ? 6 : 3, color: color)
            if !highlighted && !total { unlabelled.append(index) }
        }
        try chart.hideLegendEntries(unlabelled)
        chart.axis(.y, AxisOptions(name: "Readiness (0–100)", min: 0, max: 100, majorUnit: 20))
        try writer.insertChart(chart, row: row, col: 0, xScale: 1.8, yScale: 1.6)
        return true
    }

    /// Welch's test of a faded win (SPEC §5.2) in plain words: "yes, p = 0.02", "no", "not tested".
    static func significance(_ entry: Evaporation) -> String {
        guard let significant = entry.significant else { return "not tested" }
        guard significant else { return "no" }
        return "yes" + (entry.pValue.map { ", " + SignificantChanges.pText($0) } ?? "")
    }

    static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        return "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }
}
